import type { WeightedTerm } from './token-statistics.ts'

/** Term frequencies of one stored search_vector, split into its head (weight A: title, tags, examples) and body (B). */
export type FieldCounts = { head: Map<string, number>, body: Map<string, number>, headLength: number, bodyLength: number }

// In tsvector text a D weight is not written: a position without a letter is body text here too.
const LEXEME = /'((?:[^']|'')*)'(?::([0-9A-D,]+))?/g

/** Parses PostgreSQL's text form of a tsvector, e.g. `'book':1A,4 'time':2`. */
export function parseTsvector (text: string): FieldCounts {
  const counts: FieldCounts = { head: new Map(), body: new Map(), headLength: 0, bodyLength: 0 }
  for (const match of text.matchAll(LEXEME)) {
    const token = match[1]!.replaceAll("''", "'")
    let head = 0
    let body = 0
    for (const position of (match[2] ?? '0').split(',')) {
      if (position.endsWith('A')) head++
      else body++
    }
    if (head > 0) counts.head.set(token, head)
    if (body > 0) counts.body.set(token, body)
    counts.headLength += head
    counts.bodyLength += body
  }
  return counts
}

// BM25F-style: a match in the patient wording (examples, title) counts more than one in the body.
const HEAD_WEIGHT = 1
const BODY_WEIGHT = 0.35
const K1 = 1.2
const B = 0.4
// Each query term's share of the score is capped, and covering more of the query earns a bonus.
const COVERAGE_BONUS = 0.5

const weightedLength = (counts: FieldCounts) => HEAD_WEIGHT * counts.headLength + BODY_WEIGHT * counts.bodyLength

/** Mean weighted length over documents, to normalise length as BM25 does. */
export function averageLength (documents: FieldCounts[]): number {
  if (documents.length === 0) return 1
  return Math.max(1, documents.reduce((sum, document) => sum + weightedLength(document), 0) / documents.length)
}

/** BM25F score of one document for weighted query terms, plus a bonus for the share of the query matched. */
export function bm25 (document: FieldCounts, terms: WeightedTerm[], average: number): number {
  const norm = K1 * (1 - B + B * weightedLength(document) / average)
  let score = 0
  let matched = 0
  let possible = 0
  for (const term of terms) {
    const importance = term.weight * term.idf
    possible += importance
    const frequency = HEAD_WEIGHT * (document.head.get(term.token) ?? 0) + BODY_WEIGHT * (document.body.get(term.token) ?? 0)
    if (frequency === 0) continue
    score += importance * frequency * (K1 + 1) / (frequency + norm)
    matched += importance
  }
  return possible === 0 ? 0 : score * (1 + COVERAGE_BONUS * matched / possible)
}
