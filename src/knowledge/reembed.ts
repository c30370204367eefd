import type { CorpusContext } from './corpus-context.ts'
import { chunkEmbeddingText, chunksWithoutVectors, phraseEmbeddingText, phrasesWithoutVectors } from './corpus-indexing.ts'
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
  const phrases = await phrasesWithoutVectors(context.db, context.embedder.model, BATCH)
  if (phrases.length > 0) {
    return phrases.map((phrase) => ({ kind: 'phrase', id: phrase.id, clinicId: phrase.clinicId, locale: phrase.locale, text: phraseEmbeddingText(phrase) }))
  }
  const chunks = await chunksWithoutVectors(context.db, context.embedder.model, BATCH)
  return chunks.map((chunk) => ({ kind: 'chunk', id: chunk.id, clinicId: chunk.owner.clinicId, locale: chunk.owner.locale, text: chunkEmbeddingText(chunk) }))
}
