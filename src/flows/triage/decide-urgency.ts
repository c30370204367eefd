import type { ClinicalReading, Finding, PatientContext } from '../../clinical-findings/finding-types.ts'
import { maxUrgency, type DepartmentCode, type Urgency } from '../triage-vocabulary.ts'

type PatientCondition = {
  child?: boolean
  minAgeMonths?: number
  maxAgeMonths?: number
  pregnant?: boolean
  minPregnancyWeeksOrUnknown?: number
  maxPregnancyWeeks?: number
  conditions?: string[]
  medicines?: string[]
  maleOrPregnantOrChild?: boolean
  pregnantOrAdultOrNewborn?: boolean
}

type MeasureCondition = {
  temperatureAtLeast?: number
  /** A fever word without a number counts too (caution when the number is not given). */
  temperatureAtLeastOrUnknown?: number
  oxygenAtMost?: number
  heartRateAtLeast?: number
  systolicAtLeast?: number
  systolicAtMost?: number
  glucoseBelow?: number
  ketonesAtLeast?: number
  minutesAtLeast?: number
  tabletsAtLeast?: number
  durationHoursAtLeast?: number
  durationHoursBelow?: number
  /** A baby taking less than this share of the usual feed (both amounts given). */
  feedFractionBelow?: number
  /** Hours since the last wee or wet nappy, from the clock times given. */
  hoursWithoutUrineAtLeast?: number
  relieverPuffsAtLeast?: number
}

export type TriageRule = {
  id: string
  level: Urgency
  all?: string[]
  any?: string[][]
  none?: string[]
  sameClause?: boolean
  notResolved?: boolean
  patient?: PatientCondition
  measure?: MeasureCondition
  department?: DepartmentCode
  source: string
}

export type SelfCarePresentation = {
  concept: string
  maxDays: number
  source: string
  minAgeMonths?: number
  /** Older patients are advised to see a GP instead (e.g. thrush over 60). */
  maxAgeMonths?: number
  /** Expected to come back (hay fever, period pain): recurring is no reason to book. */
  usuallyRecurs?: boolean
  /** Medicines that make a GP visit the advice (a nosebleed on warfarin). */
  notWithMedicines?: string[]
  /** Findings that are part of this presentation and no reason of their own to book (the lump of a head knock). */
  companions?: string[]
  /** Self-care only when one of these findings explains the presentation (red pee after beetroot). */
  onlyWith?: string[]
  /** Findings that make a GP visit the advice (thrush for the first time). */
  notWith?: string[]
  /** Its source gives home care with no pregnancy exception (the pregnancy rules above still decide). */
  inPregnancy?: boolean
  /** Its source gives home care for babies under 3 months too (a temperature after their jabs). */
  underThreeMonths?: boolean
  /** A baby under 3 months may be cared for at home only with one of these findings (feeding well). */
  under3MonthsWith?: string[]
}

export type UrgencyDecision = {
  urgency: Urgency
  /** Ids of the rules that decided (the highest level), or the pathway taken. */
  reasons: string[]
  /** Every rule that fired, any level. */
  fired: string[]
}

/**
 * The urgency for a set of findings: the highest level among the rules that fire; when none does,
 * self-care for common presentations within their time limits, otherwise routine.
 */
export function decideUrgency (reading: ClinicalReading, rules: readonly TriageRule[], selfCare: readonly SelfCarePresentation[]): UrgencyDecision {
  const fired = rules.filter((rule) => ruleFires(rule, reading))
  if (fired.length > 0) {
    const urgency = fired.map((rule) => rule.level).reduce((highest, level) => maxUrgency(highest, level))
    return { urgency, reasons: fired.filter((rule) => rule.level === urgency).map((rule) => rule.id), fired: fired.map((rule) => rule.id) }
  }
  const pathway = selfCarePathway(reading, selfCare)
  return { urgency: pathway ? 'self_care' : 'routine', reasons: [pathway ?? 'no_red_flags'], fired: [] }
}

function ruleFires (rule: TriageRule, reading: ClinicalReading): boolean {
  const present = rule.notResolved ? reading.current.filter((finding) => !finding.resolved) : reading.current
  if (rule.patient && !patientMatches(rule.patient, reading.patient, present)) return false
  if (rule.measure && !measuresMatch(rule.measure, reading.patient, present)) return false
  if (rule.none?.some((concept) => has(present, concept))) return false
  const needed = [...(rule.all ?? []).map((concept) => [concept]), ...(rule.any ?? [])]
  if (needed.length === 0) return rule.measure !== undefined || rule.patient !== undefined
  if (!rule.sameClause) return needed.every((group) => group.some((concept) => has(present, concept)))
  const clauses = new Set(present.map((finding) => finding.clause))
  return [...clauses].some((clause) => needed.every((group) => group.some((concept) => present.some((finding) => finding.clause === clause && finding.concept === concept))))
}

function has (findings: readonly Finding[], concept: string): boolean {
  return findings.some((finding) => finding.concept === concept)
}

function patientMatches (condition: PatientCondition, patient: PatientContext, present: readonly Finding[]): boolean {
  const age = patient.ageMonths
  if (condition.child !== undefined && condition.child !== patient.child) return false
  if (condition.minAgeMonths !== undefined && (age === undefined || age < condition.minAgeMonths)) return false
  if (condition.maxAgeMonths !== undefined && (age === undefined || age > condition.maxAgeMonths)) return false
  if (condition.pregnant !== undefined && condition.pregnant !== patient.pregnant) return false
  const weeks = patient.pregnancyWeeks
  if (condition.minPregnancyWeeksOrUnknown !== undefined && weeks !== undefined && weeks < condition.minPregnancyWeeksOrUnknown) return false
  if (condition.maxPregnancyWeeks !== undefined && weeks !== undefined && weeks > condition.maxPregnancyWeeks) return false
  if (condition.conditions && !condition.conditions.some((name) => patient.conditions.includes(name))) return false
  if (condition.medicines && !condition.medicines.some((name) => patient.medicines.includes(name))) return false
  if (condition.maleOrPregnantOrChild && !(patient.sex === 'male' || patient.pregnant || patient.child)) return false
  if (condition.pregnantOrAdultOrNewborn && !(patient.pregnant || !patient.child || (age !== undefined && age < 1))) return false
  return present.length >= 0
}

function measuresMatch (condition: MeasureCondition, patient: PatientContext, present: readonly Finding[]): boolean {
  const atLeast = (value: number | undefined, threshold: number | undefined) => threshold === undefined || (value !== undefined && value >= threshold)
  const atMost = (value: number | undefined, threshold: number | undefined) => threshold === undefined || (value !== undefined && value <= threshold)
  const below = (value: number | undefined, threshold: number | undefined) => threshold === undefined || (value !== undefined && value < threshold)
  if (condition.temperatureAtLeastOrUnknown !== undefined) {
    const temperature = patient.temperatureC
    if (temperature !== undefined ? temperature < condition.temperatureAtLeastOrUnknown : !has(present, 'fever')) return false
  }
  if (condition.durationHoursBelow !== undefined && patient.durationHours !== undefined && patient.durationHours >= condition.durationHoursBelow) return false
  return atLeast(patient.temperatureC, condition.temperatureAtLeast) &&
    atMost(patient.oxygenSaturation, condition.oxygenAtMost) &&
    below(patient.glucoseMmol, condition.glucoseBelow) &&
    below(patient.feedFraction, condition.feedFractionBelow) &&
    atLeast(patient.heartRate, condition.heartRateAtLeast) &&
    atLeast(patient.systolic, condition.systolicAtLeast) &&
    atMost(patient.systolic, condition.systolicAtMost) &&
    atLeast(patient.ketonesMmol, condition.ketonesAtLeast) &&
    atLeast(patient.minutes, condition.minutesAtLeast) &&
    atLeast(patient.tabletCount, condition.tabletsAtLeast) &&
    atLeast(patient.durationHours, condition.durationHoursAtLeast) &&
    atLeast(patient.hoursWithoutUrine, condition.hoursWithoutUrineAtLeast) &&
    atLeast(patient.relieverPuffs, condition.relieverPuffsAtLeast)
}

const SELF_CARE_STOPPERS = ['worsening', 'severe_pain', 'affects_daily_life']

/** Self-care when every current symptom is a common presentation within its time limit and nothing is getting worse. */
function selfCarePathway (reading: ClinicalReading, selfCare: readonly SelfCarePresentation[]): string | null {
  const symptoms = reading.current.filter((finding) => finding.kind === 'symptom')
  if (symptoms.length === 0) return null
  const { patient } = reading
  if (patient.conditions.includes('immunosuppressed')) return null
  // Home care already tried and failing, or a problem that stops daily life, is for a GP to see.
  // Severe pain that simple painkillers bring down is still home care (period pain, toothache: sources.md).
  const stoppers = has(reading.current, 'painkillers_help') ? SELF_CARE_STOPPERS.filter((concept) => concept !== 'severe_pain') : SELF_CARE_STOPPERS
  if (stoppers.some((concept) => has(reading.current, concept))) return null
  const days = patient.durationHours === undefined ? 0 : patient.durationHours / 24
  const ages = patient.ageMonths
  const matched = symptoms.map((finding) => ({ finding, entry: selfCare.find((entry) => entry.concept === finding.concept) }))
  // A companion is part of the presentation it comes with (the sneezing of hay fever, the itch of
  // thrush): that presentation's limits decide, not the companion's own.
  const companions = new Set(matched.flatMap(({ entry }) => entry?.companions ?? []))
  const own = matched.filter(({ finding }) => !companions.has(finding.concept))
  // "Period pain every month" explains the tummy ache that comes with it.
  const explainedByRecurring = own.some(({ entry }) => entry?.usuallyRecurs === true)
  const unsuitable = (finding: Finding, entry: SelfCarePresentation | undefined) =>
    entry === undefined || days > entry.maxDays ||
    (entry.minAgeMonths !== undefined && ages !== undefined && ages < entry.minAgeMonths) ||
    (entry.maxAgeMonths !== undefined && ages !== undefined && ages > entry.maxAgeMonths) ||
    (finding.recurrent && !entry.usuallyRecurs && !explainedByRecurring) ||
    (entry.notWithMedicines?.some((medicine) => patient.medicines.includes(medicine)) ?? false) ||
    (entry.onlyWith !== undefined && !entry.onlyWith.some((concept) => has(reading.current, concept))) ||
    (entry.notWith?.some((concept) => has(reading.current, concept)) ?? false) ||
    // Pregnancy and the first 3 months keep self-care only where a reviewed entry allows it.
    (patient.pregnant && entry.inPregnancy !== true) ||
    (ages !== undefined && ages < 3 && entry.underThreeMonths !== true && !(entry.under3MonthsWith?.some((concept) => has(reading.current, concept)) ?? false))

  if (own.some(({ finding, entry }) => unsuitable(finding, entry))) return null
  const main = own.find(({ entry }) => entry !== undefined)
  return main ? `self_care:${main.entry!.concept}` : null
}
