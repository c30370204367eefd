import type { DepartmentCode } from '../flows/triage-vocabulary.ts'
import type { Measurements } from './read-measurements.ts'

/** symptom: something the patient has; modifier: a quality or circumstance that shapes a rule. */
export type ConceptKind = 'symptom' | 'modifier'

export type ConceptDefinition = {
  id: string
  kind: ConceptKind
  en: string[]
  zh: string[]
  /** The department a presentation of this concept usually belongs to. */
  department?: DepartmentCode
  /** Rows of shared/data/triage/red_flags.md this concept serves. */
  rf?: string[]
  /** The concept is itself a negative ("hasn't peed"): a negation inside its words does not cancel it. */
  intrinsicNegation?: boolean
  /** Something done to the patient by someone else ("bitten by a kid at nursery"), or another's thing swallowed ("his sister's magnets"): the other person named is not the experiencer. */
  doneByOthers?: boolean
}

/** Whose finding it is (ConText's experiencer). */
export type Experiencer = 'patient' | 'other'

/** One concept read from a message, with ConText-style attributes (Harkema et al. 2009). */
export type Finding = {
  concept: string
  kind: ConceptKind
  /** The matched words, as normalised. */
  text: string
  /** Index of the clause (sentence part) it was found in. */
  clause: number
  /** Start offset inside the clause. */
  start: number
  negated: boolean
  /** Long-standing or past (a known diagnosis, "years ago", "as a kid"). */
  historical: boolean
  /** Happened recently and has stopped ("had palpitations this morning, fine now"). */
  resolved: boolean
  /** Comes and goes over a longer time ("often", "on and off for weeks", "经常"): a pattern, not an acute episode. */
  recurrent: boolean
  /** Asked about or imagined ("what if", "could it be", "会不会"). */
  hypothetical: boolean
  experiencer: Experiencer
}

export type PatientRelation = 'self' | 'child' | 'adult_relative' | 'other'

/** Who the message is about, and the numbers and circumstances it gives. */
export type PatientContext = {
  relation: PatientRelation
  /** Age in months when the message states it. */
  ageMonths?: number
  /** The message talks about a child (a child word, or an age under 16). */
  child: boolean
  sex?: 'female' | 'male'
  pregnant: boolean
  /** How long the complaint has lasted, in hours (never an age or "5 years ago"). */
  durationHours?: number
  /** Long-standing conditions mentioned (diabetes, asthma, …): background, not today's complaint. */
  conditions: string[]
  /** Medicines that change thresholds: anticoagulants, chemotherapy / immunosuppressants, insulin. */
  medicines: string[]
} & Measurements

export type ClinicalReading = {
  findings: Finding[]
  patient: PatientContext
  /** Findings that count for today's decision: affirmed, the patient's, not hypothetical, not historical. */
  current: Finding[]
}
