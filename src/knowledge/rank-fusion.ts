/** The usual RRF constant: damps the influence of the very top ranks of any single list. */
export const RRF_K = 60

/**
 * Reciprocal rank fusion: each list contributes 1 / (k + rank) for every key it ranks.
 * Returns keys with fused scores, best first (ties keep first-seen order).
 */
export function reciprocalRankFusion (lists: Array<{ keys: string[], weight?: number }>, k = RRF_K): Array<{ key: string, score: number }> {
  const scores = new Map<string, number>()
  for (const list of lists) {
    list.keys.forEach((key, index) => {
      scores.set(key, (scores.get(key) ?? 0) + (list.weight ?? 1) / (k + index + 1))
    })
  }
  return [...scores].map(([key, score]) => ({ key, score })).sort((left, right) => right.score - left.score)
}

/** Evidence for one candidate: lexical BM25 score and query coverage (absent = 0), cosine similarity (absent = none). */
export type Evidence = { key: string, lexical: number, coverage: number, similarity: number | null }

export type FusionOptions = {
  /** Weight of the vector similarity beside the lexical part (0–1 each). */
  vectorWeight: number
  /** Similarity below which a vector match counts as no evidence. */
  similarityFloor: number
  /** Fused relevance (0–1) below which a candidate is dropped. */
  minScore: number
}

/**
 * Score fusion on an absolute 0–1 scale: the lexical part is the BM25 score relative to the best
 * candidate times the query coverage (so a lone weak match stays weak), the vector part is the
 * cosine similarity above the floor, rescaled. The result is comparable across queries, which
 * makes minScore a meaningful floor.
 */
export function fuseScores (candidates: Evidence[], options: FusionOptions): Array<{ key: string, score: number }> {
  const best = Math.max(0, ...candidates.map((candidate) => candidate.lexical))
  const fused = candidates.map((candidate) => {
    const lexical = best > 0 ? (candidate.lexical / best) * Math.sqrt(candidate.coverage) : 0
    const similarity = candidate.similarity === null ? 0 : Math.max(0, candidate.similarity - options.similarityFloor) / (1 - options.similarityFloor)
    const weight = candidate.similarity === null ? 0 : options.vectorWeight
    return { key: candidate.key, score: (lexical + weight * similarity) / (1 + options.vectorWeight) }
  })
  return fused.filter((entry) => entry.score >= options.minScore).sort((left, right) => right.score - left.score)
}
