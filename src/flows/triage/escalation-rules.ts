import { maxUrgency, urgencyRank, type Urgency } from '../triage-vocabulary.ts'
import { SCREENING_QUESTIONS } from './complaint-screening.ts'
import { TRIAGE_SIGNALS } from './triage-signals.ts'
import type { ComplaintId, ScreeningAnswers, ScreeningQuestionId, TriageSlots } from './triage-types.ts'

/** Bump on every reviewed change. */
export const ESCALATION_RULES_VERSION = '2026-11-18.1'

export type TriageFacts = {
  complaint: ComplaintId
  symptoms: string[]
  signals: string[]
  answers: ScreeningAnswers
  slots: TriageSlots
  child: boolean
  minor: boolean
}

export type EscalationRule = { id: string, urgency: Urgency, applies: (facts: TriageFacts) => boolean }

const has = (list: string[], ...ids: string[]) => ids.some((id) => list.includes(id))
const yes = (facts: TriageFacts, question: ScreeningQuestionId) => facts.answers[question] === 'yes'
const fever = (facts: TriageFacts) => has(facts.symptoms, 'fever') || has(facts.signals, 'fever', 'high_fever')
const pregnant = (facts: TriageFacts) => facts.slots.pregnancy?.status === 'pregnant' || yes(facts, 'pregnant')
const chestPain = (facts: TriageFacts) => facts.complaint === 'chest_pain' || has(facts.symptoms, 'chest_pain')
const headache = (facts: TriageFacts) => facts.complaint === 'headache' || has(facts.symptoms, 'headache')
const abdominalPain = (facts: TriageFacts) => has(facts.symptoms, 'abdominal_pain')
const severityAtLeast = (facts: TriageFacts, value: number) => (facts.slots.severity?.value ?? 0) >= value

// One rule per signal that decides on its own (triage-signals.ts levels emergency and urgent).
const SIGNAL_RULES: EscalationRule[] = TRIAGE_SIGNALS
  .filter((signal) => signal.level === 'emergency' || signal.level === 'urgent')
  .map((signal) => ({ id: `signal_${signal.id}`, urgency: signal.level as Urgency, applies: (facts) => facts.signals.includes(signal.id) }))

const EMERGENCY_RULES: EscalationRule[] = [
  { id: 'chest_pain_breathless', urgency: 'emergency', applies: (facts) => chestPain(facts) && yes(facts, 'chest_breathless') },
  { id: 'chest_pain_sweating_or_spreading', urgency: 'emergency', applies: (facts) => chestPain(facts) && yes(facts, 'chest_sweating') },
  { id: 'chest_pain_crushing', urgency: 'emergency', applies: (facts) => chestPain(facts) && has(facts.signals, 'crushing_pain') },
  { id: 'breathing_severe', urgency: 'emergency', applies: (facts) => facts.complaint === 'breathing' && yes(facts, 'severity') },
  { id: 'headache_sudden_or_worst', urgency: 'emergency', applies: (facts) => headache(facts) && yes(facts, 'headache_sudden') },
  { id: 'fever_stiff_neck_or_rash', urgency: 'emergency', applies: (facts) => yes(facts, 'headache_fever_neck') },
  { id: 'infant_under_3_months_fever', urgency: 'emergency', applies: (facts) => facts.child && yes(facts, 'child_age_months') && fever(facts) },
  { id: 'child_not_drinking_or_wetting', urgency: 'emergency', applies: (facts) => facts.child && yes(facts, 'child_drinking_wetting') },
  { id: 'child_lethargic', urgency: 'emergency', applies: (facts) => facts.child && has(facts.signals, 'lethargic') },
  { id: 'pregnancy_bleeding_with_pain', urgency: 'emergency', applies: (facts) => pregnant(facts) && has(facts.signals, 'vaginal_bleeding') && (abdominalPain(facts) || severityAtLeast(facts, 7)) },
  { id: 'testicular_pain_sudden', urgency: 'emergency', applies: (facts) => has(facts.signals, 'testicular_pain') && facts.slots.onset === 'sudden' },
  { id: 'allergy_with_breathing_difficulty', urgency: 'emergency', applies: (facts) => has(facts.symptoms, 'allergic_reaction') && has(facts.symptoms, 'breathing_difficulty') },
  { id: 'fever_when_immunosuppressed', urgency: 'emergency', applies: (facts) => fever(facts) && has(facts.slots.chronicConditions ?? [], 'cancer', 'immunosuppressed') }
]

/** Red-flag questions answered "don't know" never let the outcome fall below urgent. */
function redFlagUnknown (facts: TriageFacts): boolean {
  return Object.entries(facts.answers).some(([question, answer]) =>
    answer === 'unknown' && SCREENING_QUESTIONS[question as ScreeningQuestionId].redFlag)
}

const URGENT_RULES: EscalationRule[] = [
  { id: 'red_flag_answer_unknown', urgency: 'urgent', applies: redFlagUnknown },
  { id: 'chest_pain', urgency: 'urgent', applies: chestPain },
  { id: 'breathing_difficulty', urgency: 'urgent', applies: (facts) => facts.complaint === 'breathing' || has(facts.symptoms, 'breathing_difficulty') },
  { id: 'high_fever', urgency: 'urgent', applies: (facts) => has(facts.signals, 'high_fever') },
  { id: 'severe_symptoms', urgency: 'urgent', applies: (facts) => yes(facts, 'severity') || severityAtLeast(facts, 8) },
  { id: 'infant_under_3_months', urgency: 'urgent', applies: (facts) => facts.child && yes(facts, 'child_age_months') },
  { id: 'fever_over_65', urgency: 'urgent', applies: (facts) => fever(facts) && yes(facts, 'age_group') },
  { id: 'abdominal_pain_over_65', urgency: 'urgent', applies: (facts) => abdominalPain(facts) && yes(facts, 'age_group') },
  { id: 'abdominal_pain_pregnant', urgency: 'urgent', applies: (facts) => abdominalPain(facts) && pregnant(facts) },
  { id: 'pregnancy_bleeding', urgency: 'urgent', applies: (facts) => pregnant(facts) && has(facts.signals, 'vaginal_bleeding') },
  { id: 'testicular_pain', urgency: 'urgent', applies: (facts) => has(facts.signals, 'testicular_pain') },
  { id: 'lethargic', urgency: 'urgent', applies: (facts) => has(facts.signals, 'lethargic') },
  { id: 'sudden_onset_strong_pain', urgency: 'urgent', applies: (facts) => facts.slots.onset === 'sudden' && severityAtLeast(facts, 7) }
]

/** Every rule, emergency first. Data reviewed with the lexicons; each id is a stable reason code. */
export const ESCALATION_RULES: readonly EscalationRule[] = Object.freeze([...EMERGENCY_RULES, ...SIGNAL_RULES, ...URGENT_RULES])

const ELDERLY_OR_INFANT_MODIFIERS: Array<(facts: TriageFacts) => boolean> = [
  (facts) => yes(facts, 'age_group'),
  (facts) => facts.slots.age !== undefined && facts.slots.age.months < 12
]

// Anything here keeps a minor complaint out of self-care (at least routine).
const SELF_CARE_BLOCKERS: Array<(facts: TriageFacts) => boolean> = [
  (facts) => severityAtLeast(facts, 7) || yes(facts, 'severity'),
  (facts) => yes(facts, 'duration'),
  (facts) => facts.slots.pregnancy?.status === 'pregnant',
  (facts) => (facts.slots.chronicConditions ?? []).length > 0,
  (facts) => has(facts.signals, 'worsening'),
  (facts) => fever(facts) && !has(facts.signals, 'minor_cold', 'mild_sore_throat'),
  ...ELDERLY_OR_INFANT_MODIFIERS
]

function baseline (facts: TriageFacts): { urgency: Urgency, reason: string } {
  if (!facts.minor) return { urgency: 'routine', reason: yes(facts, 'duration') ? 'long_duration' : 'routine_default' }
  const blocked = SELF_CARE_BLOCKERS.some((blocker) => blocker(facts))
  return blocked ? { urgency: 'routine', reason: 'minor_with_modifiers' } : { urgency: 'self_care', reason: 'minor_complaint' }
}

/** The urgency the rules give, and the ids of the rules at that level (the baseline reason when none fired). */
export function applyEscalationRules (facts: TriageFacts): { urgency: Urgency, reasons: string[] } {
  const fired = ESCALATION_RULES.filter((rule) => rule.applies(facts))
  const base = baseline(facts)
  const urgency = fired.reduce<Urgency>((current, rule) => maxUrgency(current, rule.urgency), base.urgency)
  const reasons = fired.filter((rule) => rule.urgency === urgency).map((rule) => rule.id)
  return { urgency, reasons: urgencyRank(urgency) > urgencyRank(base.urgency) ? reasons : [base.reason, ...reasons] }
}
