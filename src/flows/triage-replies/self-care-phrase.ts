import type { TriageComplaint } from '../triage/triage-types.ts'

// Triage symptom and signal ids → the vetted self-care phrase for that minor complaint.
const SELF_CARE_PHRASES: Array<[RegExp, string]> = [
  [/sore_throat/, 'triage.selfcare.sore_throat'],
  [/cold|runny_nose|sneez/, 'triage.selfcare.common_cold'],
  [/insect_bite|mosquito/, 'triage.selfcare.insect_bite'],
  [/small_cut|wound|scrape/, 'triage.selfcare.small_cut'],
  [/sunburn/, 'triage.selfcare.mild_sunburn'],
  [/heartburn|acid_reflux/, 'triage.selfcare.heartburn'],
  [/diarrh/, 'triage.selfcare.mild_diarrhoea'],
  [/constipation/, 'triage.selfcare.constipation'],
  [/sprain/, 'triage.selfcare.minor_sprain'],
  [/tension_headache|headache/, 'triage.selfcare.tension_headache']
]

/** The self-care phrase key for a minor complaint, or null when none fits. */
export function selfCarePhraseFor (complaint: TriageComplaint): string | null {
  const ids = [...complaint.signals, ...complaint.symptoms]
  for (const [pattern, key] of SELF_CARE_PHRASES) {
    if (ids.some((id) => pattern.test(id))) return key
  }
  return null
}
