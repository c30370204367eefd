import { detectLocale } from './understanding/detect-locale.ts'

export type LocaleChoice = {
  /** The language this message was written in (zh-CN or en), or the conversation's when unsure. */
  replyLocale: string
  conversationLocale: string
  /** Written in a language we do not serve: answer with the vetted "we can help in…" phrase. */
  unsupported: boolean
}

/** Language is detected per message: a patient may switch between Chinese and English. */
export function chooseReplyLocale (text: string, conversationLocale: string): LocaleChoice {
  const fallback = conversationLocale === 'zh-CN' ? 'zh-CN' : 'en'
  const detected = detectLocale(text, fallback)
  if (detected === 'other') return { replyLocale: fallback, conversationLocale: fallback, unsupported: true }
  return { replyLocale: detected, conversationLocale: detected, unsupported: false }
}
