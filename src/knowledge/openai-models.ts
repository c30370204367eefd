import type { EmbeddingsInterface } from '@langchain/core/embeddings'
import type { ChatOpenAI } from '@langchain/openai'

export type OpenAiSettings = {
  apiKey: string
  /** An OpenAI-compatible server (Azure OpenAI, vLLM, a loopback server in tests). */
  baseUrl?: string | undefined
  timeoutMs: number
  /** Retries after a failed call; each attempt has its own timeout. */
  maxRetries?: number
}

// @langchain/openai costs about 60 MB and 0.2 s to load: only installs that use OpenAI pay for it.
const loadOpenAi = () => import('@langchain/openai')

/**
 * @langchain/openai embeddings with a timeout and bounded retries. The module loads on the first
 * call, so creating the embedder stays synchronous and free for offline installs.
 */
export function createOpenAiEmbeddings (settings: OpenAiSettings & { model: string, dimensions?: number }): EmbeddingsInterface {
  let embeddings: Promise<EmbeddingsInterface> | null = null
  const model = () => {
    embeddings ??= loadOpenAi().then(({ OpenAIEmbeddings }) => new OpenAIEmbeddings({
      apiKey: settings.apiKey,
      model: settings.model,
      ...(settings.dimensions ? { dimensions: settings.dimensions } : {}),
      timeout: settings.timeoutMs,
      maxRetries: settings.maxRetries ?? 1,
      configuration: { ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}), timeout: settings.timeoutMs, maxRetries: settings.maxRetries ?? 1 }
    }))
    return embeddings
  }
  return {
    embedQuery: async (text) => (await model()).embedQuery(text),
    embedDocuments: async (texts) => (await model()).embedDocuments(texts)
  }
}

/** @langchain/openai chat model with a timeout and bounded retries, for structured output. */
export async function createOpenAiChatModel (settings: OpenAiSettings & { model: string }): Promise<ChatOpenAI> {
  const { ChatOpenAI } = await loadOpenAi()
  return new ChatOpenAI({
    apiKey: settings.apiKey,
    model: settings.model,
    temperature: 0,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries ?? 1,
    configuration: { ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}) }
  })
}
