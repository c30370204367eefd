import { toSimplified } from './traditional-to-simplified.ts'

export interface NormalizedText {
  /** NFKC, lower case, simplified Chinese, no apostrophes, single spaces, line breaks kept. */
  text: string
  /** The same text without any spaces, for spaceless matching ("胸 痛", "chestpain"). */
  compact: string
}

/**
 * Normalises patient text for rule matching: full-width to half-width (NFKC), lower case,
 * traditional to simplified for the characters the rules use, apostrophes dropped so that
 * "can't" and "cant" read the same, hyphens between letters read as spaces ("self-harm").
 */
export function normalizeText (input: string): NormalizedText {
  const text = toSimplified(input.normalize('NFKC').toLowerCase())
    .replace(/['’‘ʼ´]/gu, '')
    .replace(/(?<=\p{L})[-‐‑–—](?=\p{L})/gu, ' ')
    .replace(/[^\S\n]+/gu, ' ')
    .replace(/ ?\n\s*/gu, '\n')
    .trim()
  return { text, compact: removeSpaces(text) }
}

export function removeSpaces (text: string): string {
  return text.replace(/ /g, '')
}
