import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export type WhatsAppSend = { phoneNumberId: string, body: Record<string, unknown>, idempotencyKey: string, authorization: string | undefined, answeredId?: string }

/** What the fake answers the next send with: the real success shape, a Graph error, or no answer at all. */
export type FakeReply = { status: number, error?: { code: number, message: string }, retryAfter?: string } | 'ok' | 'hold'

export type FakeWhatsAppServer = {
  baseUrl: string
  /** Every request received, answered or not. */
  requests: WhatsAppSend[]
  /** Sends answered with a 2xx that reached the service: the messages WhatsApp would deliver. */
  delivered: WhatsAppSend[]
  /** Replies for the next requests, in order; after them every request gets 'ok' (or `otherwise`). */
  script: (...replies: FakeReply[]) => void
  otherwise: (reply: FakeReply) => void
  /** Requests being held open (no answer yet). */
  held: () => number
  deliveredPerKey: () => Map<string, number>
  close: () => Promise<void>
}

/**
 * A loopback WhatsApp Cloud API: POST /{phone-number-id}/messages with a bearer token, answered
 * like the Graph API ({"messaging_product","contacts","messages":[{"id":"wamid…"}]} or
 * {"error":{"message","type","code","fbtrace_id"}}).
 */
export async function startFakeWhatsAppServer (options: { accessToken: string }): Promise<FakeWhatsAppServer> {
  const requests: WhatsAppSend[] = []
  const delivered: WhatsAppSend[] = []
  const pending: FakeReply[] = []
  let fallback: FakeReply = 'ok'
  const holding = new Set<ServerResponse>()
  let counter = 0

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const match = /^\/(?:v[\d.]+\/)?([^/]+)\/messages$/.exec(request.url ?? '')
      if (request.method !== 'POST' || !match) return sendJson(response, 404, { error: { message: 'Unknown path', type: 'GraphMethodException', code: 100, fbtrace_id: 'fake' } })
      if (request.headers.authorization !== `Bearer ${options.accessToken}`) {
        return sendJson(response, 401, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190, fbtrace_id: 'fake' } })
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
      const send: WhatsAppSend = { phoneNumberId: match[1]!, body, idempotencyKey: String(body.biz_opaque_callback_data ?? request.headers['x-idempotency-key'] ?? ''), authorization: request.headers.authorization }
      requests.push(send)
      const reply = pending.shift() ?? fallback
      if (reply === 'hold') {
        holding.add(response)
        response.on('close', () => holding.delete(response))
        return
      }
      if (reply === 'ok') {
        const id = `wamid.fake${++counter}`
        send.answeredId = id
        // Counted as delivered only once the answer was written to a live connection.
        response.on('finish', () => delivered.push(send))
        return sendJson(response, 200, { messaging_product: 'whatsapp', contacts: [{ input: String(body.to), wa_id: String(body.to) }], messages: [{ id }] })
      }
      if (reply.retryAfter) response.setHeader('retry-after', reply.retryAfter)
      sendJson(response, reply.status, { error: { message: reply.error?.message ?? 'error', type: 'OAuthException', code: reply.error?.code ?? 131000, fbtrace_id: 'fake' } })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/v21.0`,
    requests,
    delivered,
    script: (...replies) => { pending.push(...replies) },
    otherwise: (reply) => { fallback = reply },
    held: () => holding.size,
    deliveredPerKey () {
      const counts = new Map<string, number>()
      for (const send of delivered) counts.set(send.idempotencyKey, (counts.get(send.idempotencyKey) ?? 0) + 1)
      return counts
    },
    async close () {
      for (const response of holding) response.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

function sendJson (response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}
