import { randomUUID } from 'node:crypto'
import type { Queryable } from '../db/database.ts'
import type { PhraseInput } from './corpus-types.ts'
import type { PhraseForEmbedding } from './corpus-indexing.ts'
import { normalizeTimestamp, phraseContentHash } from './phrase-review.ts'
import { phraseSearchDocuments } from './phrase-store.ts'
import { corpusContentChanged } from './token-statistics.ts'

export type BulkSaveReport = { created: number, updated: number, unchanged: number, approved: PhraseForEmbedding[] }

type Latest = { index: number, phraseId: string, version: number | null, contentHash: string | null }

type Planned = { input: PhraseInput, hash: string, phraseId: string, isNew: boolean, version: number, id: string }

/**
 * savePhraseVersion for many phrases with a constant number of statements (import of a whole file):
 * the same rows, statuses and token statistics as saving them one by one, inside the caller's
 * transaction. Inputs must be distinct by (clinic, group, locale), as validated imports are.
 */
export async function savePhraseVersions (db: Queryable, given: PhraseInput[], options: { author: string, approvedBy?: string | undefined, now: Date }): Promise<BulkSaveReport> {
  const inputs = given.map((input) => ({ ...input, validFrom: normalizeTimestamp(input.validFrom), validUntil: normalizeTimestamp(input.validUntil) }))
  const latest = await latestVersions(db, inputs)
  const report: BulkSaveReport = { created: 0, updated: 0, unchanged: 0, approved: [] }
  const planned: Planned[] = []
  inputs.forEach((input, index) => {
    const found = latest.get(index)
    const hash = phraseContentHash(input)
    if (found?.contentHash === hash) {
      report.unchanged++
      return
    }
    report[found?.version ? 'updated' : 'created']++
    planned.push({ input, hash, phraseId: found?.phraseId ?? randomUUID(), isNew: !found, version: (found?.version ?? 0) + 1, id: randomUUID() })
  })
  if (planned.length === 0) return report
  corpusContentChanged()
  await insertPhrases(db, planned.filter((row) => row.isNew))
  const replaced = options.approvedBy ? ['draft', 'in_review', 'approved'] : ['draft', 'in_review']
  await db.query('UPDATE corpus_phrase_versions SET status = \'superseded\' WHERE phrase_id = ANY($1::uuid[]) AND status = ANY($2::text[])',
    [planned.map((row) => row.phraseId), replaced])
  await insertVersions(db, planned, options)
  if (options.approvedBy) {
    report.approved = planned.map(({ id, input }) => ({ id, clinicId: input.clinicId, locale: input.locale, title: input.title, body: input.body, examples: input.examples }))
  }
  return report
}

/** The phrase and its latest version for each input that already exists, by input index. */
async function latestVersions (db: Queryable, inputs: PhraseInput[]): Promise<Map<number, Latest>> {
  const result = await db.query<Latest>(`SELECT (k.ordinality - 1)::int AS index, p.id AS "phraseId", l.version, l.content_hash AS "contentHash"
    FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(clinic_id, group_key, locale, ordinality)
    JOIN corpus_phrases p ON p.group_key = k.group_key AND p.locale = k.locale AND p.clinic_id IS NOT DISTINCT FROM k.clinic_id
    LEFT JOIN LATERAL (SELECT v.version, v.content_hash FROM corpus_phrase_versions v WHERE v.phrase_id = p.id ORDER BY v.version DESC LIMIT 1) l ON true`,
  [inputs.map((input) => input.clinicId), inputs.map((input) => input.group), inputs.map((input) => input.locale)])
  return new Map(result.rows.map((row) => [row.index, row]))
}

async function insertPhrases (db: Queryable, rows: Planned[]): Promise<void> {
  if (rows.length === 0) return
  await db.query('INSERT INTO corpus_phrases (id, clinic_id, group_key, locale) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])',
    [rows.map((row) => row.phraseId), rows.map((row) => row.input.clinicId), rows.map((row) => row.input.group), rows.map((row) => row.input.locale)])
}

// Arrays of arrays (tags, examples) cannot go through unnest, so the rows travel as one JSON array.
async function insertVersions (db: Queryable, rows: Planned[], options: { author: string, approvedBy?: string | undefined, now: Date }): Promise<void> {
  const records = rows.map(({ id, phraseId, version, input, hash }) => {
    const search = phraseSearchDocuments(input)
    return {
      id,
      phrase_id: phraseId,
      version,
      clinic_id: input.clinicId,
      group_key: input.group,
      locale: input.locale,
      category: input.category,
      department: input.department,
      tags: input.tags,
      title: input.title,
      body: input.body,
      examples: input.examples,
      shortcut: input.shortcut,
      source_ref: input.sourceRef,
      valid_from: input.validFrom,
      valid_until: input.validUntil,
      sample: input.sample,
      content_hash: hash,
      head: search.head,
      examples_text: search.examples,
      tail: search.body
    }
  })
  await db.query(`INSERT INTO corpus_phrase_versions (id, phrase_id, version, clinic_id, group_key, locale, status, category, department,
      tags, title, body, examples, shortcut, source_ref, valid_from, valid_until, sample, author, reviewer, reviewed_at, content_hash, search_vector)
    SELECT r.id, r.phrase_id, r.version, r.clinic_id, r.group_key, r.locale, $2, r.category, r.department, r.tags, r.title, r.body, r.examples,
      r.shortcut, r.source_ref, r.valid_from, r.valid_until, r.sample, $3, $4, $5, r.content_hash,
      setweight(to_tsvector('simple', r.head), 'A') || setweight(to_tsvector('simple', r.examples_text), 'A') || setweight(to_tsvector('simple', r.tail), 'B')
    FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, phrase_id uuid, version integer, clinic_id text, group_key text, locale text, category text,
      department text, tags text[], title text, body text, examples text[], shortcut text, source_ref text, valid_from timestamptz,
      valid_until timestamptz, sample boolean, content_hash text, head text, examples_text text, tail text)`,
  [JSON.stringify(records), options.approvedBy ? 'approved' : 'draft', options.author, options.approvedBy ?? null, options.approvedBy ? options.now : null])
}
