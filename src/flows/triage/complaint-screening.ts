import type { ComplaintId, ScreeningAnswers, ScreeningQuestionId, TriageSlots } from './triage-types.ts'

/** Bump on every reviewed change. */
export const COMPLAINT_SCREENING_VERSION = '2026-11-24.1'

export type ScreeningQuestion = {
  id: ScreeningQuestionId
  /**
   * A red-flag question looks for an emergency. An "unknown" answer to it never lets the outcome
   * fall below urgent (escalation-rules.ts).
   */
  redFlag: boolean
  /**
   * What a recorded "yes" means: always the finding (the worrying answer), so escalation rules read
   * `yes` as "the red flag is present". The patient-facing wording is phrase `triage.question.<id>`.
   */
  yesMeans: string
  /**
   * The phrase asks whether things are normal ("Is your child drinking … as usual?"), so the patient's
   * plain "yes" is reassuring and is recorded as "no", and a plain "no" is the finding (parse-screening-answer.ts).
   */
  askedAsNormal?: true
}

export const SCREENING_QUESTIONS: Record<ScreeningQuestionId, ScreeningQuestion> = {
  chest_breathless: { id: 'chest_breathless', redFlag: true, yesMeans: 'short of breath together with the chest pain' },
  chest_sweating: { id: 'chest_sweating', redFlag: true, yesMeans: 'sweating or clammy, or the pain spreads to the arm, jaw or back' },
  headache_sudden: { id: 'headache_sudden', redFlag: true, yesMeans: 'sudden, thunderclap onset, or the worst headache ever' },
  headache_fever_neck: { id: 'headache_fever_neck', redFlag: true, yesMeans: 'fever together with a stiff neck or a rash' },
  child_age_months: { id: 'child_age_months', redFlag: true, yesMeans: 'the child is younger than 3 months' },
  child_drinking_wetting: { id: 'child_drinking_wetting', redFlag: true, askedAsNormal: true, yesMeans: 'the child is drinking much less or has far fewer wet nappies' },
  age_group: { id: 'age_group', redFlag: false, yesMeans: 'the patient is 65 or older' },
  duration: { id: 'duration', redFlag: false, yesMeans: 'it has lasted more than two weeks' },
  severity: { id: 'severity', redFlag: false, yesMeans: 'severe: 8/10 or more, or it stops normal activity' },
  pregnant: { id: 'pregnant', redFlag: true, yesMeans: 'the patient is or could be pregnant' }
}

/** Candidate questions per complaint, most important first; assess-triage.ts keeps only those that can change the outcome. */
export const COMPLAINT_QUESTIONS: Record<ComplaintId, ScreeningQuestionId[]> = {
  chest_pain: ['chest_breathless', 'chest_sweating', 'age_group'],
  breathing: ['severity', 'chest_sweating', 'age_group'],
  headache: ['headache_sudden', 'headache_fever_neck', 'severity'],
  child_illness: ['child_age_months', 'child_drinking_wetting', 'headache_fever_neck'],
  abdominal_pain: ['severity', 'pregnant', 'age_group'],
  pregnancy: ['severity', 'duration'],
  fever: ['headache_fever_neck', 'age_group', 'duration'],
  injury: ['severity', 'age_group'],
  minor: ['severity', 'duration', 'age_group'],
  general: ['severity', 'duration', 'age_group']
}

export type ComplaintEvidence = { symptoms: string[], signals: string[], slots: TriageSlots, child: boolean }

const has = (list: string[], ...ids: string[]) => ids.some((id) => list.includes(id))

const MINOR_SIGNALS = ['minor_burn', 'minor_cold', 'mild_sore_throat', 'small_cut', 'insect_bite', 'mild_sunburn', 'bruise', 'mouth_ulcer', 'hiccups', 'travel_sickness', 'dandruff']

// Symptoms that make a message more than a minor complaint even when a minor signal is present.
const NOT_MINOR_SYMPTOMS = ['chest_pain', 'breathing_difficulty', 'palpitations', 'headache', 'fainting', 'abdominal_pain', 'rectal_bleeding', 'seizure', 'numbness_weakness', 'urinary_problem', 'back_pain', 'joint_pain', 'eye_problem', 'ear_problem', 'low_mood', 'vaginal_symptom', 'menstrual_problem', 'male_genital', 'allergic_reaction']

/** Whether the message is only a minor complaint (a cold, a small cut, a mosquito bite…). */
export function isMinorComplaint ({ symptoms, signals }: Pick<ComplaintEvidence, 'symptoms' | 'signals'>): boolean {
  return has(signals, ...MINOR_SIGNALS) && !has(symptoms, ...NOT_MINOR_SYMPTOMS)
}

/** The complaint type, which decides the screening questions. Order matters: the more dangerous first. */
export function classifyComplaint (evidence: ComplaintEvidence): ComplaintId {
  const { symptoms, signals, slots, child } = evidence
  if (child) return 'child_illness'
  if (has(symptoms, 'chest_pain')) return 'chest_pain'
  if (has(symptoms, 'breathing_difficulty') || has(signals, 'severe_breathing')) return 'breathing'
  if (has(symptoms, 'headache') || has(signals, 'thunderclap_headache')) return 'headache'
  if (slots.pregnancy?.status === 'pregnant') return 'pregnancy'
  if (has(symptoms, 'abdominal_pain')) return 'abdominal_pain'
  if (isMinorComplaint(evidence) && !has(symptoms, 'fever')) return 'minor'
  if (has(symptoms, 'fever') || has(signals, 'fever', 'high_fever')) return 'fever'
  if (has(symptoms, 'injury', 'wound', 'burn') || has(signals, 'fracture_signs', 'deep_wound', 'animal_bite')) return 'injury'
  if (isMinorComplaint(evidence)) return 'minor'
  return 'general'
}

const ELDERLY_MONTHS = 65 * 12
const SEVERE_SCORE = 8
const LONG_DURATION_HOURS = 14 * 24

/** Answers the first message already gives, so those questions are not asked again. */
export function answersFromMessage ({ symptoms, signals, slots }: ComplaintEvidence): ScreeningAnswers {
  const answers: ScreeningAnswers = {}
  if (has(symptoms, 'breathing_difficulty') || has(signals, 'severe_breathing')) answers.chest_breathless = 'yes'
  if (has(signals, 'sweating', 'radiating_pain')) answers.chest_sweating = 'yes'
  if (slots.onset === 'sudden' || has(signals, 'thunderclap_headache')) answers.headache_sudden = 'yes'
  if ((has(symptoms, 'fever') || has(signals, 'fever', 'high_fever')) && has(signals, 'neck_stiffness', 'non_blanching_rash')) answers.headache_fever_neck = 'yes'
  if (has(signals, 'dehydration')) answers.child_drinking_wetting = 'yes'
  if (slots.age !== undefined) {
    answers.child_age_months = slots.age.months < 3 ? 'yes' : 'no'
    answers.age_group = slots.age.months >= ELDERLY_MONTHS ? 'yes' : 'no'
  }
  if (slots.severity !== undefined) answers.severity = slots.severity.value >= SEVERE_SCORE ? 'yes' : 'no'
  if (slots.duration !== undefined) answers.duration = slots.duration.hours > LONG_DURATION_HOURS ? 'yes' : 'no'
  if (slots.pregnancy !== undefined) answers.pregnant = slots.pregnancy.status === 'pregnant' || slots.pregnancy.status === 'possible' ? 'yes' : 'no'
  if (slots.sex === 'male') answers.pregnant = 'no'
  return answers
}
