import type { Queryable } from '../db/database.ts'
import type { DocumentInput, DocumentVersion, ReviewStatus } from './corpus-types.ts'
import type { PolicyChunk } from './markdown-policy.ts'
import { tokenDocument } from './search-tokens.ts'
import { corpusContentChanged } from './token-statistics.ts'

const VERSION_COLUMNS = `v.id, v.document_id AS "documentId", v.version, v.clinic_id AS "clinicId", v.document_key AS "documentKey", v.locale,
  v.status, v.version_label AS "versionLabel", v.category, v.title, v.tags, v.markdown, v.source_ref AS "sourceRef",
  to_char(v.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "validFrom",
  to_char(v.valid_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "validUntil",
  v.sample, v.author, v.reviewer, v.reviewed_at::text AS "reviewedAt", v.content_hash AS "contentHash", v.created_at::text AS "createdAt"`

export type DocumentIdentity = { id: string, clinicId: string | null, documentKey: string, locale: string }

export type StoredChunk = PolicyChunk & { id: string, tags: string[] }

/** SQL for policy documents, their versions and their chunks. */
export function createDocumentStore (db: Queryable) {
  return {
    async findDocument (clinicId: string | null, documentKey: string, locale: string): Promise<DocumentIdentity | undefined> {
      const result = await db.query<DocumentIdentity>(`SELECT id, clinic_id AS "clinicId", document_key AS "documentKey", locale FROM corpus_documents
        WHERE clinic_id IS NOT DISTINCT FROM $1 AND document_key = $2 AND locale = $3`, [clinicId, documentKey, locale])
      return result.rows[0]
    },

    async getDocument (id: string): Promise<DocumentIdentity | undefined> {
      const result = await db.query<DocumentIdentity>('SELECT id, clinic_id AS "clinicId", document_key AS "documentKey", locale FROM corpus_documents WHERE id = $1', [id])
      return result.rows[0]
    },

    async insertDocument (document: DocumentIdentity): Promise<void> {
      await db.query('INSERT INTO corpus_documents (id, clinic_id, document_key, locale) VALUES ($1, $2, $3, $4)',
        [document.id, document.clinicId, document.documentKey, document.locale])
    },

    async insertVersion (row: { id: string, documentId: string, version: number, status: ReviewStatus, input: DocumentInput, author: string, contentHash: string }): Promise<void> {
      corpusContentChanged()
      const { input } = row
      await db.query(`INSERT INTO corpus_document_versions (id, document_id, version, clinic_id, document_key, locale, status, version_label,
          category, title, tags, markdown, source_ref, valid_from, valid_until, sample, author, content_hash)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [row.id, row.documentId, row.version, input.clinicId, input.documentKey, input.locale, row.status, input.versionLabel, input.category,
        input.title, input.tags, input.markdown, input.sourceRef, input.validFrom, input.validUntil, input.sample, row.author, row.contentHash])
    },

    async insertChunks (documentVersionId: string, chunks: StoredChunk[]): Promise<void> {
      corpusContentChanged()
      if (chunks.length === 0) return
      await db.query(`INSERT INTO corpus_chunks (id, document_version_id, ordinal, section_path, title, body, tags, search_vector)
        SELECT r.id, $1, r.ordinal, r.section_path, r.title, r.body, r.tags,
          setweight(to_tsvector('simple', r.head), 'A') || setweight(to_tsvector('simple', r.tail), 'B')
        FROM jsonb_to_recordset($2::jsonb) AS r(id uuid, ordinal integer, section_path text, title text, body text, tags text[], head text, tail text)`,
      [documentVersionId, JSON.stringify(chunks.map((chunk) => ({
        id: chunk.id,
        ordinal: chunk.ordinal,
        section_path: chunk.sectionPath,
        title: chunk.title,
        body: chunk.body,
        tags: chunk.tags,
        head: tokenDocument(chunk.sectionPath + ' ' + chunk.tags.join(' ')),
        tail: tokenDocument(chunk.body)
      })))])
    },

    /** The chunks of several document versions, in document and ordinal order. */
    async listChunksOf (documentVersionIds: string[]): Promise<Array<StoredChunk & { documentVersionId: string }>> {
      const result = await db.query<StoredChunk & { documentVersionId: string }>(`SELECT id, document_version_id AS "documentVersionId", ordinal,
          section_path AS "sectionPath", title, body, tags FROM corpus_chunks
        WHERE document_version_id = ANY($1::uuid[]) ORDER BY document_version_id, ordinal`, [documentVersionIds])
      return result.rows
    },

    async listChunks (documentVersionId: string): Promise<StoredChunk[]> {
      const result = await db.query<StoredChunk>(`SELECT id, ordinal, section_path AS "sectionPath", title, body, tags FROM corpus_chunks
        WHERE document_version_id = $1 ORDER BY ordinal`, [documentVersionId])
      return result.rows
    },

    async latestVersion (documentId: string): Promise<DocumentVersion | undefined> {
      const result = await db.query<DocumentVersion>(`SELECT ${VERSION_COLUMNS} FROM corpus_document_versions v WHERE v.document_id = $1 ORDER BY v.version DESC LIMIT 1`, [documentId])
      return result.rows[0]
    },

    async getVersion (documentId: string, version: number): Promise<DocumentVersion | undefined> {
      const result = await db.query<DocumentVersion>(`SELECT ${VERSION_COLUMNS} FROM corpus_document_versions v WHERE v.document_id = $1 AND v.version = $2`, [documentId, version])
      return result.rows[0]
    },

    async listVersions (documentId: string): Promise<DocumentVersion[]> {
      const result = await db.query<DocumentVersion>(`SELECT ${VERSION_COLUMNS} FROM corpus_document_versions v WHERE v.document_id = $1 ORDER BY v.version`, [documentId])
      return result.rows
    },

    async listLatest (filter: { clinicId?: string | null | undefined, locale?: string | undefined, status?: ReviewStatus | undefined, limit: number, offset: number }): Promise<DocumentVersion[]> {
      const result = await db.query<DocumentVersion>(`SELECT ${VERSION_COLUMNS} FROM corpus_document_versions v
        WHERE v.version = (SELECT max(version) FROM corpus_document_versions latest WHERE latest.document_id = v.document_id)
          AND ($1::boolean OR v.clinic_id IS NOT DISTINCT FROM $2) AND ($3::text IS NULL OR v.locale = $3) AND ($4::text IS NULL OR v.status = $4)
        ORDER BY v.document_key, v.locale LIMIT $5 OFFSET $6`,
      [filter.clinicId === undefined, filter.clinicId ?? null, filter.locale ?? null, filter.status ?? null, filter.limit, filter.offset])
      return result.rows
    },

    async setStatus (versionId: string, status: ReviewStatus, review?: { reviewer: string, reviewedAt: Date }): Promise<void> {
      corpusContentChanged()
      await db.query(`UPDATE corpus_document_versions SET status = $2, reviewer = COALESCE($3, reviewer), reviewed_at = COALESCE($4, reviewed_at)
        WHERE id = $1`, [versionId, status, review?.reviewer ?? null, review?.reviewedAt ?? null])
    },

    async moveStatus (documentId: string, from: ReviewStatus[], to: ReviewStatus): Promise<string[]> {
      corpusContentChanged()
      const result = await db.query<{ id: string }>('UPDATE corpus_document_versions SET status = $3 WHERE document_id = $1 AND status = ANY($2) RETURNING id',
        [documentId, from, to])
      return result.rows.map((row) => row.id)
    },

    async countByStatus (): Promise<Array<{ locale: string, status: string, count: number }>> {
      const result = await db.query<{ locale: string, status: string, count: number }>(
        'SELECT locale, status, count(*)::int AS count FROM corpus_document_versions GROUP BY locale, status ORDER BY locale, status')
      return result.rows
    },

    async countChunks (): Promise<number> {
      const result = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM corpus_chunks c
        JOIN corpus_document_versions v ON v.id = c.document_version_id WHERE v.status = 'approved'`)
      return result.rows[0]?.count ?? 0
    }
  }
}

export type DocumentStore = ReturnType<typeof createDocumentStore>
