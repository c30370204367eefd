import { createFindingExtractor } from '../../src/clinical-findings/extract-findings.ts'
import { createSafetyGuards } from '../../src/flows/safety-guards.ts'
import { assessTriage } from '../../src/flows/triage/assess-findings.ts'
import { decideUrgency } from '../../src/flows/triage/decide-urgency.ts'
import { SELF_CARE_PRESENTATIONS, TRIAGE_RULES } from '../../src/flows/triage/rules/triage-rules.ts'

/** One findings extractor for a test file (compiling the lexicon once). */
export const extractor = createFindingExtractor()

/** The concepts read as current (affirmed, the patient's, not past or hypothetical). */
export const currentConcepts = (text: string) => extractor.read(text).current.map((finding) => finding.concept)

/** The urgency the reviewed rules alone give a message (no emergency model, no questions). */
export const rulesUrgency = (text: string) => decideUrgency(extractor.read(text), TRIAGE_RULES, SELF_CARE_PRESENTATIONS).urgency

/** The urgency triage gives a message on its own (rules, emergency model; questions unanswered). */
export const triageUrgency = (text: string, locale = 'en') => assessTriage(extractor, { texts: [text], answers: {}, locale }).urgency

const guards = createSafetyGuards({ findings: extractor })

/** The input guard's verdict on a message (keyword rules and the emergency rules over findings). */
export const guardCheck = (text: string) => guards.checkInput(text)
