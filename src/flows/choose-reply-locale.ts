import { detectLocale } from './understanding/detect-locale.ts'
import { withoutBookingReferences } from './understanding/extract-booking-reference.ts'
import type { PendingQuestion } from './dialogue/pending-question.ts'
import { readReply } from './dialogue/read-reply.ts'

// Only whether the reply answers matters here, not which day it means.
const NO_DATES = { now: new Date(0), timezone: 'UTC' }

export type LocaleChoice = {
  /** The language this message was written in (zh-CN or en), or the conversation's when unsure. */
  replyLocale: string
  conversationLocale: string
  /** Written in a language we do not serve: answer with the vetted "we can help in…" phrase. */
  unsupported: boolean
}

/** Language is detected per message: a patient may switch between Chinese and English. */
export function chooseReplyLocale (text: string, conversationLocale: string, pending?: PendingQuestion): LocaleChoice {
  const fallback = conversationLocale === 'zh-CN' ? 'zh-CN' : 'en'
  // A name, a time or a label given to the bot's own question is no change of language ("kevin ho").
  if (pending && pending.kind !== 'free' && readReply(pending, text, NO_DATES) !== null) return { replyLocale: fallback, conversationLocale: fallback, unsupported: false }
  // A booking reference or a phone number says nothing about the language: "APT-7K2M9Q" alone
  // keeps a Chinese conversation in Chinese.
  const words = withoutBookingReferences(text).replace(/[+\d\s\-().,，。:：]/gu, '')
  const detected = words === '' ? fallback : detectLocale(text, fallback)
  if (detected === 'other') return { replyLocale: fallback, conversationLocale: fallback, unsupported: true }
  return { replyLocale: detected, conversationLocale: detected, unsupported: false }
}
