import type { FlowContext, FlowHandler } from '../flow-context.ts'
import type { FlowOutcome, PlannedReply } from '../turn-types.ts'
import { quickReplies } from '../quick-replies-menu.ts'
import { selfCarePhraseFor } from '../triage-replies/self-care-phrase.ts'
import { assessTriage, nextTriageQuestion, type QuestionAnswer, type TriageAssessment, type TriageEvidence } from '../triage/assess-findings.ts'
import { parseYesNo } from '../triage/parse-yes-no.ts'
import { maxUrgency, type Urgency, departmentName } from '../triage-vocabulary.ts'

const MAX_QUESTIONS = 2

/**
 * urgencyFloor: the highest urgency a model saw in the patient's messages; decisions never go below it.
 * texts: the patient's own words in this triage, read together every turn.
 */
type TriageFlowSlots = { texts: string[], answers: Record<string, QuestionAnswer>, pending: string | null, urgencyFloor?: Urgency }

/** Reads the patient's story into findings, asks only what could change the outcome (at most two questions), then answers. */
export const triageFlow: FlowHandler = {
  async handle (context) {
    const saved = context.flowState?.slots as TriageFlowSlots | undefined
    const slots = saved ? withReply(saved, context.text) : { texts: [context.text], answers: {}, pending: null }
    return askOrDecide(context, { ...slots, ...raisedFloor(saved?.urgencyFloor, context.understanding.urgencyFloor) })
  },
  async reprompt (context) {
    const slots = context.flowState.slots as TriageFlowSlots
    return slots.pending ? ask(context, slots, slots.pending) : askOrDecide(context, slots)
  }
}

/** The reply to a pending question is its answer ("not sure" is an unknown, which adds nothing) and more of the story. */
function withReply (slots: TriageFlowSlots, text: string): TriageFlowSlots {
  const texts = [...slots.texts, text]
  if (!slots.pending) return { ...slots, texts }
  return { ...slots, texts, pending: null, answers: { ...slots.answers, [slots.pending]: parseYesNo(text) ?? 'unknown' } }
}

function askOrDecide (context: FlowContext, slots: TriageFlowSlots): FlowOutcome {
  const evidence: TriageEvidence = { texts: slots.texts, answers: slots.answers, locale: context.locale }
  const extractor = context.services.findings
  const assessment = assessTriage(extractor, evidence)
  const asked = Object.keys(slots.answers).length
  const question = asked < MAX_QUESTIONS && slots.urgencyFloor !== 'emergency' ? nextTriageQuestion(extractor, evidence, assessment) : null
  if (question) return ask(context, { ...slots, pending: question.id }, question.id)
  return decide(context, assessment, slots.urgencyFloor)
}

function raisedFloor (saved: Urgency | undefined, seen: Urgency | undefined): { urgencyFloor?: Urgency } {
  const floor = saved && seen ? maxUrgency(saved, seen) : saved ?? seen
  return floor ? { urgencyFloor: floor } : {}
}

function ask (context: FlowContext, slots: TriageFlowSlots, question: string): FlowOutcome {
  return {
    replies: [{ kind: 'question', key: `triage.question.${question}`, medical: true, quickReplies: quickReplies(context.locale, ['yes', 'no', 'unknown']) }],
    next: { flow: 'triage', step: `question.${question}`, slots: { ...slots, pending: question } }
  }
}

function decide (context: FlowContext, assessment: TriageAssessment, urgencyFloor: Urgency | undefined): FlowOutcome {
  const urgency = urgencyFloor ? maxUrgency(assessment.urgency, urgencyFloor) : assessment.urgency
  const reasons = urgency === assessment.urgency ? assessment.reasons : [...assessment.reasons, 'model_urgency_floor']
  const department = urgency === 'emergency' ? 'emergency' : assessment.department
  if (urgency === 'emergency') {
    return {
      replies: [{ kind: 'emergency', key: 'safety.emergency', medical: true }, { kind: 'handoff', key: 'safety.emergency.handoff' }],
      next: null,
      triage: { urgency, department, redFlags: reasons },
      handoff: { priority: 'emergency', reason: `triage: ${reasons.join(', ')}` }
    }
  }
  const triage = { urgency, department, redFlags: [] as string[] }
  const variables = { department: departmentName(department, context.locale) }
  const bookable = urgency === 'urgent' || urgency === 'routine'
  // A question about a condition or a medicine, with no symptom of the patient's: we do not answer
  // it from unrelated text; we say so and point to the department that can.
  const noSymptoms = assessment.reading.current.every((finding) => finding.kind !== 'symptom')
  const selfCare = urgency === 'self_care' && assessment.presentation ? selfCarePhraseFor(assessment.presentation) : null
  const replies: PlannedReply[] = noSymptoms
    ? [{ kind: 'answer', key: 'triage.abstain.medical_question', medical: true, variables, quickReplies: quickReplies(context.locale, ['appointment']) }]
    : [
        { kind: 'answer', key: `triage.urgency.${urgency}`, medical: true, variables },
        ...(selfCare ? [{ kind: 'answer' as const, key: selfCare, medical: true }] : []),
        { kind: 'answer', key: `triage.dept.${department}`, medical: true, variables, quickReplies: bookable ? quickReplies(context.locale, ['appointment']) : [] }
      ]
  return { replies, next: null, triage }
}
