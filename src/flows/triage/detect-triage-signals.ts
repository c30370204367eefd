import { affirmedMatches, compilePhrase, normalizeText } from '../understanding/phrase-pattern.ts'
import { TRIAGE_SIGNALS } from './triage-signals.ts'

const COMPILED = TRIAGE_SIGNALS.map((entry) => ({ id: entry.id, patterns: [...entry.zh, ...entry.en].map((phrase) => compilePhrase(phrase)) }))

/** Body temperature in °C from "39.5度", "38.7℃", "102F", "temp of 39"; null when none is given. */
export function extractTemperature (text: string): number | null {
  const celsius = text.match(/(?<![\d.])(3[5-9]|4[0-2])(?:\.(\d))?\s*(?:度|℃|°\s*c?|c\b|degrees)/iu) ??
    text.match(/(?:temp(?:erature)?|体温|发烧|烧到|fever)\D{0,10}(3[5-9]|4[0-2])(?:\.(\d))?(?![\d.])/iu)
  if (celsius !== null) return Number(`${celsius[1]}.${celsius[2] ?? 0}`)
  const fahrenheit = text.match(/(?<![\d.])(9[5-9]|10[0-9])(?:\.(\d))?\s*(?:°\s*f|f\b|fahrenheit)/iu)
  if (fahrenheit !== null) return Math.round(((Number(`${fahrenheit[1]}.${fahrenheit[2] ?? 0}`) - 32) * 5 / 9) * 10) / 10
  return null
}

const HIGH_FEVER_CELSIUS = 39
const FEVER_CELSIUS = 38

/** Triage signal ids in a message (denied ones left out), plus fever / high_fever from a stated temperature. */
export function detectTriageSignals (text: string): string[] {
  const normalized = normalizeText(text)
  const found = COMPILED
    .filter(({ patterns }) => patterns.some((pattern) => affirmedMatches(normalized, pattern).length > 0))
    .map(({ id }) => id)
  const temperature = extractTemperature(text)
  if (temperature !== null && temperature >= FEVER_CELSIUS) found.push('fever')
  if ((temperature !== null && temperature >= HIGH_FEVER_CELSIUS) || /高烧|高热|high (fever|temperature)/iu.test(text)) found.push('high_fever')
  return [...new Set(found)]
}
