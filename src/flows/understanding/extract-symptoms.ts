import { affirmedMatches, compilePhrase, normalizeText } from './phrase-pattern.ts'
import { SYMPTOM_LEXICON } from './symptom-lexicon.ts'
import type { BodySite, Symptom } from './understanding-types.ts'

const COMPILED = SYMPTOM_LEXICON.map((entry) => ({
  entry,
  patterns: [...entry.zh, ...entry.en].map((phrase) => compilePhrase(phrase))
}))

// Body sites for generic complaints the lexicon does not name ("左腿痛", "my wrist hurts").
const SITES: Array<[BodySite, RegExp]> = [
  ['leg', /(大腿|小腿|腿)[^，。,.]{0,3}(痛|酸|肿|麻)|\b(leg|thigh|calf)s? (hurts?|pain|is swollen)/iu],
  ['foot', /(脚|足|脚趾|脚跟)[^，。,.]{0,3}(痛|肿|麻)|\b(foot|feet|toe|heel)s? (hurts?|pain)/iu],
  ['arm', /(胳膊|手臂|上臂)[^，。,.]{0,3}(痛|肿|麻)|\barms? (hurts?|pain)/iu],
  ['hand', /(手指|手掌|手)[^，。,.]{0,3}(痛|肿|麻)|\b(hand|finger|thumb)s? (hurts?|pain|is swollen)/iu],
  ['breast', /(乳房|乳腺|乳头)[^，。,.]{0,3}(痛|肿|硬块|包块)|\bbreast (pain|lump)/iu]
]

function siteSymptoms (text: string, found: Symptom[]): Symptom[] {
  return SITES
    .filter(([site, pattern]) => pattern.test(text) && !found.some((symptom) => symptom.site === site))
    .map(([site, pattern]) => ({ id: 'pain', site, text: text.match(pattern)?.[0] ?? '' }))
}

/** Symptoms named in a message, each with its body site; denied ones ("没有发烧", "no fever") are left out. */
export function extractSymptoms (text: string): Symptom[] {
  const normalized = normalizeText(text)
  const found: Symptom[] = []
  for (const { entry, patterns } of COMPILED) {
    const match = patterns.map((pattern) => affirmedMatches(normalized, pattern)[0]).find((hit) => hit !== undefined)
    if (match !== undefined) found.push({ id: entry.id, site: entry.site, text: match[0] })
  }
  return [...found, ...siteSymptoms(normalized, found)]
}
