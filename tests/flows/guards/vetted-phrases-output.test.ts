import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { fillVariables } from '../../../src/flows/compose-reply.ts'
import { checkOutput } from '../../../src/flows/guards/output-guard.ts'

// Every vetted phrase of the corpus must pass the output guard: a phrase the guard rejects would be
// swapped for the fallback every time it is used (a refusal that reads as a diagnosis, for example).
const PHRASES_DIRECTORY = fileURLToPath(new URL('../../../corpus/phrases/', import.meta.url))

type Phrase = { group: string, locale: string, body: string }

const phrases: Phrase[] = readdirSync(PHRASES_DIRECTORY)
  .filter((name) => name.endsWith('.jsonl'))
  .sort()
  .flatMap((name) => readFileSync(`${PHRASES_DIRECTORY}${name}`, 'utf8').split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Phrase))

// Representative values for the placeholders the engine fills in.
const VARIABLES: Record<string, Record<string, string>> = {
  en: { amount: '120.00', clinicName: 'Riverside Clinic', clinicPhone: '+86 21 1234 5678', crisisLines: '12356 (24h)', date: 'Friday 20 November', department: 'Pediatrics', doctor: 'Dr Li', emergencyNumber: '120', reference: 'APT-7K2M9Q', time: '10:30' },
  'zh-CN': { amount: '120.00', clinicName: '河畔诊所', clinicPhone: '021-12345678', crisisLines: '12356（24小时）', date: '11月20日 周五', department: '儿科', doctor: '李医生', emergencyNumber: '120', reference: 'APT-7K2M9Q', time: '10:30' }
}

const disclaimerOf = (locale: string) => phrases.find((phrase) => phrase.group === 'disclaimer.medical' && phrase.locale === locale)?.body

describe('vetted corpus phrases pass the output guard', () => {
  it('reads the corpus', () => {
    expect(phrases.length).toBeGreaterThan(100)
    expect(phrases.some((phrase) => phrase.group === 'safety.refuse.diagnosis' && phrase.locale === 'zh-CN')).toBe(true)
  })

  it.each(phrases.map((phrase) => [phrase.group, phrase.locale, phrase] as const))('%s [%s]', (_group, locale, phrase) => {
    expect(checkOutput({ text: phrase.body, locale }).problems).toEqual([])
    const filled = fillVariables(phrase.body, VARIABLES[locale] ?? VARIABLES.en ?? {})
    expect(checkOutput({ text: filled, locale }).problems).toEqual([])
    const disclaimer = disclaimerOf(locale)
    if (disclaimer) expect(checkOutput({ text: `${filled}\n${disclaimer}`, locale, touchesMedical: true, disclaimer }).problems).toEqual([])
  })
})
