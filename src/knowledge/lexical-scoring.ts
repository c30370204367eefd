import type { WeightedTerm } from './token-statistics.ts'

/** Term frequencies of one stored search_vector, split into its head (weight A: title, tags, examples) and body (B). */
export type FieldCounts = { head: Map<string, number>, body: Map<string, number>, headLength: number, bodyLength: number }

// Character codes read by the tsvector scanner.
const QUOTE = 39
const COLON = 58
const COMMA = 44
const SPACE = 32
const LETTER_A = 65

/**
 * Parses PostgreSQL's text form of a tsvector, e.g. `'book':1A,4 'time':2`. With `keep`, only those
 * lexemes are recorded (the lengths still count every position): ranking needs no more, and a
 * candidate's vector is far longer than a query. A position without a weight letter (D) is body
 * text here, and so is a lexeme without positions.
 */
export function parseTsvector (text: string, keep?: ReadonlySet<string>): FieldCounts {
  const counts: FieldCounts = { head: new Map(), body: new Map(), headLength: 0, bodyLength: 0 }
  // A hand-written scanner: a regular expression with a Map per lexeme cost milliseconds per query.
  let index = text.indexOf("'")
  while (index >= 0 && index < text.length) {
    let end = text.indexOf("'", index + 1)
    // tsvectorout doubles a quote (and a backslash) inside a lexeme.
    while (end >= 0 && text.charCodeAt(end + 1) === QUOTE) end = text.indexOf("'", end + 2)
    if (end < 0) break
    let head = 0
    let positions = 1
    let cursor = end + 1
    if (text.charCodeAt(cursor) === COLON) {
      for (cursor++; cursor < text.length && text.charCodeAt(cursor) !== SPACE; cursor++) {
        const code = text.charCodeAt(cursor)
        if (code === COMMA) positions++
        else if (code === LETTER_A) head++
      }
    }
    counts.headLength += head
    counts.bodyLength += positions - head
    const raw = text.slice(index + 1, end)
    const token = raw.includes("'") || raw.includes('\\') ? raw.replaceAll("''", "'").replaceAll('\\\\', '\\') : raw
    if (!keep || keep.has(token)) {
      if (head > 0) counts.head.set(token, head)
      if (positions > head) counts.body.set(token, positions - head)
    }
    index = text.indexOf("'", cursor)
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
