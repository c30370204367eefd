import type { ClinicalReading, PatientContext } from '../../../clinical-findings/finding-types.ts'

/**
 * What the emergency model sees of a message: English words and word pairs, Chinese character pairs
 * and triples, the concepts the findings extractor read with their ConText attributes, and the
 * patient's age band, pregnancy, conditions, medicines and measurements in clinical bands. Words
 * the lexicon does not know still count, which is the point: the model generalises over phrasings
 * the rules have never seen.
 */
export function messageFeatures (text: string, reading: ClinicalReading): string[] {
  const normalized = text.toLowerCase().replace(/['’]/gu, '')
  const features = new Set<string>()
  const words = normalized.match(/[a-z]+|\d+(?:\.\d)?/gu) ?? []
  words.forEach((word, index) => {
    features.add(`w:${word}`)
    if (index > 0) features.add(`b:${words[index - 1]}_${word}`)
  })
  const han = normalized.replace(/[^\u4e00-\u9fff]/gu, '')
  for (let index = 0; index + 1 < han.length; index++) {
    features.add(`c2:${han.slice(index, index + 2)}`)
    if (index + 2 < han.length) features.add(`c3:${han.slice(index, index + 3)}`)
  }
  for (const finding of reading.current) features.add(`f:${finding.concept}`)
  for (const finding of reading.findings) {
    const attribute = finding.negated ? 'negated' : finding.historical ? 'historical' : finding.resolved ? 'resolved' : finding.experiencer === 'other' ? 'other' : null
    if (attribute) features.add(`${attribute}:${finding.concept}`)
  }
  for (const feature of patientFeatures(reading.patient)) features.add(feature)
  return [...features]
}

const AGE_BANDS: Array<[months: number, band: string]> = [[3, 'under_3_months'], [12, 'infant'], [60, 'under_5'], [192, 'child'], [780, 'adult']]

function patientFeatures (patient: PatientContext): string[] {
  // Who writes and "a child" alone are left out: our sets are emergency-heavy and children's
  // stories common among their emergencies, so those two taught the model that any child with a
  // fever is an emergency. The age band keeps what matters (under 3 months).
  const features: string[] = []
  if (patient.pregnant) features.push('p:pregnant')
  if (patient.ageMonths !== undefined) features.push(`age:${AGE_BANDS.find(([months]) => patient.ageMonths! < months)?.[1] ?? 'over_65'}`)
  for (const condition of patient.conditions) features.push(`condition:${condition}`)
  for (const medicine of patient.medicines) features.push(`medicine:${medicine}`)
  const { temperatureC, oxygenSaturation, heartRate, systolic, glucoseMmol, durationHours } = patient
  if (temperatureC !== undefined) features.push(...[38, 39, 40].filter((limit) => temperatureC >= limit).map((limit) => `temperature_at_least:${limit}`))
  if (oxygenSaturation !== undefined) features.push(...[94, 92, 90].filter((limit) => oxygenSaturation <= limit).map((limit) => `oxygen_at_most:${limit}`))
  if (heartRate !== undefined && heartRate >= 120) features.push('heart_rate_at_least:120')
  if (systolic !== undefined && systolic <= 90) features.push('systolic_at_most:90')
  if (glucoseMmol !== undefined) features.push(glucoseMmol < 4 ? 'glucose:low' : glucoseMmol > 15 ? 'glucose:high' : 'glucose:in_range')
  if (durationHours !== undefined) features.push(`duration:${durationHours < 24 ? 'under_a_day' : durationHours < 72 ? 'under_3_days' : durationHours < 168 ? 'under_a_week' : 'over_a_week'}`)
  return features
}
