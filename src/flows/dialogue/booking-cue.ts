import type { Understanding } from '../flow-context.ts'
import { extractDepartmentMention } from '../understanding/extract-department-mention.ts'
import { extractDoctorName } from '../understanding/extract-doctor-name.ts'
import { parseDate } from '../understanding/parse-date.ts'
import { parseTimeOfDay } from '../understanding/parse-time-of-day.ts'

const BOOKING_WORDS = /\b(?:book|booking|appointment|appt|see (?:a|the|someone|somebody|dr)|get in|slot|visit)\b|预约|挂号|挂个?|约个?|看一下|能看/iu
const WHEN_WORDS = /\b(?:asap|soonest|earliest|next week|this week|any ?time|whenever)\b|尽快|越快越好|越早越好|最早|下周|这周|都可以|都行/iu
const TODAY = { year: 2000, month: 1, day: 1 }

/**
 * A message the intent rules could not place ("dermatology next thursday at 11", "约妇产科 下周一")
 * that names a department or doctor together with a day, a time or a booking word is a booking.
 */
export function understandBookingCue (text: string, understanding: Understanding): Understanding {
  if (understanding.intent !== 'other' || !namesBooking(text)) return understanding
  return { ...understanding, intent: 'appointment_book', confidence: Math.max(understanding.confidence, 0.7) }
}

/**
 * A request to book ("约皮肤科，越快越好", "book ENT next week"): it goes to booking even though a
 * department name also reads as a medical topic; a message with a symptom of the patient's is
 * still triaged first (the caller checks that).
 */
export function isBookingRequest (text: string, understanding: Understanding): boolean {
  return (understanding.intent === 'appointment_book' && understanding.confidence >= 0.6) || ((understanding.intent === 'other' || understanding.intent === 'appointment_book') && namesBooking(text))
}

function namesBooking (text: string): boolean {
  const names = extractDepartmentMention(text) !== null || extractDoctorName(text) !== null
  if (!names) return false
  const when = parseDate(text, TODAY) !== null || parseTimeOfDay(text).partOfDay !== null || WHEN_WORDS.test(text)
  return when || BOOKING_WORDS.test(text)
}
