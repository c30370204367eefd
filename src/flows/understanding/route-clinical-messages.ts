import type { ClinicalReading } from '../../clinical-findings/finding-types.ts'
import { routeDepartment } from '../triage/route-department.ts'
import type { Intent } from './understanding-types.ts'

// Requests about something the patient already has in hand keep their flow, symptoms or not.
const TRANSACTIONAL: ReadonlySet<Intent> = new Set(['human', 'start_over', 'appointment_cancel', 'appointment_reschedule', 'appointment_lookup', 'medication_reminder'])
// Where a medical question could be mistaken for a policy question, the clinical reading wins.
const POLICY: ReadonlySet<Intent> = new Set(['insurance', 'billing', 'clinic_info', 'other', 'greeting', 'thanks', 'appointment_book'])

/**
 * Whether a message belongs to triage whatever its intent cues say: a symptom narrative of the
 * patient's (or a relative's) always does; a question about a condition, a body part or a medicine
 * does when nothing else claims it, so it is never answered from billing, insurance or clinic text.
 */
export function belongsToTriage ({ reading, text, intent, confidence }: { reading: ClinicalReading, text: string, intent: Intent, confidence: number }): boolean {
  if (TRANSACTIONAL.has(intent) && confidence >= 0.6) return false
  if (reading.current.some((finding) => finding.kind === 'symptom')) return true
  if (!POLICY.has(intent)) return false
  const mentionsClinicalConcept = reading.findings.some((finding) => finding.kind === 'symptom')
  return mentionsClinicalConcept || routeDepartment({ text, locale: 'en', slots: {} }).score >= MEDICAL_TOPIC_SCORE
}

/** A department lexicon score this high means the message is about a condition or treatment, not policy. */
const MEDICAL_TOPIC_SCORE = 2
