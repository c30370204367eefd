import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEmbedder } from '../../src/knowledge/embedder.ts'
import { createOpenAiEmbeddings } from '../../src/knowledge/openai-models.ts'
import { embeddingsResponse, startOpenAiLoopbackServer, type OpenAiLoopbackServer } from '../helpers/openai-loopback-server.ts'

describe('OpenAI embeddings through an OpenAI-compatible server on loopback', () => {
  let server: OpenAiLoopbackServer
  beforeAll(async () => { server = await startOpenAiLoopbackServer() })
  afterAll(async () => { await server.close() })

  it('sends the documents to /v1/embeddings with the key and model, and returns the vectors in order', async () => {
    const embedder = createEmbedder({ apiKey: 'test-key', baseUrl: server.baseUrl, embeddingModel: 'text-embedding-3-small', timeoutMs: 2000 })
    expect(embedder.model).toBe('openai:text-embedding-3-small')
    const vectors = await embedder.embeddings.embedDocuments(['胸口疼', 'book an appointment'])
    expect(vectors).toHaveLength(2)
    expect(vectors[0]).toHaveLength(8)
    const request = server.requests.at(-1)!
    expect(request.path).toBe('/v1/embeddings')
    expect(request.body).toMatchObject({ model: 'text-embedding-3-small', input: ['胸口疼', 'book an appointment'] })
    expect(request.headers.authorization).toBe('Bearer test-key')
  })

  it('retries a failed call once, then succeeds', async () => {
    let calls = 0
    server.handle('/v1/embeddings', (request) => ++calls === 1 ? { status: 500, json: { error: { message: 'boom', type: 'server_error' } } } : embeddingsResponse(request))
    const embeddings = createOpenAiEmbeddings({ apiKey: 'k', baseUrl: server.baseUrl, model: 'm', timeoutMs: 2000, maxRetries: 1 })
    expect(await embeddings.embedQuery('hello')).toHaveLength(8)
    expect(calls).toBe(2)
  })

  it('gives up after its timeout when the server stalls', async () => {
    server.handle('/v1/embeddings', () => ({ stall: true }))
    const embeddings = createOpenAiEmbeddings({ apiKey: 'k', baseUrl: server.baseUrl, model: 'm', timeoutMs: 200, maxRetries: 0 })
    const started = Date.now()
    await expect(embeddings.embedQuery('hello')).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('uses the offline embedder when no API key is configured', () => {
    expect(createEmbedder({ apiKey: undefined, baseUrl: undefined, embeddingModel: 'x', timeoutMs: 1 }).model).toBe('hashed-ngram-v1')
  })
})
