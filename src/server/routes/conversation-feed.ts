import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { FastifySSEPlugin } from 'fastify-sse-v2'
import { AppError } from '../../errors.ts'
import { requireEventStreamAccept } from '../plugins/event-stream-accept.ts'
import type { ConversationService } from '../../conversations/conversation-service.ts'
import type { ConversationStore } from '../../conversations/conversation-store.ts'
import type { ConversationEvents } from '../../handoff/conversation-events.ts'
import { patientEventStream } from '../../handoff/patient-event-stream.ts'
import { errorResponseSchema } from '../schemas/error.ts'
import { PATIENT_TOKEN } from '../access/route-access.ts'
import { conversationParamsSchema } from '../schemas/conversation.ts'
import { feedResponseSchema } from '../schemas/conversation-feed.ts'

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema, 406: errorResponseSchema, 503: errorResponseSchema }
const HEARTBEAT_MS = 20_000
const feedQuerySchema = z.object({ after: z.string().min(1).max(64).optional(), token: z.string().max(200).optional() }).strict()

type FeedDependencies = { conversations: ConversationService, store: ConversationStore, events: ConversationEvents }

/**
 * The patient's side of a handoff: poll for messages after the last one seen, or stream them.
 * The conversation token comes as `Authorization: Bearer` or, for EventSource (which cannot set
 * headers), as `?token=`.
 */
export function conversationFeedRoutes ({ conversations, store, events }: FeedDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(FastifySSEPlugin, { retryDelay: 2000 })
    app.addHook('onReady', async () => { await events.start() })
    app.addHook('preClose', async () => { events.endStreams() })
    app.addHook('onClose', async () => { await events.stop() })

    app.get('/v1/conversations/:id/messages', {
      config: { access: PATIENT_TOKEN },
      schema: {
        tags: ['conversation'],
        summary: 'Messages after one (agent replies included); all of them without `after`',
        security: [{ conversationToken: [] }],
        params: conversationParamsSchema,
        querystring: feedQuerySchema,
        response: { 200: feedResponseSchema, ...errors }
      }
    }, async (request) => conversations.messagesAfter({
      conversationId: request.params.id,
      token: conversationToken(request.headers.authorization, request.query.token),
      after: request.query.after ?? null
    }))

    app.get('/v1/conversations/:id/events', {
      config: { access: PATIENT_TOKEN },
      schema: {
        tags: ['conversation'],
        summary: 'Server-Sent Events: `status` first and on each change (bot / waiting_agent / with_agent), then `message` for each new message',
        security: [{ conversationToken: [] }],
        params: conversationParamsSchema,
        querystring: feedQuerySchema,
        response: { ...errors }
      }
    }, async (request, reply) => {
      const conversation = await conversations.authorise(request.params.id, conversationToken(request.headers.authorization, request.query.token))
      requireEventStreamAccept(request)
      const lastEventId = request.headers['last-event-id']
      const after = (typeof lastEventId === 'string' && lastEventId) || request.query.after || null
      if (after && !(await store.listMessagesAfter(conversation.id, after, 1))) {
        throw new AppError('VALIDATION_FAILED', `after: ${after} is not a message of this conversation`)
      }
      const aborted = new AbortController()
      request.raw.on('close', () => aborted.abort())
      reply.sse(patientEventStream({ store, events, conversation, after, heartbeatMs: HEARTBEAT_MS, signal: aborted.signal }))
    })
  }
}

function conversationToken (header: string | undefined, query: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  return match?.[1] ?? query ?? null
}
