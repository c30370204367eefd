import type { DepartmentCode, Urgency } from '../triage-vocabulary.ts'
import type { UnderstandingSlots } from '../understanding/understanding-types.ts'

export const SCREENING_QUESTION_IDS = [
  'chest_breathless',
  'chest_sweating',
  'headache_sudden',
  'headache_fever_neck',
  'child_age_months',
  'child_drinking_wetting',
  'age_group',
  'duration',
  'severity',
  'pregnant'
] as const

/** A screening question; its reply phrase key is `triage.question.<id>`. */
export type ScreeningQuestionId = typeof SCREENING_QUESTION_IDS[number]

export type ScreeningAnswer = 'yes' | 'no' | 'unknown'

export type ScreeningAnswers = Partial<Record<ScreeningQuestionId, ScreeningAnswer>>

export const COMPLAINT_IDS = [
  'chest_pain', 'breathing', 'headache', 'child_illness', 'abdominal_pain', 'pregnancy', 'fever', 'injury', 'minor', 'general'
] as const

export type ComplaintId = typeof COMPLAINT_IDS[number]

/** The slots triage reads; a subset of the understanding slots. */
export type TriageSlots = Pick<UnderstandingSlots,
  'symptoms' | 'duration' | 'severity' | 'onset' | 'age' | 'childMentioned' | 'sex' | 'pregnancy' | 'chronicConditions' | 'department'>

/**
 * What triage keeps from the first message: no patient text, only derived codes, so the state can
 * be stored and logged without the message itself.
 */
export type TriageComplaint = {
  id: ComplaintId
  department: DepartmentCode
  departmentAlternatives: DepartmentCode[]
  /** Triage signal ids found in the text (see triage-signals.ts). */
  signals: string[]
  /** Symptom ids found in the text (see understanding/symptom-lexicon.ts). */
  symptoms: string[]
}

export type TriageDecision = {
  urgency: Urgency
  department: DepartmentCode
  /** Ids of the rules that set the urgency, most decisive first; stable codes for audit and phrases. */
  reasons: string[]
}

/** Triage state between turns; plain JSON. The dialogue engine stores it and passes it back. */
export type TriageState = {
  version: 1
  complaint: TriageComplaint
  slots: TriageSlots
  /** Questions still worth asking, in order (at most three at the start). */
  questions: ScreeningQuestionId[]
  /** Answers so far, including those already given by the first message. */
  answers: ScreeningAnswers
}
