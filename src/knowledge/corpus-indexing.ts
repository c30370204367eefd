import type { Queryable } from '../db/database.ts'
import type { CorpusContext } from './corpus-context.ts'
import type { StoredChunk } from './document-store.ts'
import { createVectorStore, type VectorOwnerKind } from './vector-store.ts'

export type PhraseForEmbedding = { id: string, clinicId: string | null, locale: string, title: string, body: string, examples: string[] }

/** Patients' wording lives in the examples, so they lead the embedded text. */
export function phraseEmbeddingText (phrase: { title: string, body: string, examples: string[] }): string {
  return [...phrase.examples, phrase.title, phrase.body].join('\n')
}

export function chunkEmbeddingText (chunk: { sectionPath: string, body: string }): string {
  return `${chunk.sectionPath}\n${chunk.body}`
}

/**
 * Embeds approved phrases and stores their vectors. Runs after the approving transaction commits
 * (a model call must not hold the database connection); a failure leaves the vectors missing and
 * `corpus reembed` fills them in later, so it reports false instead of throwing.
 */
export async function indexPhrases (context: CorpusContext, phrases: PhraseForEmbedding[]): Promise<boolean> {
  if (!context.vectorEnabled || phrases.length === 0) return true
  try {
    const embeddings = await context.embedder.embeddings.embedDocuments(phrases.map(phraseEmbeddingText))
    await createVectorStore(context.db).upsert(context.embedder.model, phrases.map((phrase, index) => ({
      ownerKind: 'phrase', ownerId: phrase.id, clinicId: phrase.clinicId, locale: phrase.locale, embedding: embeddings[index]!
    })))
    return true
  } catch {
    return false
  }
}

export type ChunkForEmbedding = Pick<StoredChunk, 'id' | 'sectionPath' | 'body'> & { owner: { clinicId: string | null, locale: string } }

/** Embeds policy chunks (of any number of document versions) in one call and stores their vectors, as indexPhrases. */
export async function indexChunks (context: CorpusContext, chunks: ChunkForEmbedding[]): Promise<boolean> {
  if (!context.vectorEnabled || chunks.length === 0) return true
  try {
    const embeddings = await context.embedder.embeddings.embedDocuments(chunks.map(chunkEmbeddingText))
    await createVectorStore(context.db).upsert(context.embedder.model, chunks.map((chunk, index) => ({
      ownerKind: 'chunk', ownerId: chunk.id, clinicId: chunk.owner.clinicId, locale: chunk.owner.locale, embedding: embeddings[index]!
    })))
    return true
  } catch {
    return false
  }
}

/** Removes vectors of content that stopped being approved (inside the same transaction). */
export async function dropVectors (db: Queryable, vectorEnabled: boolean, kind: VectorOwnerKind, ownerIds: string[]): Promise<void> {
  if (vectorEnabled) await createVectorStore(db).remove(kind, ownerIds)
}

export async function chunkIdsOf (db: Queryable, documentVersionIds: string[]): Promise<string[]> {
  if (documentVersionIds.length === 0) return []
  const result = await db.query<{ id: string }>('SELECT id FROM corpus_chunks WHERE document_version_id = ANY($1::uuid[])', [documentVersionIds])
  return result.rows.map((row) => row.id)
}
