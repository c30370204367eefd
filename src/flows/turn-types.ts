import type { ConversationRecord, HandoffPriority } from '../conversations/conversation-store.ts'
import type { DepartmentCode, Urgency } from './triage-vocabulary.ts'
import type { PendingOffer, PendingQuestion } from './dialogue/pending-question.ts'

export type ReplyKind = 'answer' | 'question' | 'emergency' | 'handoff' | 'info'

export type QuickReply = { label: string, value: string }

/** A vetted passage found by retrieval (a phrase or a policy-document chunk). */
export type VettedSource = { id: string, version: number, title: string, body: string, group?: string | null, kind: 'phrase' | 'chunk', sectionPath?: string | null }

/**
 * What a flow wants to say: a phrase key from the vetted corpus (never literal text), the values
 * for its variables, or a retrieved vetted passage. Composition into text happens later.
 */
export type PlannedReply = {
  kind: ReplyKind
  key?: string
  passage?: VettedSource
  variables?: Record<string, string>
  /** Touches symptoms, medicines or treatment: the disclaimer is attached. */
  medical?: boolean
  quickReplies?: QuickReply[]
}

export type TriageOutcome = { urgency: Urgency, department: DepartmentCode | null, redFlags: string[] }

export type AppointmentOutcome = { reference: string, status: 'booked' | 'rescheduled' | 'cancelled', department: DepartmentCode, start: string }

export type HandoffRequest = { priority: HandoffPriority, reason: string }

/** `pending`: the question this flow just asked; the next reply is read against it first. */
export type FlowState = { flow: string, step: string, slots: Record<string, unknown>, pending?: PendingQuestion }

export type FlowOutcome = {
  replies: PlannedReply[]
  /** The flow's next state, or null when the flow has finished. */
  next: FlowState | null
  triage?: TriageOutcome
  appointment?: AppointmentOutcome
  handoff?: HandoffRequest
  /** Replaces the whole conversation state (start over, resume after idle). */
  stateOverride?: ConversationState
  /** A yes/no offer that outlives the flow ("shall I book?"): kept for the next turn only. */
  offer?: PendingOffer
}

export type ConversationState = {
  active: FlowState | null
  /** Flows interrupted by another question, resumed when that one is answered. */
  suspended: FlowState[]
  lastTriage?: TriageOutcome
  /** An offer the last reply made after its flow finished; answered (or dropped) on the next turn. */
  offer?: PendingOffer
}

export function readConversationState (conversation: ConversationRecord): ConversationState {
  const state = conversation.state as Partial<ConversationState>
  return { active: state.active ?? null, suspended: state.suspended ?? [], ...(state.lastTriage ? { lastTriage: state.lastTriage } : {}), ...(state.offer ? { offer: state.offer } : {}) }
}
