import type { Queryable } from '../db/database.ts'
import { tokensWithinBudget } from './token-budget.ts'
import { AppError } from '../errors.ts'
import { filterValues, PHRASE_FILTER, type RetrievalFilter } from './retrieval-queries.ts'
import { orQuery, queryTokens } from './search-tokens.ts'
import { LEXICAL_CANDIDATES, selectiveTokens } from './lexical-retrieval.ts'
import { createTokenStatistics } from './token-statistics.ts'

export type QuickReplySearch = {
  clinicId: string
  locale: string
  /** Words, a word prefix as typed so far, or a shortcut such as "/hours"; empty lists the most used. */
  query: string
  category?: string | undefined
  department?: string | undefined
  tag?: string | undefined
  limit?: number | undefined
  now: Date
}

export type QuickReply = {
  phraseId: string
  versionId: string
  group: string
  version: number
  title: string
  body: string
  shortcut: string | null
  category: string
  department: string | null
  tags: string[]
  score: number
  uses: number
}

// Matching rows taken from the GIN index before ranking, whatever the corpus size (as for retrieval).
const CANDIDATES = LEXICAL_CANDIDATES
// Above every character: a shortcut starting with the prefix sorts below prefix + this.
const LAST_CHARACTER = String.fromCodePoint(0x10ffff)
// A lone typed prefix stands for the corpus words it begins, rarest first, while together they
// match at most PREFIX_BUDGET documents: in a clinic-sized corpus all of them (as a prefix match
// would), at 100k phrases the rarest few, so the index reads stay bounded.
const COMPLETIONS = 200
const PREFIX_BUDGET = 1000
const HAN = /\p{Script=Han}/u

const COLUMNS = `v.phrase_id AS "phraseId", v.id AS "versionId", v.group_key AS "group", v.version, v.title, v.body, v.shortcut,
  v.category, v.department, v.tags, COALESCE(t.uses, 0)::int AS uses`

// The statements are named (prepared once per connection): planning the filters cost as much as
// running them. Each must stay fast as a generic plan, i.e. without its values: hence the explicit
// range for a shortcut prefix (LIKE $1 || '%' alone cannot use the index then).

/** Approved phrases for agents, ranked by relevance, then by how often this clinic's agents used them. */
export async function searchQuickReplies (db: Queryable, search: QuickReplySearch): Promise<QuickReply[]> {
  const filter: RetrievalFilter = { clinicId: search.clinicId, locale: search.locale, now: search.now, categories: search.category ? [search.category] : null, department: search.department ?? null }
  const values = [...filterValues(filter), search.tag ?? null, Math.min(search.limit ?? 10, 50)]
  const base = 'FROM corpus_phrase_versions v LEFT JOIN phrase_usage_totals t ON t.phrase_id = v.phrase_id AND t.clinic_id = $1'
  const where = `${PHRASE_FILTER} AND ($6::text IS NULL OR $6 = ANY(v.tags))`
  const query = search.query.trim()
  if (query.startsWith('/')) {
    const prefix = query.replaceAll(/[\\%_]/g, (character) => `\\${character}`)
    const result = await db.query<QuickReply>(`SELECT ${COLUMNS}, CASE WHEN v.shortcut = $8 THEN 2 ELSE 1 END::float AS score ${base}
      WHERE v.shortcut ~>=~ $8 AND v.shortcut ~<~ $9 AND v.shortcut LIKE $10 || '%' AND ${where}
      ORDER BY score DESC, uses DESC, v.shortcut LIMIT $7`, [...values, query, query + LAST_CHARACTER, prefix], { name: 'quick_replies_by_shortcut' })
    return result.rows
  }
  const tokens = queryTokens(query)
  if (tokens.length === 0) {
    // The clinic's used phrases by uses, then unused ones in group order (an index walk that stops at
    // the limit): ordering every approved phrase by its uses took 58 ms at 100k phrases.
    const result = await db.query<QuickReply>(`WITH used AS MATERIALIZED (SELECT v.id FROM phrase_usage_totals t
        JOIN corpus_phrase_versions v ON v.phrase_id = t.phrase_id WHERE t.clinic_id = $1 AND ${where} ORDER BY t.uses DESC, v.group_key LIMIT $7),
      unused AS MATERIALIZED (SELECT v.id FROM corpus_phrase_versions v WHERE ${where}
        AND NOT EXISTS (SELECT 1 FROM phrase_usage_totals u WHERE u.phrase_id = v.phrase_id AND u.clinic_id = $1) ORDER BY v.group_key LIMIT $7)
      SELECT ${COLUMNS}, 0::float AS score FROM (SELECT id FROM used UNION ALL SELECT id FROM unused) chosen
        JOIN corpus_phrase_versions v ON v.id = chosen.id LEFT JOIN phrase_usage_totals t ON t.phrase_id = v.phrase_id AND t.clinic_id = $1
      ORDER BY uses DESC, v.group_key LIMIT $7`, values, { name: 'quick_replies_most_used' })
    return result.rows
  }
  // Match on the rarest whole words (document frequencies kept by migration 0008); the word being
  // typed is a prefix and only ranks, unless it is all there is: then on the corpus words it begins
  // (PREFIX_BUDGET). A prefix match in the GIN index reads every completion's postings (38k rows for
  // "ca:*", 10 ms at 100k phrases); the completions come from the statistics instead.
  const statistics = createTokenStatistics(db)
  const whole = tokens.slice(0, -1)
  const typed = tokens.at(-1)!
  const { terms } = await statistics.weigh(search.locale, whole.map((token) => ({ token, weight: 1 })))
  let match = terms.length > 0 ? orQuery(selectiveTokens(terms)) : orQuery([typed])
  if (terms.length === 0 && !HAN.test(typed)) {
    const completions = withinBudget(await statistics.completions(search.locale, typed, COMPLETIONS))
    if (completions.length === 0) return [] // no approved text has a word starting so
    match = orQuery(completions)
  }
  const result = await db.query<QuickReply>(`SELECT ${COLUMNS}, ts_rank_cd(v.search_vector, to_tsquery('simple', $9))::float AS score
    FROM (SELECT * FROM corpus_phrase_versions v WHERE v.search_vector @@ to_tsquery('simple', $8) AND ${where} LIMIT ${CANDIDATES}) v
      LEFT JOIN phrase_usage_totals t ON t.phrase_id = v.phrase_id AND t.clinic_id = $1
    ORDER BY score DESC, uses DESC, v.group_key LIMIT $7`, [...values, match, orQuery(tokens, { prefixLast: true })], { name: 'quick_replies_by_words' })
  return result.rows
}

function withinBudget (completions: Array<{ token: string, documents: number }>): string[] {
  return tokensWithinBudget(completions, PREFIX_BUDGET)
}

/** Records one use of a phrase by an agent: one counter per phrase, agent and day, plus the clinic's total. */
export async function recordQuickReplyUse (db: Queryable, use: { clinicId: string, phraseId: string, agentId: string, at: Date }): Promise<void> {
  const exists = await db.query('SELECT 1 FROM corpus_phrases WHERE id = $1', [use.phraseId])
  if (exists.rowCount === 0) throw new AppError('NOT_FOUND', `phrase ${use.phraseId} was not found`)
  await db.query(`INSERT INTO phrase_usage (clinic_id, phrase_id, agent_id, day, uses) VALUES ($1, $2, $3, ($4::timestamptz AT TIME ZONE 'UTC')::date, 1)
    ON CONFLICT (phrase_id, agent_id, day, clinic_id) DO UPDATE SET uses = phrase_usage.uses + 1`, [use.clinicId, use.phraseId, use.agentId, use.at])
  await db.query(`INSERT INTO phrase_usage_totals (clinic_id, phrase_id, uses, last_used_at) VALUES ($1, $2, 1, $3)
    ON CONFLICT (phrase_id, clinic_id) DO UPDATE SET uses = phrase_usage_totals.uses + 1, last_used_at = excluded.last_used_at`, [use.clinicId, use.phraseId, use.at])
}
