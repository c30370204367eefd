import type { ComposedMessage } from '../compose-reply.ts'
import type { InboundTranslation, MachineTranslator } from './machine-translator.ts'
import type { InputGuardVerdict, SafetyGuards } from '../turn-services.ts'
import { GUARD_PRECEDENCE } from '../guards/input-guard.ts'

type Warn = { warn: (details: Record<string, unknown>, message: string) => void }

/** The message in English, or null when no translator is configured or it failed (then the vetted "we can help in…" reply). */
export async function translateInbound (translator: MachineTranslator | undefined, text: string, logger: Warn | undefined): Promise<InboundTranslation | null> {
  if (!translator) return null
  try {
    const translation = await translator.toEnglish(text)
    return translation.english.trim() ? translation : null
  } catch (error) {
    logger?.warn({ reason: error instanceof Error ? error.message : String(error) }, 'machine translation of a patient message failed; answering with the supported-languages phrase')
    return null
  }
}

/**
 * The vetted English replies in the patient's language, each labelled as a machine translation
 * with its English original. A reply whose translation fails, or trips the output guard, is sent
 * in its vetted English instead.
 */
export async function translateReplies (input: { translator: MachineTranslator, guards: SafetyGuards, messages: ComposedMessage[], language: string, logger: Warn | undefined }): Promise<ComposedMessage[]> {
  const texts = input.messages.flatMap((message) => [message.text, ...(message.disclaimer ? [message.disclaimer] : [])])
  let translated: string[]
  try {
    translated = await input.translator.fromEnglish(texts, input.language)
  } catch (error) {
    input.logger?.warn({ reason: error instanceof Error ? error.message : String(error), language: input.language }, 'machine translation of the replies failed; sending the vetted English')
    return input.messages
  }
  let next = 0
  return input.messages.map((message) => {
    const text = translated[next++]!
    const disclaimer = message.disclaimer ? translated[next++]! : undefined
    const verdict = input.guards.checkOutput({ text, locale: input.language, medical: message.medical, disclaimer })
    if (!verdict.ok || !text.trim()) return message
    return {
      ...message,
      text,
      ...(disclaimer ? { disclaimer } : {}),
      machineTranslation: { language: input.language, original: { text: message.text, ...(message.disclaimer ? { disclaimer: message.disclaimer } : {}) } }
    }
  })
}

/** Both the original and the English text go through the input guard: the more serious verdict wins. */
export function checkInputTexts (guards: SafetyGuards, texts: string[]): InputGuardVerdict {
  const verdicts = texts.map((text) => guards.checkInput(text))
  if (verdicts.length === 1) return verdicts[0]!
  const rank = (verdict: InputGuardVerdict) => verdict.verdict === 'pass' ? GUARD_PRECEDENCE.length : GUARD_PRECEDENCE.indexOf(verdict.verdict)
  const chosen = [...verdicts].sort((left, right) => rank(left) - rank(right))[0]!
  const matches = [...new Map(verdicts.flatMap((verdict) => verdict.matches).map((match) => [match.ruleId, match])).values()]
  return { verdict: chosen.verdict, matches, redFlags: [...new Set(verdicts.flatMap((verdict) => verdict.redFlags))] }
}
