import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai'

export type OpenAiSettings = {
  apiKey: string
  /** An OpenAI-compatible server (Azure OpenAI, vLLM, a loopback server in tests). */
  baseUrl?: string | undefined
  timeoutMs: number
  /** Retries after a failed call; each attempt has its own timeout. */
  maxRetries?: number
}

/** @langchain/openai embeddings with a timeout and bounded retries. */
export function createOpenAiEmbeddings (settings: OpenAiSettings & { model: string, dimensions?: number }): OpenAIEmbeddings {
  return new OpenAIEmbeddings({
    apiKey: settings.apiKey,
    model: settings.model,
    ...(settings.dimensions ? { dimensions: settings.dimensions } : {}),
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries ?? 1,
    configuration: { ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}), timeout: settings.timeoutMs, maxRetries: settings.maxRetries ?? 1 }
  })
}

/** @langchain/openai chat model with a timeout and bounded retries, for structured output. */
export function createOpenAiChatModel (settings: OpenAiSettings & { model: string }): ChatOpenAI {
  return new ChatOpenAI({
    apiKey: settings.apiKey,
    model: settings.model,
    temperature: 0,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries ?? 1,
    configuration: { ...(settings.baseUrl ? { baseURL: settings.baseUrl } : {}) }
  })
}
