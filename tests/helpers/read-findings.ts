import { createFindingExtractor } from '../../src/clinical-findings/extract-findings.ts'
import { decideUrgency } from '../../src/flows/triage/decide-urgency.ts'
import { SELF_CARE_PRESENTATIONS, TRIAGE_RULES } from '../../src/flows/triage/rules/triage-rules.ts'

/** One findings extractor for a test file (compiling the lexicon once). */
export const extractor = createFindingExtractor()

/** The concepts read as current (affirmed, the patient's, not past or hypothetical). */
export const currentConcepts = (text: string) => extractor.read(text).current.map((finding) => finding.concept)

/** The urgency the reviewed rules alone give a message (no emergency model, no questions). */
export const rulesUrgency = (text: string) => decideUrgency(extractor.read(text), TRIAGE_RULES, SELF_CARE_PRESENTATIONS).urgency
