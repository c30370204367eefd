import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { ConversationService } from '../../conversations/conversation-service.ts'
import { errorResponseSchema } from '../schemas/error.ts'
import { PATIENT_TOKEN, publicRoute } from '../access/route-access.ts'
import {
  conversationParamsSchema, sendMessageBodySchema, startConversationBodySchema, startConversationResponseSchema, turnResponseSchema
} from '../schemas/conversation.ts'

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema, 429: errorResponseSchema, 503: errorResponseSchema }

export type ConversationRouteOptions = {
  /** The per-conversation limit on patient messages (before the token is checked). */
  perConversationLimit: (request: FastifyRequest, reply: FastifyReply) => Promise<void>
}

/** The public conversation API of api.md: thin handlers over the conversation service. */
export function conversationRoutes (conversations: ConversationService, options: ConversationRouteOptions): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/v1/conversations', {
      config: { access: publicRoute('a patient has no credential before this: it answers with the conversation token') },
      schema: { tags: ['conversation'], summary: 'Start a conversation', body: startConversationBodySchema.optional(), response: { 201: startConversationResponseSchema, ...errors } }
    }, async (request, reply) => {
      const started = await conversations.start({ clinicId: request.body?.clinicId, locale: request.body?.locale })
      return reply.status(201).send(started)
    })

    app.post('/v1/conversations/:id/messages', {
      config: { access: PATIENT_TOKEN },
      onRequest: options.perConversationLimit,
      schema: { tags: ['conversation'], summary: 'Send a patient message', security: [{ conversationToken: [] }], params: conversationParamsSchema, body: sendMessageBodySchema, response: { 200: turnResponseSchema, ...errors } }
    }, async (request) => {
      return conversations.receive({ conversationId: request.params.id, token: bearerToken(request.headers.authorization), text: request.body.text, clientMessageId: request.body.clientMessageId })
    })
  }
}

function bearerToken (header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  return match?.[1] ?? null
}
