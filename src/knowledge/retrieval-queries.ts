import type { Queryable } from '../db/database.ts'
import { checkedDimensions, toVectorLiteral } from './vector-store.ts'

// Filters shared by every retrieval query. $1 clinic, $2 locale, $3 now, $4 categories (null = any),
// $5 department (null = any; general content without a department always qualifies).
const VALID_NOW = (alias: string) => `(${alias}.valid_from IS NULL OR ${alias}.valid_from <= $3) AND (${alias}.valid_until IS NULL OR ${alias}.valid_until > $3)`

// A clinic's own approved version of a group hides the shared one.
export const PHRASE_FILTER = `v.status = 'approved' AND v.locale = $2 AND (v.clinic_id = $1 OR v.clinic_id IS NULL) AND ${VALID_NOW('v')}
  AND ($4::text[] IS NULL OR v.category = ANY($4)) AND ($5::text IS NULL OR v.department = $5 OR v.department IS NULL)
  AND NOT (v.clinic_id IS NULL AND EXISTS (SELECT 1 FROM corpus_phrase_versions own WHERE own.status = 'approved'
    AND own.clinic_id = $1 AND own.group_key = v.group_key AND own.locale = v.locale AND ${VALID_NOW('own')}))`

export const CHUNK_FILTER = `d.status = 'approved' AND d.locale = $2 AND (d.clinic_id = $1 OR d.clinic_id IS NULL) AND ${VALID_NOW('d')}
  AND ($4::text[] IS NULL OR d.category = ANY($4)) AND ($5::text IS NULL OR true) -- policies are general: any department qualifies
  AND NOT (d.clinic_id IS NULL AND EXISTS (SELECT 1 FROM corpus_document_versions own WHERE own.status = 'approved'
    AND own.clinic_id = $1 AND own.document_key = d.document_key AND own.locale = d.locale AND ${VALID_NOW('own')}))`

const PHRASE_COLUMNS = `'phrase' AS kind, v.id, v.group_key AS "group", NULL::uuid AS "documentId", NULL AS "documentKey", NULL AS "sectionPath", v.version, v.title, v.body,
  v.category, v.department, v.source_ref AS "sourceRef"`

const CHUNK_COLUMNS = `'chunk' AS kind, c.id, NULL AS "group", d.document_id AS "documentId", d.document_key AS "documentKey", c.section_path AS "sectionPath", d.version,
  d.title || ' — ' || c.title AS title, c.body, d.category, NULL AS department, d.source_ref AS "sourceRef"`

export type RetrievalFilter = { clinicId: string, locale: string, now: Date, categories: string[] | null, department: string | null }

/** The full row of a retrieval result. */
export type CandidateRow = {
  kind: 'phrase' | 'chunk'
  id: string
  group: string | null
  documentId: string | null
  documentKey: string | null
  sectionPath: string | null
  version: number
  title: string
  body: string
  category: string
  department: string | null
  sourceRef: string | null
}

/** A candidate before ranking: `key` is what results are made distinct by (phrase group, or policy document). */
export type CandidateKey = { kind: 'phrase' | 'chunk', id: string, key: string }

/** A lexical candidate with its stored search_vector in text form, scored in the application. */
export type LexicalCandidate = CandidateKey & { terms: string }

export const filterValues = (filter: RetrievalFilter) => [filter.clinicId, filter.locale, filter.now, filter.categories, filter.department]

const CHUNK_KEY = "'document:' || d.document_id"

// Hot statements are named (prepared once per connection, planned without the query's values):
// planning these filters cost about as much as running them. A name stands for one fixed text.
const LEXICAL_CANDIDATES = `(SELECT 'phrase' AS kind, v.id, v.group_key AS key, v.search_vector::text AS terms
    FROM corpus_phrase_versions v WHERE v.search_vector @@ to_tsquery('simple', $6) AND ${PHRASE_FILTER} LIMIT $7)
  UNION ALL
  (SELECT 'chunk' AS kind, c.id, ${CHUNK_KEY} AS key, c.search_vector::text AS terms
    FROM corpus_chunks c JOIN corpus_document_versions d ON d.id = c.document_version_id
    WHERE c.search_vector @@ to_tsquery('simple', $6) AND ${CHUNK_FILTER} LIMIT $7)`

const ROWS_BY_IDS = `SELECT ${PHRASE_COLUMNS} FROM corpus_phrase_versions v
    WHERE v.id = ANY($6::uuid[]) AND ${PHRASE_FILTER}
  UNION ALL
  SELECT ${CHUNK_COLUMNS} FROM corpus_chunks c JOIN corpus_document_versions d ON d.id = c.document_version_id
    WHERE c.id = ANY($7::uuid[]) AND ${CHUNK_FILTER}`

/** A result row with its vector's cosine distance to the query: a filtered neighbour or a lexical front runner. */
export type VectorCandidate = CandidateRow & CandidateKey & { distance: number }

// $6 query vector, $7 model, $8 neighbours, $9 lexical candidates to measure. The neighbours come from
// the partial HNSW index for the dimension (hence the literal). Both kinds come with their full rows,
// filtered as the text is: most results are among them, which saves fetching the rows afterwards.
const VECTOR_CANDIDATES = (dimensions: number) => {
  const distance = (alias: string) => `${alias}.embedding::vector(${dimensions}) <=> $6::vector(${dimensions})`
  const ofModel = `cv.model = $7 AND cv.dimensions = ${dimensions}`
  return `WITH nearest AS MATERIALIZED (SELECT owner_kind, owner_id, ${distance('cv')} AS distance FROM corpus_vectors cv
      WHERE ${ofModel} AND cv.locale = $2 AND (cv.clinic_id = $1 OR cv.clinic_id IS NULL)
      ORDER BY ${distance('cv')} LIMIT $8),
    measured AS (SELECT owner_kind, owner_id, ${distance('cv')} AS distance FROM corpus_vectors cv
      WHERE cv.owner_kind IN ('phrase', 'chunk') AND cv.owner_id = ANY($9::uuid[]) AND ${ofModel}),
    found AS (SELECT * FROM nearest UNION ALL SELECT * FROM measured)
    SELECT ${PHRASE_COLUMNS}, v.group_key AS key, f.distance FROM found f JOIN corpus_phrase_versions v ON v.id = f.owner_id
      WHERE f.owner_kind = 'phrase' AND ${PHRASE_FILTER}
    UNION ALL
    SELECT ${CHUNK_COLUMNS}, ${CHUNK_KEY}, f.distance FROM found f JOIN corpus_chunks c ON c.id = f.owner_id
      JOIN corpus_document_versions d ON d.id = c.document_version_id WHERE f.owner_kind = 'chunk' AND ${CHUNK_FILTER}`
}

/** SQL for retrieval candidates: lexical matches, and the full rows of the results. */
export function createRetrievalQueries (db: Queryable) {
  return {
    /**
     * Phrases and chunks matching any of the selective tokens, at most `limit` of each (GIN index,
     * every filter applied in the same scan): only what ranking needs, the full rows come later.
     */
    async lexicalCandidates (filter: RetrievalFilter, match: string, limit: number): Promise<LexicalCandidate[]> {
      const result = await db.query<LexicalCandidate>(LEXICAL_CANDIDATES, [...filterValues(filter), match, limit], { name: 'retrieval_lexical_candidates' })
      return result.rows
    },

    /**
     * In one statement (pgvector only): the nearest neighbours of the current model and the given
     * lexical candidates, with their distances to fuse and their full rows, all passing every filter.
     */
    async vectorCandidates (filter: RetrievalFilter, options: { model: string, embedding: number[], limit: number, ownerIds: string[] }): Promise<VectorCandidate[]> {
      const dimensions = checkedDimensions(options.embedding.length)
      const result = await db.query<VectorCandidate>(VECTOR_CANDIDATES(dimensions),
        [...filterValues(filter), toVectorLiteral(options.embedding), options.model, options.limit, options.ownerIds], { name: `retrieval_vector_candidates_${dimensions}` })
      return result.rows
    },

    /** Full rows of the chosen results, re-checked against every filter (content may change between statements). */
    async rowsByIds (filter: RetrievalFilter, phraseIds: string[], chunkIds: string[]): Promise<CandidateRow[]> {
      if (phraseIds.length === 0 && chunkIds.length === 0) return []
      const result = await db.query<CandidateRow>(ROWS_BY_IDS, [...filterValues(filter), phraseIds, chunkIds], { name: 'retrieval_rows_by_ids' })
      return result.rows
    }
  }
}
