import type { EmbeddingsInterface } from '@langchain/core/embeddings'
import { HASHED_NGRAM_MODEL, HashedNgramEmbeddings } from './hashed-ngram-embeddings.ts'
import { createOpenAiEmbeddings } from './openai-models.ts'

/** An embeddings model plus the name stored beside every vector it makes. */
export type Embedder = {
  embeddings: EmbeddingsInterface
  model: string
}

export type EmbedderSettings = {
  apiKey: string | undefined
  baseUrl: string | undefined
  embeddingModel: string
  timeoutMs: number
}

/** OpenAI embeddings when an API key is configured, else the offline hashed n-gram embedder. */
export function createEmbedder (settings: EmbedderSettings): Embedder {
  if (!settings.apiKey) return createOfflineEmbedder()
  return {
    embeddings: createOpenAiEmbeddings({ apiKey: settings.apiKey, baseUrl: settings.baseUrl, model: settings.embeddingModel, timeoutMs: settings.timeoutMs }),
    model: `openai:${settings.embeddingModel}`
  }
}

export function createOfflineEmbedder (): Embedder {
  return { embeddings: new HashedNgramEmbeddings(), model: HASHED_NGRAM_MODEL }
}
