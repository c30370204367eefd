import type { CorpusContext } from './corpus-context.ts'
import { createPhraseStore } from './phrase-store.ts'
import { createDocumentStore } from './document-store.ts'
import { createVectorStore } from './vector-store.ts'

export type CorpusStats = {
  phraseVersions: Array<{ locale: string, status: string, count: number }>
  documentVersions: Array<{ locale: string, status: string, count: number }>
  approvedChunks: number
  retrieval: 'hybrid' | 'lexical'
  embedder: string
  vectors: Array<{ model: string, dimensions: number, count: number }>
}

/** Counts by locale and status, and which vectors exist for which model. */
export async function corpusStats (context: CorpusContext): Promise<CorpusStats> {
  return {
    phraseVersions: await createPhraseStore(context.db).countByStatus(),
    documentVersions: await createDocumentStore(context.db).countByStatus(),
    approvedChunks: await createDocumentStore(context.db).countChunks(),
    retrieval: context.vectorEnabled ? 'hybrid' : 'lexical',
    embedder: context.embedder.model,
    vectors: context.vectorEnabled ? await createVectorStore(context.db).countByModel() : []
  }
}
