import type { Queryable } from '../db/database.ts'
import type { PhraseInput, PhraseVersion, ReviewStatus } from './corpus-types.ts'
import { tokenDocument } from './search-tokens.ts'
import { corpusContentChanged } from './token-statistics.ts'

const VERSION_COLUMNS = `v.id, v.phrase_id AS "phraseId", v.version, v.clinic_id AS "clinicId", v.group_key AS "group", v.locale,
  v.status, v.category, v.department, v.tags, v.title, v.body, v.examples, v.shortcut, v.source_ref AS "sourceRef",
  to_char(v.valid_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "validFrom",
  to_char(v.valid_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "validUntil",
  v.sample, v.author, v.reviewer, v.reviewed_at::text AS "reviewedAt", v.content_hash AS "contentHash", v.created_at::text AS "createdAt"`

export type PhraseIdentity = { id: string, clinicId: string | null, group: string, locale: string }

export type NewPhraseVersion = { id: string, phraseId: string, version: number, status: ReviewStatus, input: PhraseInput, author: string, contentHash: string }

export type PhraseListFilter = { clinicId?: string | null | undefined, locale?: string | undefined, status?: ReviewStatus | undefined, group?: string | undefined, limit: number, offset: number }

// Variables such as {{clinicPhone}} are placeholders, not words a patient would type.
const stripVariables = (text: string) => text.replaceAll(/\{\{\s*[\w.]+\s*\}\}/g, ' ')

/** The token documents behind a version's search_vector: head and examples weigh A, the body B. */
export function phraseSearchDocuments (input: Pick<PhraseInput, 'title' | 'tags' | 'examples' | 'body'>) {
  return { head: tokenDocument(input.title + ' ' + input.tags.join(' ')), examples: tokenDocument(input.examples.join(' ')), body: tokenDocument(stripVariables(input.body)) }
}

/** SQL for phrases and their versions. */
export function createPhraseStore (db: Queryable) {
  /** approvedPhrase for several groups in one query: group → phrase, for the groups that have one. */
  async function approvedPhrases (clinicId: string, locale: string, groups: string[], now: Date): Promise<Map<string, PhraseVersion>> {
    const result = await db.query<PhraseVersion>(`SELECT DISTINCT ON (v.group_key) ${VERSION_COLUMNS} FROM corpus_phrase_versions v
      WHERE v.group_key = ANY($3::text[]) AND v.locale = $2 AND v.status = 'approved' AND (v.clinic_id = $1 OR v.clinic_id IS NULL)
        AND (v.valid_from IS NULL OR v.valid_from <= $4) AND (v.valid_until IS NULL OR v.valid_until > $4)
      ORDER BY v.group_key, v.clinic_id NULLS LAST`, [clinicId, locale, groups, now], { name: 'approved-phrases' })
    return new Map(result.rows.map((row) => [row.group, row]))
  }

  return {
    async findPhrase (clinicId: string | null, group: string, locale: string): Promise<PhraseIdentity | undefined> {
      const result = await db.query<PhraseIdentity>(`SELECT id, clinic_id AS "clinicId", group_key AS "group", locale FROM corpus_phrases
        WHERE clinic_id IS NOT DISTINCT FROM $1 AND group_key = $2 AND locale = $3`, [clinicId, group, locale])
      return result.rows[0]
    },

    async getPhrase (id: string): Promise<PhraseIdentity | undefined> {
      const result = await db.query<PhraseIdentity>('SELECT id, clinic_id AS "clinicId", group_key AS "group", locale FROM corpus_phrases WHERE id = $1', [id])
      return result.rows[0]
    },

    async insertPhrase (phrase: PhraseIdentity): Promise<void> {
      await db.query('INSERT INTO corpus_phrases (id, clinic_id, group_key, locale) VALUES ($1, $2, $3, $4)',
        [phrase.id, phrase.clinicId, phrase.group, phrase.locale])
    },

    async insertVersion (row: NewPhraseVersion): Promise<void> {
      corpusContentChanged()
      const { input } = row
      const search = phraseSearchDocuments(input)
      await db.query(`INSERT INTO corpus_phrase_versions (id, phrase_id, version, clinic_id, group_key, locale, status, category, department,
          tags, title, body, examples, shortcut, source_ref, valid_from, valid_until, sample, author, content_hash, search_vector)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
          setweight(to_tsvector('simple', $21), 'A') || setweight(to_tsvector('simple', $22), 'A') || setweight(to_tsvector('simple', $23), 'B'))`,
      [row.id, row.phraseId, row.version, input.clinicId, input.group, input.locale, row.status, input.category, input.department,
        input.tags, input.title, input.body, input.examples, input.shortcut, input.sourceRef, input.validFrom, input.validUntil, input.sample,
        row.author, row.contentHash, search.head, search.examples, search.body])
    },

    async latestVersion (phraseId: string): Promise<PhraseVersion | undefined> {
      const result = await db.query<PhraseVersion>(`SELECT ${VERSION_COLUMNS} FROM corpus_phrase_versions v WHERE v.phrase_id = $1 ORDER BY v.version DESC LIMIT 1`, [phraseId])
      return result.rows[0]
    },

    async getVersion (phraseId: string, version: number): Promise<PhraseVersion | undefined> {
      const result = await db.query<PhraseVersion>(`SELECT ${VERSION_COLUMNS} FROM corpus_phrase_versions v WHERE v.phrase_id = $1 AND v.version = $2`, [phraseId, version])
      return result.rows[0]
    },

    async listVersions (phraseId: string): Promise<PhraseVersion[]> {
      const result = await db.query<PhraseVersion>(`SELECT ${VERSION_COLUMNS} FROM corpus_phrase_versions v WHERE v.phrase_id = $1 ORDER BY v.version`, [phraseId])
      return result.rows
    },

    /** The latest version of each phrase matching the filter (admin lists and export). */
    async listLatest (filter: PhraseListFilter): Promise<PhraseVersion[]> {
      const result = await db.query<PhraseVersion>(`SELECT ${VERSION_COLUMNS} FROM corpus_phrase_versions v
        WHERE v.version = (SELECT max(version) FROM corpus_phrase_versions latest WHERE latest.phrase_id = v.phrase_id)
          AND ($1::boolean OR v.clinic_id IS NOT DISTINCT FROM $2) AND ($3::text IS NULL OR v.locale = $3)
          AND ($4::text IS NULL OR v.status = $4) AND ($5::text IS NULL OR v.group_key = $5)
        ORDER BY v.group_key, v.locale, v.clinic_id NULLS FIRST LIMIT $6 OFFSET $7`,
      [filter.clinicId === undefined, filter.clinicId ?? null, filter.locale ?? null, filter.status ?? null, filter.group ?? null, filter.limit, filter.offset])
      return result.rows
    },

    async setStatus (versionId: string, status: ReviewStatus, review?: { reviewer: string, reviewedAt: Date }): Promise<void> {
      corpusContentChanged()
      await db.query(`UPDATE corpus_phrase_versions SET status = $2, reviewer = COALESCE($3, reviewer), reviewed_at = COALESCE($4, reviewed_at)
        WHERE id = $1`, [versionId, status, review?.reviewer ?? null, review?.reviewedAt ?? null])
    },

    /** Moves every version of a phrase in one of `from` to `to`; returns the ids moved. */
    async moveStatus (phraseId: string, from: ReviewStatus[], to: ReviewStatus): Promise<string[]> {
      corpusContentChanged()
      const result = await db.query<{ id: string }>('UPDATE corpus_phrase_versions SET status = $3 WHERE phrase_id = $1 AND status = ANY($2) RETURNING id',
        [phraseId, from, to])
      return result.rows.map((row) => row.id)
    },

    /** The approved, currently valid version for (clinic, locale, group): the clinic's own wins over the shared one. */
    async approvedPhrase (clinicId: string, locale: string, group: string, now: Date): Promise<PhraseVersion | undefined> {
      return (await approvedPhrases(clinicId, locale, [group], now)).get(group)
    },

    approvedPhrases,

    async countByStatus (): Promise<Array<{ locale: string, status: string, count: number }>> {
      const result = await db.query<{ locale: string, status: string, count: number }>(
        'SELECT locale, status, count(*)::int AS count FROM corpus_phrase_versions GROUP BY locale, status ORDER BY locale, status')
      return result.rows
    }
  }
}

export type PhraseStore = ReturnType<typeof createPhraseStore>
