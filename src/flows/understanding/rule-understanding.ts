import { pickIntent, scoreIntents } from './classify-intent.ts'
import { extractSlots } from './extract-slots.ts'
import { withoutBookingReferences } from './extract-booking-reference.ts'
import type { MessageLocale, Understanding } from './understanding-types.ts'

export type UnderstandByRulesOptions = {
  text: string
  /** The message's locale. Both lexicons are always consulted, since patients mix languages. */
  locale: MessageLocale | string
  /** The current instant, for relative dates ("明天", "next Tuesday"). */
  now: Date
  /** The clinic's IANA time zone. */
  timezone: string
}

/**
 * Offline understanding: intent by weighted lexicon cues plus slot evidence, and every slot the
 * extractors can read. Deterministic for a given `now`; never throws on patient text.
 */
export function understandByRules ({ text, now, timezone }: UnderstandByRulesOptions): Understanding {
  const slots = extractSlots({ text, now, timezone })
  const { intent, confidence } = pickIntent(scoreIntents(withoutBookingReferences(text), slots))
  return { intent, confidence, slots }
}
