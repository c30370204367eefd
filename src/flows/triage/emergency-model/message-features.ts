import type { ClinicalReading } from '../../../clinical-findings/finding-types.ts'

/**
 * What the emergency model sees of a message: English words and word pairs, Chinese character
 * pairs and triples, and the concepts the findings extractor read as current. Words the lexicon
 * does not know still count, which is the point: the model generalises over phrasings the
 * rules have never seen.
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
  return [...features]
}
