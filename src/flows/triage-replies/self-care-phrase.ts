// The vetted self-care phrase for a presentation (a clinical-findings concept id), when one exists.
const SELF_CARE_PHRASES: Record<string, string> = {
  sore_throat: 'triage.selfcare.sore_throat',
  cold_symptoms: 'triage.selfcare.common_cold',
  cough: 'triage.selfcare.common_cold',
  insect_bite: 'triage.selfcare.insect_bite',
  heartburn: 'triage.selfcare.heartburn',
  diarrhoea: 'triage.selfcare.mild_diarrhoea',
  constipation: 'triage.selfcare.constipation',
  sprain_or_strain: 'triage.selfcare.minor_sprain',
  headache: 'triage.selfcare.tension_headache'
}

/** The self-care phrase key for a presentation, or null when the general self-care answer must do. */
export function selfCarePhraseFor (presentation: string): string | null {
  return SELF_CARE_PHRASES[presentation] ?? null
}
