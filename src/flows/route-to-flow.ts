import type { ClinicProfile } from '../clinics/clinic-directory.ts'
import type { ConversationRecord } from '../conversations/conversation-store.ts'
import type { FlowContext, FlowHandler, Understander, Understanding } from './flow-context.ts'
import type { TurnServices } from './turn-services.ts'
import { readConversationState, type FlowOutcome, type FlowState } from './turn-types.ts'
import type { Intent } from './understanding/understanding-types.ts'
import type { LocaleChoice } from './choose-reply-locale.ts'
import { belongsToTriage } from './understanding/route-clinical-messages.ts'
import { isHealthNarrative } from '../clinical-findings/lexicon/health-narrative-cues.ts'
import { readPendingAnswer, type PendingAnswer } from './dialogue/answer-pending.ts'
import { understandReferenceRequest } from './dialogue/reference-request.ts'
import { isBookingRequest, understandBookingCue } from './dialogue/booking-cue.ts'
import { answerBareYesNo, declineOffer, showHelp, understandingForOffer, withFollowUpOffer } from './dialogue/offers.ts'

export type FlowName = 'triage' | 'insurance' | 'billing' | 'appointment' | 'medication' | 'clinic_info' | 'smalltalk'

export type FlowRegistry = { understand: Understander, handlers: Record<FlowName, FlowHandler> }

const FLOW_FOR_INTENT: Record<Intent, FlowName | null> = {
  triage: 'triage',
  insurance: 'insurance',
  billing: 'billing',
  appointment_book: 'appointment',
  appointment_lookup: 'appointment',
  appointment_reschedule: 'appointment',
  appointment_cancel: 'appointment',
  medication_reminder: 'medication',
  clinic_info: 'clinic_info',
  greeting: 'smalltalk',
  thanks: 'smalltalk',
  other: null,
  human: null,
  start_over: null
}

// Questions answered in one reply: they may interrupt a longer flow, which then resumes.
const ONE_SHOT_FLOWS = new Set<FlowName>(['insurance', 'billing', 'clinic_info'])
const SWITCH_CONFIDENCE = 0.6

type RouteInput = {
  services: TurnServices & { flows: FlowRegistry }
  conversation: ConversationRecord
  previousActivity: Date
  text: string
  locale: LocaleChoice
  clinic: ClinicProfile
  now: Date
  idleMinutes: number
  /** Triage whatever the intent: a refused diagnosis or dose request that is still a clinical question. */
  forceTriage?: boolean
}

/** Understands the message and hands it to the active flow, or to the flow its intent starts. */
export async function routeToFlow (input: RouteInput): Promise<FlowOutcome> {
  const state = readConversationState(input.conversation)
  const idle = state.active !== null && input.now.getTime() - input.previousActivity.getTime() > input.idleMinutes * 60_000
  const active = idle ? null : state.active
  const suspended = idle ? [] : state.suspended
  const understood = await input.services.flows.understand({ text: input.text, locale: input.locale.replyLocale, now: input.now, timezone: input.clinic.timezone, activeFlow: active?.flow ?? null })
  // Symptom and medicine narratives always reach triage, whatever words of another flow they contain;
  // a request to book a named department or doctor without a symptom of the patient's is a booking.
  const reading = input.services.findings.read(input.text)
  const booking = isBookingRequest(input.text, understood) && !reading.current.some((finding) => finding.kind === 'symptom') && !isHealthNarrative(input.text)
  const clinical = input.forceTriage === true || (!booking && belongsToTriage({ reading, text: input.text, intent: understood.intent, confidence: understood.confidence, activeFlow: active?.flow ?? null }))
  const intended = clinical ? { ...understood, intent: 'triage' as const, confidence: Math.max(understood.confidence, 0.9) } : understood
  const understanding = understandBookingCue(input.text, understandReferenceRequest(input.text, intended))
  const context = (flowState: FlowState | null): FlowContext => ({ services: input.services, clinic: input.clinic, conversation: input.conversation, locale: input.locale.replyLocale, text: input.text, understanding, flowState, now: input.now })
  // The reply is read against the bot's own question first; only then by intent.
  const answered = readPendingAnswer({ active, offer: idle ? undefined : state.offer, text: input.text, now: input.now, timezone: input.clinic.timezone })
  const bare = answered || active ? null : answerBareYesNo(input.text)
  const routed = answered
    ? await answerPending({ registry: input.services.flows, answered, active, suspended, context })
    : bare ? withSuspended(bare, suspended) : await dispatch({ registry: input.services.flows, understanding, active, suspended, context })
  const outcome = withOfferState(withFollowUpOffer(routed))
  if (!idle) return outcome
  return { ...outcome, replies: [{ kind: 'info', key: 'smalltalk.session_resumed' }, ...outcome.replies] }
}

type DispatchInput = {
  registry: FlowRegistry
  understanding: Understanding
  active: FlowState | null
  suspended: FlowState[]
  context: (flowState: FlowState | null) => FlowContext
}

async function dispatch ({ registry, understanding, active, suspended, context }: DispatchInput): Promise<FlowOutcome> {
  if (understanding.intent === 'start_over') {
    return { replies: [{ kind: 'info', key: 'smalltalk.start_over' }], next: null, stateOverride: { active: null, suspended: [] } }
  }
  if (understanding.intent === 'human') {
    return { replies: [{ kind: 'handoff', key: 'handoff.requested' }], next: active, handoff: { priority: 'normal', reason: 'patient asked for a human' } }
  }
  const target = FLOW_FOR_INTENT[understanding.intent]
  const switching = target !== null && understanding.confidence >= SWITCH_CONFIDENCE && target !== active?.flow
  if (active && !switching) return withSuspended(await registry.handlers[active.flow as FlowName].handle(context(active)), suspended)
  const flowName = target ?? 'smalltalk'
  const outcome = await registry.handlers[flowName].handle(context(null))
  const stack = active && ONE_SHOT_FLOWS.has(flowName) ? [...suspended, active] : suspended
  if (outcome.next || stack.length === 0) return withSuspended(outcome, stack)
  return resumeSuspended({ registry, outcome, stack, context })
}

async function answerPending ({ registry, answered, active, suspended, context }: Omit<DispatchInput, 'understanding'> & { answered: PendingAnswer }): Promise<FlowOutcome> {
  if (answered.to === 'active') return withSuspended(await registry.handlers[active!.flow as FlowName].handle({ ...context(active), answer: answered.answer }), suspended)
  const { answer, offer } = answered
  if (answer.kind === 'no') return withSuspended(declineOffer(offer, answer.done), suspended)
  if (offer.flow === null) return withSuspended(showHelp(), suspended)
  const base = context(null)
  return withSuspended(await registry.handlers[offer.flow as FlowName].handle({ ...base, understanding: understandingForOffer(offer, base.understanding) }), suspended)
}

/** The offer an outcome makes is part of the state it leaves. */
function withOfferState (outcome: FlowOutcome): FlowOutcome {
  if (!outcome.offer || !outcome.stateOverride) return outcome
  return { ...outcome, stateOverride: { ...outcome.stateOverride, offer: outcome.offer } }
}

async function resumeSuspended ({ registry, outcome, stack, context }: { registry: FlowRegistry, outcome: FlowOutcome, stack: FlowState[], context: DispatchInput['context'] }): Promise<FlowOutcome> {
  const resumed = stack[stack.length - 1]!
  const reprompt = await registry.handlers[resumed.flow as FlowName].reprompt({ ...context(resumed), flowState: resumed })
  return {
    ...outcome,
    replies: [...outcome.replies, ...reprompt.replies],
    next: reprompt.next,
    stateOverride: { active: reprompt.next, suspended: stack.slice(0, -1), ...(outcome.triage ? { lastTriage: outcome.triage } : {}) }
  }
}

function withSuspended (outcome: FlowOutcome, suspended: FlowState[]): FlowOutcome {
  if (outcome.stateOverride) return outcome
  return { ...outcome, stateOverride: { active: outcome.next, suspended, ...(outcome.triage ? { lastTriage: outcome.triage } : {}) } }
}
