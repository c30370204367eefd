import type { Understanding } from '../flow-context.ts'
import type { Intent } from '../understanding/understanding-types.ts'
import type { FlowOutcome } from '../turn-types.ts'
import { departmentName, type DepartmentCode } from '../triage-vocabulary.ts'
import type { PendingOffer } from './pending-question.ts'

/**
 * After a triage decision that can be booked, the bot offers to find a time in that department;
 * the offer is remembered for the next turn, so a bare "yes"/"好的" books there.
 */
export function withBookingOffer (outcome: FlowOutcome, locale: string): FlowOutcome {
  const department = outcome.triage?.department
  const bookable = outcome.triage && (outcome.triage.urgency === 'urgent' || outcome.triage.urgency === 'routine')
  if (!bookable || !department || department === 'emergency' || outcome.next || outcome.handoff) return outcome
  const offer: PendingOffer = { kind: 'yes_no', offer: 'book', flow: 'appointment', intent: 'appointment_book', slots: { department } }
  const variables = { department: departmentName(department as DepartmentCode, locale) }
  return { ...outcome, offer, replies: [...outcome.replies, { kind: 'question', key: 'appointment.offer_booking', variables, medical: true }] }
}

/** The understanding a taken offer starts its flow with: the offer's intent and slots win. */
export function understandingForOffer (offer: PendingOffer, understanding: Understanding): Understanding {
  return { ...understanding, intent: offer.intent as Intent, confidence: 1, slots: { ...understanding.slots, ...offer.slots } }
}

/** "No" to an offer: nothing starts; "no, that's all" closes politely. */
export function declineOffer (done: boolean): FlowOutcome {
  return { replies: [{ kind: 'info', key: done ? 'smalltalk.goodbye' : 'smalltalk.declined' }], next: null }
}
