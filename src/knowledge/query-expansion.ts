import { readFileSync } from 'node:fs'
import { isStopword, searchTokens, stem } from './search-tokens.ts'

/** A query token and how much it counts: the patient's own words 1, Han characters and added words less. */
export type QueryTerm = { token: string, weight: number }

type SynonymEntry = { when: string[], add: string[] }
type SynonymTable = { version: number } & Record<string, SynonymEntry[] | number | string>

const SYNONYM_WEIGHT = 0.5
const VARIANT_WEIGHT = 0.7
const HAN_UNIGRAM_WEIGHT = 0.3
const HAN = /\p{Script=Han}/u

// Reviewed data, versioned in its own file (see query-synonyms.json).
const table = JSON.parse(readFileSync(new URL('./query-synonyms.json', import.meta.url), 'utf8')) as SynonymTable
export const SYNONYMS_VERSION = table.version

const entriesFor = (locale: string): SynonymEntry[] => {
  const entries = table[locale] ?? table[locale.split('-')[0]!]
  return Array.isArray(entries) ? entries : []
}

const normalise = (text: string) => text.normalize('NFKC').toLowerCase().replaceAll(/['’]/g, '')

/** Whether a wording occurs in the text: as whole words for Latin, as a substring for Han. */
function mentions (text: string, wording: string): boolean {
  const needle = normalise(wording)
  if (HAN.test(needle)) return text.includes(needle)
  return ` ${text.replaceAll(/[^\p{L}\p{N}]+/gu, ' ')} `.includes(` ${needle.replaceAll(/[^\p{L}\p{N}]+/gu, ' ')} `)
}

/** Words the synonym table adds for a question (never the question's own words). */
export function synonymsOf (text: string, locale: string): string[] {
  const normalised = normalise(text)
  return entriesFor(locale).filter((entry) => entry.when.some((wording) => mentions(normalised, wording))).flatMap((entry) => entry.add)
}

/**
 * English inflection variants of a (lightly stemmed) word, to look up in the token statistics:
 * only variants that occur in the corpus survive, so no dictionary is needed.
 */
export function inflections (word: string): string[] {
  if (HAN.test(word) || word.length < 4 || /\d/.test(word)) return []
  const variants = new Set<string>()
  for (const suffix of ['ing', 'ed', 'er', 'ly', 'ion']) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue
    const base = word.slice(0, -suffix.length)
    variants.add(base).add(`${base}e`)
    if (base.at(-1) === base.at(-2)) variants.add(base.slice(0, -1))
  }
  const base = word.endsWith('e') ? word.slice(0, -1) : word
  for (const suffix of ['ing', 'ed', 'ion']) variants.add(base + suffix)
  variants.delete(word)
  return [...variants].map(stem)
}

function add (terms: Map<string, number>, token: string, weight: number): void {
  if (isStopword(token) || (HAN.test(token) && [...token].every(isStopword))) return
  terms.set(token, Math.max(terms.get(token) ?? 0, weight))
}

function addText (terms: Map<string, number>, text: string, weight: number): void {
  for (const token of searchTokens(text)) {
    const single = [...token].length === 1 && HAN.test(token)
    add(terms, token, single ? weight * HAN_UNIGRAM_WEIGHT : weight)
  }
}

/**
 * Weighted search terms of a patient question: its own tokens (Han bigrams at full weight, single
 * Han characters at a fraction), inflection variants of English words, and reviewed synonyms.
 */
export function expandQuery (text: string, locale: string): QueryTerm[] {
  const terms = new Map<string, number>()
  addText(terms, text, 1)
  for (const token of [...terms.keys()]) for (const variant of inflections(token)) add(terms, variant, VARIANT_WEIGHT)
  for (const synonym of synonymsOf(text, locale)) addText(terms, synonym, SYNONYM_WEIGHT)
  if (terms.size === 0) for (const token of searchTokens(text)) terms.set(token, 1) // only function words: keep them
  return [...terms].map(([token, weight]) => ({ token, weight }))
}
