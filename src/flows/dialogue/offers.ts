import type { Understanding } from '../flow-context.ts'
import type { Intent } from '../understanding/understanding-types.ts'
import type { FlowOutcome } from '../turn-types.ts'
import type { PendingOffer } from './pending-question.ts'
import { readYesNo } from './read-yes-no.ts'

const ANYTHING_ELSE: PendingOffer = { kind: 'yes_no', offer: 'anything_else', flow: null, intent: null, slots: {} }
// Replies that end on "anything else?" (or "would you like me to find a time?", handled below).
const ASKS_ANYTHING_ELSE = new Set(['smalltalk.declined', 'smalltalk.thanks'])

/**
 * The offer a finished outcome leaves for the next turn: after a triage decision that can be
 * booked, its reply asks whether to find a time, so a bare "yes"/"好的" books in that department;
 * after "anything else?", a bare "no" says goodbye.
 */
export function withFollowUpOffer (outcome: FlowOutcome): FlowOutcome {
  if (outcome.offer || outcome.next || outcome.handoff) return outcome
  const department = outcome.triage?.department
  const bookable = outcome.triage && (outcome.triage.urgency === 'urgent' || outcome.triage.urgency === 'routine')
  if (bookable && department && department !== 'emergency') {
    return { ...outcome, offer: { kind: 'yes_no', offer: 'book', flow: 'appointment', intent: 'appointment_book', slots: { department } } }
  }
  const last = outcome.replies[outcome.replies.length - 1]?.key
  return last && ASKS_ANYTHING_ELSE.has(last) ? { ...outcome, offer: ANYTHING_ELSE } : outcome
}

/** The understanding a taken offer starts its flow with: the offer's intent and slots win. */
export function understandingForOffer (offer: PendingOffer, understanding: Understanding): Understanding {
  return { ...understanding, intent: (offer.intent ?? 'other') as Intent, confidence: 1, slots: { ...understanding.slots, ...offer.slots } }
}

/** "No" to an offer: nothing starts; "no, that's all" (or no to "anything else?") closes politely. */
export function declineOffer (offer: PendingOffer, done: boolean): FlowOutcome {
  const closing = done || offer.flow === null
  return { replies: [{ kind: 'info', key: closing ? 'smalltalk.goodbye' : 'smalltalk.declined' }], next: null }
}

/** "Yes" to "anything else?": what the bot can help with. */
export function showHelp (): FlowOutcome {
  return { replies: [{ kind: 'info', key: 'smalltalk.help_menu' }], next: null }
}

/**
 * A bare "yes"/"no"/"I don't know" with nothing asked is answered with what the bot can do,
 * never matched against the corpus (where "no" once found the invoice text).
 */
export function answerBareYesNo (text: string): FlowOutcome | null {
  return readYesNo(text) ? showHelp() : null
}
