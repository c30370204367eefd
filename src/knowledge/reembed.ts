import type { CorpusContext } from './corpus-context.ts'
import { chunkEmbeddingText, phraseEmbeddingText } from './corpus-indexing.ts'
import { createVectorStore } from './vector-store.ts'

export type ReembedReport = { phrases: number, chunks: number, removedOtherModels: number, model: string }

type Pending = { kind: 'phrase' | 'chunk', id: string, clinicId: string | null, locale: string, text: string }

const BATCH = 64

/**
 * Gives every approved phrase and chunk a vector of the current model, in batches that each commit
 * on their own: stopping half-way loses nothing and the next run continues where this one stopped.
 * Vectors of other models are replaced (never mixed: retrieval compares the current model only).
 */
export async function reembedCorpus (context: CorpusContext, onProgress: (done: number) => void = () => {}): Promise<ReembedReport> {
  if (!context.vectorEnabled) throw new Error('pgvector is not installed in this database: there is nothing to re-embed (retrieval is lexical-only)')
  const report: ReembedReport = { phrases: 0, chunks: 0, removedOtherModels: 0, model: context.embedder.model }
  const vectors = createVectorStore(context.db)
  for (;;) {
    const pending = await pendingBatch(context)
    if (pending.length === 0) break
    const embeddings = await context.embedder.embeddings.embedDocuments(pending.map((item) => item.text))
    await vectors.ensureIndex(embeddings[0]!.length)
    await context.db.transaction(async (transaction) => {
      await createVectorStore(transaction).upsert(context.embedder.model, pending.map((item, index) => ({
        ownerKind: item.kind, ownerId: item.id, clinicId: item.clinicId, locale: item.locale, embedding: embeddings[index]!
      })))
    })
    for (const item of pending) report[item.kind === 'phrase' ? 'phrases' : 'chunks']++
    onProgress(report.phrases + report.chunks)
  }
  // Vectors left over from another model, or for content no longer approved.
  const removed = await context.db.query(`DELETE FROM corpus_vectors WHERE model <> $1
    OR (owner_kind = 'phrase' AND NOT EXISTS (SELECT 1 FROM corpus_phrase_versions v WHERE v.id = owner_id AND v.status = 'approved'))
    OR (owner_kind = 'chunk' AND NOT EXISTS (SELECT 1 FROM corpus_chunks c JOIN corpus_document_versions d ON d.id = c.document_version_id
      WHERE c.id = owner_id AND d.status = 'approved'))`, [context.embedder.model])
  report.removedOtherModels = removed.rowCount
  return report
}

async function pendingBatch (context: CorpusContext): Promise<Pending[]> {
  const missing = 'NOT EXISTS (SELECT 1 FROM corpus_vectors cv WHERE cv.owner_kind = $1 AND cv.owner_id = x.id AND cv.model = $2)'
  const phrases = await context.db.query<{ id: string, clinicId: string | null, locale: string, title: string, body: string, examples: string[] }>(
    `SELECT x.id, x.clinic_id AS "clinicId", x.locale, x.title, x.body, x.examples FROM corpus_phrase_versions x
     WHERE x.status = 'approved' AND ${missing} ORDER BY x.id LIMIT ${BATCH}`, ['phrase', context.embedder.model])
  if (phrases.rows.length > 0) {
    return phrases.rows.map((row) => ({ kind: 'phrase', id: row.id, clinicId: row.clinicId, locale: row.locale, text: phraseEmbeddingText(row) }))
  }
  const chunks = await context.db.query<{ id: string, clinicId: string | null, locale: string, sectionPath: string, body: string }>(
    `SELECT x.id, d.clinic_id AS "clinicId", d.locale, x.section_path AS "sectionPath", x.body FROM corpus_chunks x
     JOIN corpus_document_versions d ON d.id = x.document_version_id
     WHERE d.status = 'approved' AND ${missing} ORDER BY x.id LIMIT ${BATCH}`, ['chunk', context.embedder.model])
  return chunks.rows.map((row) => ({ kind: 'chunk', id: row.id, clinicId: row.clinicId, locale: row.locale, text: chunkEmbeddingText(row) }))
}
