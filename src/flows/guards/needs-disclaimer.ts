import { normalizeText } from './normalize-text.ts'

const MEDICAL_TOPICS: ReadonlySet<string> = new Set(['emergency', 'crisis', 'medical_advice', 'triage', 'reminders', 'medication', 'follow_up', 'symptoms'])
const NON_MEDICAL_TOPICS: ReadonlySet<string> = new Set(['sensitive', 'injection', 'pass', 'insurance', 'billing', 'appointment', 'appointments', 'info', 'clinic_info', 'handoff'])
const MEDICAL_WORDS = /(?:(?<![a-z])(?:symptoms?|pain|painful|ache|fever|temperature|cough|rash|bleed\w*|vomit\w*|diarrh\w*|dizz\w*|swell\w*|breath\w*|medicines?|medications?|meds|tablets?|pills?|doses?|dosage|side effects?|allerg\w*|infection|injur\w*|wound|urgent care|emergency)(?![a-z])|症状|疼|痛|发烧|发热|咳|皮疹|出血|呕吐|腹泻|头晕|肿|呼吸|药|剂量|副作用|过敏|感染|受伤|伤口|急诊)/u

/**
 * True when a reply needs the medical disclaimer. Accepts a guard category or flow name
 * ("triage", "medical_advice", "insurance"...) or, for anything else, the reply text itself.
 */
export function needsDisclaimer (categoryOrText: string): boolean {
  if (MEDICAL_TOPICS.has(categoryOrText)) return true
  if (NON_MEDICAL_TOPICS.has(categoryOrText)) return false
  return MEDICAL_WORDS.test(normalizeText(categoryOrText).text)
}
