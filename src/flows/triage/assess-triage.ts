import type { UnderstandingSlots } from '../understanding/understanding-types.ts'
import { extractSymptoms } from '../understanding/extract-symptoms.ts'
import { answersFromMessage, classifyComplaint, COMPLAINT_QUESTIONS, isMinorComplaint } from './complaint-screening.ts'
import { detectTriageSignals } from './detect-triage-signals.ts'
import { applyEscalationRules, type TriageFacts } from './escalation-rules.ts'
import { parseScreeningAnswer } from './parse-screening-answer.ts'
import { isChildPatient, routeDepartment } from './route-department.ts'
import type {
  ScreeningAnswer, ScreeningAnswers, ScreeningQuestionId, TriageComplaint, TriageDecision, TriageSlots, TriageState
} from './triage-types.ts'

export type StartTriageOptions = { text: string, locale: string, slots: TriageSlots | UnderstandingSlots }

export type DecideTriageOptions = { complaint: TriageComplaint, answers: ScreeningAnswers, slots: TriageSlots }

const MAX_QUESTIONS = 3

function triageSlots (slots: TriageSlots | UnderstandingSlots): TriageSlots {
  const { symptoms, duration, severity, onset, age, childMentioned, sex, pregnancy, chronicConditions, department } = slots
  const picked: TriageSlots = { symptoms, duration, severity, onset, age, childMentioned, sex, pregnancy, chronicConditions, department }
  return Object.fromEntries(Object.entries(picked).filter(([, value]) => value !== undefined)) as TriageSlots
}

function factsOf ({ complaint, answers, slots }: DecideTriageOptions): TriageFacts {
  return {
    complaint: complaint.id,
    symptoms: complaint.symptoms,
    signals: complaint.signals,
    answers,
    slots,
    child: isChildPatient(slots),
    minor: isMinorComplaint(complaint)
  }
}

/**
 * The triage outcome for a complaint, the screening answers so far and the patient's slots: an
 * urgency, a department (emergency care whenever the urgency is emergency) and the reason codes.
 * Unanswered questions count as not asked; an "unknown" red-flag answer keeps the outcome at least urgent.
 */
export function decideTriage (options: DecideTriageOptions): TriageDecision {
  const { urgency, reasons } = applyEscalationRules(factsOf(options))
  const department = urgency === 'emergency' ? 'emergency' : options.complaint.department
  return { urgency, department, reasons }
}

function canChangeOutcome (options: DecideTriageOptions, question: ScreeningQuestionId): boolean {
  const withAnswer = (answer: ScreeningAnswer) => decideTriage({ ...options, answers: { ...options.answers, [question]: answer } }).urgency
  return withAnswer('yes') !== withAnswer('no')
}

function questionsWorthAsking (options: DecideTriageOptions, candidates: ScreeningQuestionId[]): ScreeningQuestionId[] {
  if (decideTriage(options).urgency === 'emergency') return []
  return candidates.filter((question) => options.answers[question] === undefined && canChangeOutcome(options, question))
}

/**
 * Reads the first message about symptoms: complaint type, department, signals, the answers the
 * message already gives, and the screening questions (at most three) whose answer could still
 * change the urgency. The returned state is plain JSON for the dialogue engine to store.
 */
export function startTriage ({ text, locale, slots }: StartTriageOptions): TriageState {
  const picked = triageSlots(slots)
  const symptoms = [...new Set((picked.symptoms ?? extractSymptoms(text)).map((symptom) => symptom.id))]
  const signals = detectTriageSignals(text)
  const evidence = { symptoms, signals, slots: picked, child: isChildPatient(picked) }
  const route = routeDepartment({ text, locale, slots: picked })
  const complaint: TriageComplaint = {
    id: classifyComplaint(evidence),
    department: route.code,
    departmentAlternatives: route.alternatives.map((alternative) => alternative.code),
    signals,
    symptoms
  }
  const answers = answersFromMessage(evidence)
  const questions = questionsWorthAsking({ complaint, answers, slots: picked }, COMPLAINT_QUESTIONS[complaint.id]).slice(0, MAX_QUESTIONS)
  return { version: 1, complaint, slots: picked, questions, answers }
}

/** The next question to ask, or null when triage can decide (all asked, or nothing left can change the outcome). */
export function nextScreeningQuestion (state: TriageState): ScreeningQuestionId | null {
  const remaining = questionsWorthAsking({ complaint: state.complaint, answers: state.answers, slots: state.slots }, state.questions)
  return remaining[0] ?? null
}

/** Records an answer that is already known (a quick-reply button, or an eval case). */
export function recordScreeningAnswer ({ state, questionId, answer }: { state: TriageState, questionId: ScreeningQuestionId, answer: ScreeningAnswer }): TriageState {
  return { ...state, answers: { ...state.answers, [questionId]: answer } }
}

/**
 * Parses the patient's reply to the pending question. `understood` is false when the reply answers
 * nothing (the engine asks again, then hands off); the state is then unchanged.
 */
export function answerScreeningQuestion ({ state, text }: { state: TriageState, text: string }): { state: TriageState, understood: boolean } {
  const questionId = nextScreeningQuestion(state)
  if (questionId === null) return { state, understood: false }
  const answer = parseScreeningAnswer(questionId, text)
  if (answer === null) return { state, understood: false }
  return { state: recordScreeningAnswer({ state, questionId, answer }), understood: true }
}

/** decideTriage over a stored state. */
export function decideFromState (state: TriageState): TriageDecision {
  return decideTriage({ complaint: state.complaint, answers: state.answers, slots: state.slots })
}
