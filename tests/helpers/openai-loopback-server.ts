import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'

export type LoopbackRequest = { path: string, body: Record<string, unknown>, headers: IncomingMessage['headers'] }

/** What a handler decides: a JSON reply, an HTTP error, or a stall (never answers, to exercise timeouts). */
export type LoopbackReply = { status?: number, json: unknown } | { stall: true }

export type LoopbackHandler = (request: LoopbackRequest) => LoopbackReply | Promise<LoopbackReply>

export type OpenAiLoopbackServer = {
  /** Base URL for `configuration.baseURL`, ending in /v1. */
  baseUrl: string
  requests: LoopbackRequest[]
  /** Replace the handler of a path (e.g. '/v1/embeddings', '/v1/chat/completions'). */
  handle: (path: string, handler: LoopbackHandler) => void
  close: () => Promise<void>
}

/** Real-shaped embeddings response: a deterministic small vector per input. */
export function embeddingsResponse (request: LoopbackRequest, dimensions = 8): LoopbackReply {
  const input = request.body.input
  const inputs = Array.isArray(input) ? input : [input]
  return {
    json: {
      object: 'list',
      // The openai SDK asks for base64 (little-endian float32) unless told otherwise; the real API honours it.
      data: inputs.map((text, index) => {
        const vector = fakeVector(String(text), dimensions)
        const embedding = request.body.encoding_format === 'base64' ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector
        return { object: 'embedding', index, embedding }
      }),
      model: String(request.body.model ?? 'text-embedding-3-small'),
      usage: { prompt_tokens: inputs.length, total_tokens: inputs.length }
    }
  }
}

/** Real-shaped chat completion whose message content is the given text. */
export function chatCompletionResponse (request: LoopbackRequest, content: string): LoopbackReply {
  return {
    json: {
      id: 'chatcmpl-loopback',
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: String(request.body.model ?? 'gpt-4o-mini'),
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 }
    }
  }
}

/**
 * A recorded, trimmed OpenAI response from tests/fixtures/openai/<name>.json (a chat completion or an
 * error body), replayed as is with the given HTTP status.
 */
export function fixtureReply (name: string, status = 200): LoopbackReply {
  return { status, json: JSON.parse(readFileSync(new URL(`../fixtures/openai/${name}.json`, import.meta.url), 'utf8')) }
}

/** The text of the request's last user message (Chat Completions), for handlers that answer by content. */
export function lastUserMessage (request: LoopbackRequest): string {
  const messages = Array.isArray(request.body.messages) ? request.body.messages as Array<{ role?: string, content?: unknown }> : []
  const content = messages.filter((message) => message.role === 'user').at(-1)?.content
  return typeof content === 'string' ? content : JSON.stringify(content ?? '')
}

function fakeVector (text: string, dimensions: number): number[] {
  const vector = Array.from({ length: dimensions }, (_, index) => ((text.charCodeAt(index % Math.max(text.length, 1)) || 1) % 17) / 17)
  const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1
  return vector.map((value) => value / norm)
}

/**
 * An OpenAI-compatible HTTP server on 127.0.0.1 with a random port, started by a test so the real
 * client code (HTTP, retries, timeouts) runs. Default handlers answer embeddings and chat completions.
 */
export async function startOpenAiLoopbackServer (): Promise<OpenAiLoopbackServer> {
  const handlers = new Map<string, LoopbackHandler>([
    ['/v1/embeddings', (request) => embeddingsResponse(request)],
    ['/v1/chat/completions', (request) => chatCompletionResponse(request, '{}')]
  ])
  const requests: LoopbackRequest[] = []
  const stalled = new Set<ServerResponse>()
  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', async () => {
      const path = (incoming.url ?? '/').split('?')[0]!
      const text = Buffer.concat(chunks).toString('utf8')
      const request: LoopbackRequest = { path, body: text ? JSON.parse(text) : {}, headers: incoming.headers }
      requests.push(request)
      const handler = handlers.get(path)
      const reply: LoopbackReply = handler ? await handler(request) : { status: 404, json: { error: { message: `no handler for ${path}`, type: 'invalid_request_error' } } }
      if ('stall' in reply) {
        stalled.add(response)
        return
      }
      response.writeHead(reply.status ?? 200, { 'content-type': 'application/json' })
      response.end(JSON.stringify(reply.json))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    handle: (path, handler) => { handlers.set(path, handler) },
    async close () {
      for (const response of stalled) response.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
