import type { CheckInSetting } from './reminder-settings.ts'

export type CheckInMetric = CheckInSetting['metric']

export type CheckInReading =
  | { metric: 'blood_pressure', values: { systolic: number, diastolic: number } }
  | { metric: 'glucose', values: { value: number } }

const BLOOD_PRESSURE = /(?<!\d)(\d{2,3})\s*(?:\/|／|over|比)\s*(\d{2,3})(?!\d)/iu
const GLUCOSE = /(?<![\d.])(\d{1,3}(?:[.,]\d{1,2})?)\s*(mmol(?:\s*\/\s*l)?|mg\s*\/\s*dl)?(?![\d.])/iu
const GLUCOSE_WORDS = /glucose|sugar|\bbg\b|血糖/iu
const BARE_NUMBER = /^\s*\d{1,3}(?:[.,]\d{1,2})?\s*(?:mmol(?:\s*\/\s*l)?|mg\s*\/\s*dl)?\s*[.!。！]?\s*$/iu

/**
 * A reading in the patient's answer to a check-in: "150/95", "血压 150/95", "glucose 3.5",
 * "血糖3.5", "65 mg/dL" (converted to mmol/L). Only numbers are read; nothing is interpreted.
 */
export function readCheckInReading (text: string, metric: CheckInMetric): CheckInReading | null {
  if (metric === 'blood_pressure') {
    const match = BLOOD_PRESSURE.exec(text)
    if (!match) return null
    const [systolic, diastolic] = [Number(match[1]), Number(match[2])]
    if (systolic < 40 || systolic > 300 || diastolic < 20 || diastolic > 200) return null
    return { metric, values: { systolic, diastolic } }
  }
  const afterWord = GLUCOSE_WORDS.exec(text)
  // Without "glucose"/"血糖" the message must be the number alone: "book me at 9" is not a reading.
  if (!afterWord && !BARE_NUMBER.test(text)) return null
  const match = GLUCOSE.exec(afterWord ? text.slice(afterWord.index) : text)
  if (!match) return null
  const number = Number(match[1]!.replace(',', '.'))
  const milligrams = /mg/i.test(match[2] ?? '') || (!match[2] && number > 35)
  const value = Math.round((milligrams ? number / 18 : number) * 10) / 10
  if (value <= 0 || value > 60) return null
  return { metric, values: { value } }
}

/** How urgent a reading is by the clinic's thresholds: the most urgent threshold it crosses wins. */
export function levelOfReading (reading: CheckInReading, thresholds: CheckInSetting['thresholds']): 'in_range' | 'urgent' | 'emergency' {
  let level: 'in_range' | 'urgent' | 'emergency' = 'in_range'
  const values = reading.values as Record<string, number>
  for (const threshold of thresholds) {
    const value = values[threshold.field]
    if (value === undefined) continue
    const crossed = threshold.op === '>=' ? value >= threshold.value : value <= threshold.value
    if (crossed && (threshold.level === 'emergency' || level === 'in_range')) level = threshold.level
  }
  return level
}
