import type { ClinicalReading, Finding } from '../../clinical-findings/finding-types.ts'
import type { FindingExtractor } from '../../clinical-findings/extract-findings.ts'
import { FINDING_CONCEPTS } from '../../clinical-findings/lexicon/finding-concepts.ts'
import type { DepartmentCode, Urgency } from '../triage-vocabulary.ts'
import { decideUrgency, type UrgencyDecision } from './decide-urgency.ts'
import { loadEmergencyModel } from './emergency-model/emergency-model.ts'
import { routeDepartment } from './route-department.ts'
import { SELF_CARE_PRESENTATIONS, TRIAGE_RULES } from './rules/triage-rules.ts'
import { TRIAGE_QUESTIONS, type TriageQuestion } from './rules/triage-questions.ts'

export type QuestionAnswer = 'yes' | 'no' | 'unknown'

/** What triage knows: the patient's own words so far and the answers to its questions. */
export type TriageEvidence = { texts: string[], answers: Record<string, QuestionAnswer>, locale: string }

export type TriageAssessment = UrgencyDecision & {
  department: DepartmentCode
  reading: ClinicalReading
  /** The main presentation (first current symptom), for self-care advice. */
  presentation: string | null
}

const DEPARTMENT_OF = new Map(FINDING_CONCEPTS.filter((concept) => concept.department).map((concept) => [concept.id, concept.department!]))
// Concepts that say little about where to go; a more specific one decides when present.
const GENERIC = new Set(['fever', 'vomiting', 'nausea', 'lethargic', 'dizziness', 'rash', 'lump', 'numbness', 'headache', 'cold_symptoms'])
// A long-standing condition the patient names points to the department that looks after it.
const CONDITION_DEPARTMENTS: Record<string, DepartmentCode> = { diabetes: 'endocrinology', hypertension: 'cardiology', heart_disease: 'cardiology', asthma: 'respiratory', copd: 'respiratory', epilepsy: 'neurology', kidney_disease: 'nephrology' }
const CONDITION_WEIGHT = 2
const ORGAN_SPECIALTIES = new Set<DepartmentCode>(['ophthalmology', 'ent', 'stomatology', 'orthopedics', 'dermatology', 'psychiatry'])

/** Reads everything the patient said, applies the answers, and decides urgency and department. */
export function assessTriage (extractor: FindingExtractor, evidence: TriageEvidence): TriageAssessment {
  return assessReading(extractor.read(evidence.texts.join('\n')), evidence)
}

/** The same decision over a reading already made of the evidence's texts (read once, assessed per answer set). */
function assessReading (textReading: ClinicalReading, evidence: TriageEvidence): TriageAssessment {
  const text = evidence.texts.join('\n')
  const reading = withAnswers(textReading, evidence.answers)
  const decision = raisedByEmergencyModel(decideUrgency(reading, TRIAGE_RULES, SELF_CARE_PRESENTATIONS), text, reading)
  const symptoms = reading.current.filter((finding) => finding.kind === 'symptom')
  return {
    ...decision,
    reading,
    department: decision.urgency === 'emergency' ? 'emergency' : chooseDepartment(symptoms, reading, evidence),
    presentation: (symptoms.find((finding) => !GENERIC.has(finding.concept)) ?? symptoms[0])?.concept ?? null
  }
}

const EMERGENCY_MODEL = loadEmergencyModel()

/**
 * The rules decide; the emergency model, trained on our development vignettes, may only raise a
 * story the rules did not read as an emergency to one (a phrasing the lexicon has never seen). It
 * never lowers an answer. It also reads stories in which the lexicon found nothing at all (triage
 * only sees messages already routed to it as health stories): when this was decided, on
 * cross-validation by file, 8 of the 12 such development emergencies scored above the threshold and
 * none of the 58 such non-emergencies.
 */
function raisedByEmergencyModel (decision: UrgencyDecision, text: string, reading: ClinicalReading): UrgencyDecision {
  if (decision.urgency === 'emergency') return decision
  if (EMERGENCY_MODEL.score(text, reading) < EMERGENCY_MODEL.threshold) return decision
  return { urgency: 'emergency', reasons: ['emergency_model'], fired: [...decision.fired, 'emergency_model'] }
}

/** The next question worth asking: unanswered, about a current finding, and able to change the urgency. */
export function nextTriageQuestion (extractor: FindingExtractor, evidence: TriageEvidence, assessment: TriageAssessment): TriageQuestion | null {
  if (assessment.urgency === 'emergency') return null
  const concepts = new Set(assessment.reading.current.map((finding) => finding.concept))
  let textReading: ClinicalReading | undefined
  for (const question of TRIAGE_QUESTIONS) {
    if (question.id in evidence.answers) continue
    if (question.child && !assessment.reading.patient.child) continue
    if (!question.about.some((concept) => concepts.has(concept))) continue
    if (question.adds.every((concept) => concepts.has(concept))) continue
    // Never re-ask what the message already said: a reassurance given, or the finding denied.
    if (question.answeredBy?.some((concept) => concepts.has(concept))) continue
    if (question.adds.some((concept) => assessment.reading.findings.some((finding) => finding.concept === concept && finding.negated))) continue
    const confirming: QuestionAnswer = question.inverse ? 'no' : 'yes'
    textReading ??= extractor.read(evidence.texts.join('\n'))
    const changed = assessReading(textReading, { ...evidence, answers: { ...evidence.answers, [question.id]: confirming } }).urgency
    if (changed !== assessment.urgency) return question
  }
  return null
}

function withAnswers (reading: ClinicalReading, answers: Record<string, QuestionAnswer>): ClinicalReading {
  const added: Finding[] = TRIAGE_QUESTIONS.flatMap((question) => {
    const answer = answers[question.id]
    const confirmed = question.inverse ? answer === 'no' : answer === 'yes'
    return confirmed ? question.adds.map((concept) => answeredFinding(concept)) : []
  })
  return added.length === 0 ? reading : { ...reading, findings: [...reading.findings, ...added], current: [...reading.current, ...added] }
}

function answeredFinding (concept: string): Finding {
  const kind = FINDING_CONCEPTS.find((definition) => definition.id === concept)?.kind ?? 'symptom'
  return { concept, kind, text: '', clause: -1, start: 0, negated: false, historical: false, resolved: false, recurrent: false, hypothetical: false, experiencer: 'patient' }
}

function chooseDepartment (symptoms: readonly Finding[], reading: ClinicalReading, evidence: TriageEvidence): DepartmentCode {
  const votes = new Map<DepartmentCode, number>()
  for (const finding of symptoms) {
    const department = DEPARTMENT_OF.get(finding.concept)
    if (department) votes.set(department, (votes.get(department) ?? 0) + (GENERIC.has(finding.concept) ? 1 : 3))
  }
  for (const condition of reading.patient.conditions) {
    const department = CONDITION_DEPARTMENTS[condition]
    if (department) votes.set(department, (votes.get(department) ?? 0) + CONDITION_WEIGHT)
  }
  const ranked = [...votes.entries()].sort((first, second) => second[1] - first[1])
  const best = ranked[0]?.[0] ?? routeDepartment({ text: evidence.texts.join('\n'), locale: evidence.locale, slots: {} }).code
  if (reading.patient.pregnant && !ORGAN_SPECIALTIES.has(best)) return 'obstetrics_gynecology'
  if (reading.patient.child && !ORGAN_SPECIALTIES.has(best)) return 'pediatrics'
  return best
}

export type { Urgency }
