import type { ClinicProfile } from '../clinics/clinic-directory.ts'
import type { ConversationRecord } from '../conversations/conversation-store.ts'
import type { Intent, UnderstandingSlots } from './understanding/understanding-types.ts'
import type { TurnServices } from './turn-services.ts'
import type { Urgency } from './triage-vocabulary.ts'
import type { FlowOutcome, FlowState } from './turn-types.ts'
import type { ReplyAnswer } from './dialogue/pending-question.ts'

/** `urgencyFloor`: the least urgency a triage decision on this turn may give (raised by a model, never lowered). */
export type Understanding = { intent: Intent, confidence: number, slots: UnderstandingSlots, source: 'rules' | 'model', urgencyFloor?: Urgency }

export type Understander = (input: { text: string, locale: string, now: Date, timezone: string, activeFlow: string | null }) => Promise<Understanding>

export type FlowContext = {
  services: TurnServices
  clinic: ClinicProfile
  conversation: ConversationRecord
  /** The language to answer in. */
  locale: string
  text: string
  understanding: Understanding
  /** This flow's saved state; null when the flow starts on this turn. */
  flowState: FlowState | null
  now: Date
  /** What the reply answered of this flow's pending question; it wins over the global extractors. */
  answer?: ReplyAnswer | null
}

export type FlowHandler = {
  /** Handles a turn of this flow (starting it when flowState is null). */
  handle: (context: FlowContext) => Promise<FlowOutcome>
  /** Asks the current step's question again, when the flow resumes after an interruption. */
  reprompt: (context: FlowContext & { flowState: FlowState }) => Promise<FlowOutcome>
}
