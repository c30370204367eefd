import type { Queryable } from '../db/database.ts'
import type { CorpusContext } from './corpus-context.ts'
import type { Embedder } from './embedder.ts'
import type { StoredChunk } from './document-store.ts'
import { quoteIdentifier } from '../db/pool-database.ts'
import { createVectorStore, ownsVectorTable, type VectorOwnerKind, type VectorRow } from './vector-store.ts'

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
    await storeVectors(context, phrases.map((phrase, index) => ({
      ownerKind: 'phrase', ownerId: phrase.id, clinicId: phrase.clinicId, locale: phrase.locale, embedding: embeddings[index]!
    })))
    return true
  } catch {
    return false
  }
}

// The migrations index only the offline embedder's 256 dimensions; another model's (e.g. OpenAI's 1536)
// gets its HNSW index with its first vectors, after them (building over rows beats inserting into it).
async function storeVectors (context: CorpusContext, rows: VectorRow[]): Promise<void> {
  const vectors = createVectorStore(context.db)
  await vectors.upsert(context.embedder.model, rows)
  await vectors.ensureIndex(rows[0]!.embedding.length)
}

export type ChunkForEmbedding = Pick<StoredChunk, 'id' | 'sectionPath' | 'body'> & { owner: { clinicId: string | null, locale: string } }

/** Embeds policy chunks (of any number of document versions) in one call and stores their vectors, as indexPhrases. */
export async function indexChunks (context: CorpusContext, chunks: ChunkForEmbedding[]): Promise<boolean> {
  if (!context.vectorEnabled || chunks.length === 0) return true
  try {
    const embeddings = await context.embedder.embeddings.embedDocuments(chunks.map(chunkEmbeddingText))
    await storeVectors(context, chunks.map((chunk, index) => ({
      ownerKind: 'chunk', ownerId: chunk.id, clinicId: chunk.owner.clinicId, locale: chunk.owner.locale, embedding: embeddings[index]!
    })))
    return true
  } catch {
    return false
  }
}

/**
 * Embeds texts that a later transaction stores (storeMissingVectors): a model call must not hold the
 * database connection. Undefined when the model fails; the content is then stored without vectors.
 */
export async function embedTexts (embedder: Embedder, texts: string[]): Promise<Map<string, number[]> | undefined> {
  const distinct = [...new Set(texts)]
  if (distinct.length === 0) return new Map()
  try {
    const embeddings = await embedder.embeddings.embedDocuments(distinct)
    return new Map(distinct.map((text, index) => [text, embeddings[index]!]))
  } catch {
    return undefined
  }
}

/**
 * Inside the caller's transaction, stores a vector for every approved phrase and chunk that has none
 * of the model, from embeddings made beforehand (embedTexts), with corpus_vectors' HNSW indexes
 * dropped for the load and rebuilt from their own definitions at the end: building an index over a
 * few hundred vectors at once is several times faster than inserting them into it one by one. Also
 * builds the index of the model's dimension when it has none yet (e.g. 1536 for OpenAI). For a load
 * into an empty corpus (the sample corpus at first start): rebuilding costs as much as the whole
 * table, and the transaction locks corpus_vectors against readers until it commits. Reports false
 * when some content was left without a vector (`corpus reembed` fills it in).
 */
export async function storeMissingVectors (db: Queryable, options: { model: string, embeddings: Map<string, number[]> | undefined }): Promise<boolean> {
  const phrases = await phrasesWithoutVectors(db, options.model)
  const chunks = await chunksWithoutVectors(db, options.model)
  const pending = [
    ...phrases.map((phrase) => ({ ownerKind: 'phrase' as const, ownerId: phrase.id, clinicId: phrase.clinicId, locale: phrase.locale, text: phraseEmbeddingText(phrase) })),
    ...chunks.map((chunk) => ({ ownerKind: 'chunk' as const, ownerId: chunk.id, clinicId: chunk.owner.clinicId, locale: chunk.owner.locale, text: chunkEmbeddingText(chunk) }))
  ]
  const rows: VectorRow[] = pending.flatMap(({ text, ...row }) => {
    const embedding = options.embeddings?.get(text)
    return embedding ? [{ ...row, embedding }] : []
  })
  if (rows.length === 0) return pending.length === 0
  // Dropped around the load and built again (faster than keeping them up to date row by row), by
  // the owner only: the app role (README, "Clinic isolation") may not, and inserts into them instead.
  const indexes = await ownsVectorTable(db)
    ? await db.query<{ name: string, definition: string }>(`SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = 'corpus_vectors' AND indexdef LIKE '% USING hnsw %'`)
    : { rows: [] }
  for (const index of indexes.rows) await db.query(`DROP INDEX ${quoteIdentifier(index.name)}`)
  const vectors = createVectorStore(db)
  await vectors.upsert(options.model, rows)
  for (const index of indexes.rows) await db.query(index.definition)
  await vectors.ensureIndex(rows[0]!.embedding.length)
  return rows.length === pending.length
}

/** Approved phrase versions without a vector of the model, by id; all of them unless limited. */
export async function phrasesWithoutVectors (db: Queryable, model: string, limit: number | null = null): Promise<PhraseForEmbedding[]> {
  const result = await db.query<PhraseForEmbedding>(`SELECT x.id, x.clinic_id AS "clinicId", x.locale, x.title, x.body, x.examples
    FROM corpus_phrase_versions x
    WHERE x.status = 'approved' AND ${WITHOUT_VECTOR('phrase')} ORDER BY x.id LIMIT $2`, [model, limit])
  return result.rows
}

/** Chunks of approved document versions without a vector of the model, by id; all of them unless limited. */
export async function chunksWithoutVectors (db: Queryable, model: string, limit: number | null = null): Promise<ChunkForEmbedding[]> {
  const result = await db.query<{ id: string, clinicId: string | null, locale: string, sectionPath: string, body: string }>(
    `SELECT x.id, d.clinic_id AS "clinicId", d.locale, x.section_path AS "sectionPath", x.body FROM corpus_chunks x
     JOIN corpus_document_versions d ON d.id = x.document_version_id
     WHERE d.status = 'approved' AND ${WITHOUT_VECTOR('chunk')} ORDER BY x.id LIMIT $2`, [model, limit])
  return result.rows.map(({ clinicId, locale, ...chunk }) => ({ ...chunk, owner: { clinicId, locale } }))
}

// LIMIT NULL means no limit. $1 is the model.
const WITHOUT_VECTOR = (kind: VectorOwnerKind) =>
  `NOT EXISTS (SELECT 1 FROM corpus_vectors cv WHERE cv.owner_kind = '${kind}' AND cv.owner_id = x.id AND cv.model = $1)`

/** Removes vectors of content that stopped being approved (inside the same transaction). */
export async function dropVectors (db: Queryable, vectorEnabled: boolean, kind: VectorOwnerKind, ownerIds: string[]): Promise<void> {
  if (vectorEnabled) await createVectorStore(db).remove(kind, ownerIds)
}

export async function chunkIdsOf (db: Queryable, documentVersionIds: string[]): Promise<string[]> {
  if (documentVersionIds.length === 0) return []
  const result = await db.query<{ id: string }>('SELECT id FROM corpus_chunks WHERE document_version_id = ANY($1::uuid[])', [documentVersionIds])
  return result.rows.map((row) => row.id)
}
