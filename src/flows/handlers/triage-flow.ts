import type { FlowContext, FlowHandler } from '../flow-context.ts'
import type { FlowOutcome, PlannedReply } from '../turn-types.ts'
import { quickReplies } from '../quick-replies-menu.ts'
import { selfCarePhraseFor } from '../triage-replies/self-care-phrase.ts'
import { answerScreeningQuestion, decideFromState, nextScreeningQuestion, recordScreeningAnswer, startTriage } from '../triage/assess-triage.ts'
import type { ScreeningQuestionId, TriageDecision, TriageState } from '../triage/triage-types.ts'
import { maxUrgency, type Urgency, departmentName } from '../triage-vocabulary.ts'

const MAX_QUESTIONS = 3

/** urgencyFloor: the highest urgency a model saw in the patient's messages; decisions never go below it. */
type TriageFlowSlots = { triage: TriageState, asked: number, pending: ScreeningQuestionId | null, urgencyFloor?: Urgency }

/** At most three short questions that can change the outcome, then urgency and department. */
export const triageFlow: FlowHandler = {
  async handle (context) {
    if (!context.flowState) {
      const triage = startTriage({ text: context.text, locale: context.locale, slots: context.understanding.slots })
      return askOrDecide(context, { triage, asked: 0, pending: null, ...raisedFloor(undefined, context.understanding.urgencyFloor) })
    }
    const slots = context.flowState.slots as TriageFlowSlots
    return askOrDecide(context, { ...slots, triage: recordAnswer(slots, context.text), ...raisedFloor(slots.urgencyFloor, context.understanding.urgencyFloor) })
  },
  async reprompt (context) {
    const slots = context.flowState.slots as TriageFlowSlots
    return slots.pending ? ask(context, slots, slots.pending) : askOrDecide(context, slots)
  }
}

/** A reply that answers nothing counts as "don't know": unknown red flags keep urgency high. */
function recordAnswer (slots: TriageFlowSlots, text: string): TriageState {
  if (!slots.pending) return slots.triage
  const answered = answerScreeningQuestion({ state: slots.triage, text })
  return answered.understood ? answered.state : recordScreeningAnswer({ state: slots.triage, questionId: slots.pending, answer: 'unknown' })
}

function askOrDecide (context: FlowContext, slots: TriageFlowSlots): FlowOutcome {
  const question = slots.asked < MAX_QUESTIONS && slots.urgencyFloor !== 'emergency' ? nextScreeningQuestion(slots.triage) : null
  if (question) return ask(context, { ...slots, asked: slots.asked + 1, pending: question }, question)
  return decide(context, slots.triage, slots.urgencyFloor)
}

function raisedFloor (saved: Urgency | undefined, seen: Urgency | undefined): { urgencyFloor?: Urgency } {
  const floor = saved && seen ? maxUrgency(saved, seen) : saved ?? seen
  return floor ? { urgencyFloor: floor } : {}
}

function ask (context: FlowContext, slots: TriageFlowSlots, question: ScreeningQuestionId): FlowOutcome {
  const buttons = question === 'age_group' || question === 'child_age_months' || question === 'duration' || question === 'severity' ? [] : quickReplies(context.locale, ['yes', 'no', 'unknown'])
  return {
    replies: [{ kind: 'question', key: `triage.question.${question}`, medical: true, quickReplies: buttons }],
    next: { flow: 'triage', step: `question.${question}`, slots: { ...slots, pending: question } }
  }
}

function decide (context: FlowContext, state: TriageState, urgencyFloor: Urgency | undefined): FlowOutcome {
  const decision = withFloor(decideFromState(state), urgencyFloor)
  const triage = { urgency: decision.urgency, department: decision.department, redFlags: [] as string[] }
  if (decision.urgency === 'emergency') {
    return {
      replies: [{ kind: 'emergency', key: 'safety.emergency', medical: true }, { kind: 'handoff', key: 'safety.emergency.handoff' }],
      next: null,
      triage: { ...triage, redFlags: decision.reasons },
      handoff: { priority: 'emergency', reason: `triage: ${decision.reasons.join(', ') || 'emergency'}` }
    }
  }
  const bookable = decision.urgency === 'urgent' || decision.urgency === 'routine'
  const variables = { department: departmentName(decision.department, context.locale) }
  const selfCare = decision.urgency === 'self_care' ? selfCarePhraseFor(state.complaint) : null
  const replies: PlannedReply[] = [
    { kind: 'answer', key: `triage.urgency.${decision.urgency}`, medical: true, variables },
    ...(selfCare ? [{ kind: 'answer' as const, key: selfCare, medical: true }] : []),
    { kind: 'answer', key: `triage.dept.${decision.department}`, medical: true, variables, quickReplies: bookable ? quickReplies(context.locale, ['appointment']) : [] }
  ]
  return { replies, next: null, triage }
}

/** A model may raise the urgency of the rules' decision, never lower it. */
function withFloor (decision: TriageDecision, urgencyFloor: Urgency | undefined): TriageDecision {
  if (!urgencyFloor || maxUrgency(decision.urgency, urgencyFloor) === decision.urgency) return decision
  return { urgency: urgencyFloor, department: urgencyFloor === 'emergency' ? 'emergency' : decision.department, reasons: [...decision.reasons, 'model_urgency_floor'] }
}
