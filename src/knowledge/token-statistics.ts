import type { Queryable } from '../db/database.ts'
import type { QueryTerm } from './query-expansion.ts'

/** A query term with its document frequency and BM25 inverse document frequency. */
export type WeightedTerm = QueryTerm & { documents: number, idf: number }

export type TokenStatistics = {
  /** Terms found in approved content of a locale (unseen ones are dropped), with N, the number of documents. */
  weigh: (locale: string, terms: QueryTerm[]) => Promise<{ total: number, terms: WeightedTerm[] }>
  /** Up to `limit` tokens of approved content starting with a prefix, rarest first (read live, not cached). */
  completions: (locale: string, prefix: string, limit: number) => Promise<Array<{ token: string, documents: number }>>
}

// Above every character: a token starting with the prefix sorts below prefix + this.
const LAST_CHARACTER = String.fromCodePoint(0x10ffff)

/** BM25's IDF: always positive, near 0 for a token in every document. */
export const idf = (total: number, documents: number) => Math.log(1 + (total - documents + 0.5) / (documents + 0.5))

/**
 * How long a document frequency read from corpus_token_stats is reused by this process. Writes made
 * through this process's corpus stores clear the cache at once; a write on another instance (or by
 * hand in SQL) reaches this one's ranking within this bound. Staleness only shifts IDF weights and
 * which tokens are matched on: which content may be shown is always checked live in SQL.
 */
export const STATISTICS_TTL_MS = 10_000
// Bounds memory: the cache starts over when it holds this many tokens.
const MAX_ENTRIES = 100_000

type Entry = { documents: number, expires: number }

// One cache per database (tests open many), emptied when this process writes corpus content.
const caches = new WeakMap<object, { epoch: number, entries: Map<string, Entry> }>()
let epoch = 0

/** Called by the corpus stores on every write that can change what is approved. */
export function corpusContentChanged (): void {
  epoch++
}

function entriesFor (db: Queryable): Map<string, Entry> {
  const cache = caches.get(db)
  if (cache && cache.epoch === epoch && cache.entries.size < MAX_ENTRIES) return cache.entries
  const fresh = { epoch, entries: new Map<string, Entry>() }
  caches.set(db, fresh)
  return fresh.entries
}

/**
 * Document frequencies from corpus_token_stats, which triggers keep exact on every write
 * (migration 0008): a primary-key lookup for the tokens not cached (token '' holds N, the number of
 * documents); unseen tokens are cached as 0 too, so a repeated query makes no round trip.
 */
export function createTokenStatistics (db: Queryable): TokenStatistics {
  async function documentCounts (locale: string, tokens: string[]): Promise<Map<string, number>> {
    const entries = entriesFor(db)
    const now = performance.now()
    const key = (token: string) => `${locale}\u0000${token}`
    const missing = [...new Set(tokens)].filter((token) => (entries.get(key(token))?.expires ?? 0) <= now)
    if (missing.length > 0) {
      const result = await db.query<{ token: string, documents: number }>(
        'SELECT token, documents FROM corpus_token_stats WHERE locale = $1 AND token = ANY($2::text[])', [locale, missing], { name: 'corpus_token_stats_weigh' })
      const found = new Map(result.rows.map((row) => [row.token, Number(row.documents)]))
      for (const token of missing) entries.set(key(token), { documents: found.get(token) ?? 0, expires: now + STATISTICS_TTL_MS })
    }
    return new Map(tokens.map((token) => [token, entries.get(key(token))!.documents]))
  }

  return {
    async weigh (locale, terms) {
      const counts = await documentCounts(locale, ['', ...terms.map((term) => term.token)])
      const total = counts.get('') ?? 0
      const weighted = terms.flatMap((term) => {
        const documents = counts.get(term.token)
        return documents ? [{ ...term, documents, idf: idf(total, Math.min(documents, total)) }] : []
      })
      return { total, terms: weighted }
    },

    // The range uses the text_pattern_ops index of migration 0010 whatever the collation.
    async completions (locale, prefix, limit) {
      const result = await db.query<{ token: string, documents: number }>(`SELECT token, documents FROM corpus_token_stats
        WHERE locale = $1 AND token ~>=~ $2 AND token ~<~ $3 AND starts_with(token, $2) AND documents > 0 AND token <> ''
        ORDER BY documents, token LIMIT $4`, [locale, prefix, prefix + LAST_CHARACTER, limit], { name: 'corpus_token_stats_completions' })
      return result.rows.map((row) => ({ token: row.token, documents: Number(row.documents) }))
    }
  }
}
