import type { Understanding } from '../flow-context.ts'
import { extractBookingReference, withoutBookingReferences } from '../understanding/extract-booking-reference.ts'

const FILLER = /^[\s,，.。:：!！?？]*(?:my |the |booking |reference |ref |预约号|我的|是)*[\s,，.。:：!！?？]*$/iu

const MOVE = /\b(?:move|moving|change|reschedule|rearrange|push (?:it )?back|bring (?:it )?forward|different (?:day|time))\b|改约|改时间|改到|换个?时间|换一天|推迟|提前/iu
const CANCEL = /\b(?:cancel|call off|drop)\b|取消|退掉|退号|不去了/iu

/**
 * A message with a booking reference: "move APT-… please" is a change and "cancel APT-…" a
 * cancellation whatever the intent rules made of it; a message that is only a reference (and
 * perhaps a phone) is a request to look it up.
 */
export function understandReferenceRequest (text: string, understanding: Understanding): Understanding {
  if (!extractBookingReference(text)) return understanding
  if (CANCEL.test(text)) return { ...understanding, intent: 'appointment_cancel', confidence: 1 }
  if (MOVE.test(text)) return { ...understanding, intent: 'appointment_reschedule', confidence: 1 }
  const rest = withoutBookingReferences(text).replace(/(?:\+|00)?\d[\d\s\-().]{6,20}\d/gu, ' ')
  if (!FILLER.test(rest)) return understanding
  return { ...understanding, intent: 'appointment_lookup', confidence: 1 }
}
