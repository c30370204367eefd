import type { Queryable } from '../db/database.ts'

// Filters shared by every retrieval query. $1 clinic, $2 locale, $3 now, $4 categories (null = any),
// $5 department (null = any; general content without a department always qualifies).
const VALID_NOW = (alias: string) => `(${alias}.valid_from IS NULL OR ${alias}.valid_from <= $3) AND (${alias}.valid_until IS NULL OR ${alias}.valid_until > $3)`

// A clinic's own approved version of a group hides the shared one.
export const PHRASE_FILTER = `v.status = 'approved' AND v.locale = $2 AND (v.clinic_id = $1 OR v.clinic_id IS NULL) AND ${VALID_NOW('v')}
  AND ($4::text[] IS NULL OR v.category = ANY($4)) AND ($5::text IS NULL OR v.department = $5 OR v.department IS NULL)
  AND NOT (v.clinic_id IS NULL AND EXISTS (SELECT 1 FROM corpus_phrase_versions own WHERE own.status = 'approved'
    AND own.clinic_id = $1 AND own.group_key = v.group_key AND own.locale = v.locale AND ${VALID_NOW('own')}))`

const CHUNK_FILTER = `d.status = 'approved' AND d.locale = $2 AND (d.clinic_id = $1 OR d.clinic_id IS NULL) AND ${VALID_NOW('d')}
  AND ($4::text[] IS NULL OR d.category = ANY($4)) AND ($5::text IS NULL OR true) -- policies are general: any department qualifies
  AND NOT (d.clinic_id IS NULL AND EXISTS (SELECT 1 FROM corpus_document_versions own WHERE own.status = 'approved'
    AND own.clinic_id = $1 AND own.document_key = d.document_key AND own.locale = d.locale AND ${VALID_NOW('own')}))`

const PHRASE_COLUMNS = `'phrase' AS kind, v.id, v.group_key AS "group", NULL::uuid AS "documentId", NULL AS "documentKey", NULL AS "sectionPath", v.version, v.title, v.body,
  v.category, v.department, v.source_ref AS "sourceRef"`

const CHUNK_COLUMNS = `'chunk' AS kind, c.id, NULL AS "group", d.document_id AS "documentId", d.document_key AS "documentKey", c.section_path AS "sectionPath", d.version,
  d.title || ' — ' || c.title AS title, c.body, d.category, NULL AS department, d.source_ref AS "sourceRef"`

export type RetrievalFilter = { clinicId: string, locale: string, now: Date, categories: string[] | null, department: string | null }

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
  /** The stored search_vector in text form (lexical candidates only), scored in the application. */
  terms?: string
}

export const filterValues = (filter: RetrievalFilter) => [filter.clinicId, filter.locale, filter.now, filter.categories, filter.department]

/** SQL for retrieval candidates: lexical matches, and content rows for vector neighbours. */
export function createRetrievalQueries (db: Queryable) {
  return {
    /**
     * Phrases and chunks matching any of the selective tokens, at most `limit` of each (GIN index,
     * every filter applied in the same scan), with their stored tokens; ranking happens in the app.
     */
    async lexicalCandidates (filter: RetrievalFilter, match: string, limit: number): Promise<CandidateRow[]> {
      const result = await db.query<CandidateRow>(`(SELECT ${PHRASE_COLUMNS}, v.search_vector::text AS terms
          FROM corpus_phrase_versions v WHERE v.search_vector @@ to_tsquery('simple', $6) AND ${PHRASE_FILTER} LIMIT $7)
        UNION ALL
        (SELECT ${CHUNK_COLUMNS}, c.search_vector::text AS terms
          FROM corpus_chunks c JOIN corpus_document_versions d ON d.id = c.document_version_id
          WHERE c.search_vector @@ to_tsquery('simple', $6) AND ${CHUNK_FILTER} LIMIT $7)`, [...filterValues(filter), match, limit])
      return result.rows
    },

    /** The rows behind vector neighbours, re-checked against every filter (vectors may lag a review change). */
    async rowsByIds (filter: RetrievalFilter, phraseIds: string[], chunkIds: string[]): Promise<CandidateRow[]> {
      if (phraseIds.length === 0 && chunkIds.length === 0) return []
      const result = await db.query<CandidateRow>(`SELECT ${PHRASE_COLUMNS} FROM corpus_phrase_versions v
          WHERE v.id = ANY($6::uuid[]) AND ${PHRASE_FILTER}
        UNION ALL
        SELECT ${CHUNK_COLUMNS} FROM corpus_chunks c JOIN corpus_document_versions d ON d.id = c.document_version_id
          WHERE c.id = ANY($7::uuid[]) AND ${CHUNK_FILTER}`, [...filterValues(filter), phraseIds, chunkIds])
      return result.rows
    }
  }
}
