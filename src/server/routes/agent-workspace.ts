import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { FastifySSEPlugin } from 'fastify-sse-v2'
import type { ConversationStore } from '../../conversations/conversation-store.ts'
import type { Database } from '../../db/database.ts'
import { agentEventStream } from '../../handoff/agent-event-stream.ts'
import type { HandoffConversation } from '../../handoff/handoff-records.ts'
import type { HandoffServices } from '../../handoff/handoff-services.ts'
import { signedInAgent } from '../plugins/agent-session.ts'
import { staffRoute } from '../access/route-access.ts'
import { requireEventStreamAccept } from '../plugins/event-stream-accept.ts'
import {
  agentConversationParamsSchema, agentErrors, agentMessageBodySchema, handoffStateSchema, queueEntrySchema, resolveBodySchema, transcriptSchema, transferBodySchema
} from '../schemas/agent.ts'
import { feedMessageSchema } from '../schemas/conversation-feed.ts'

const tags = ['agents: workspace']
const security = [{ agentSession: [] }]
const HEARTBEAT_MS = 20_000
// Signed-in agents only (an API key holds no conversation); another clinic's conversation is 404.
const config = { access: staffRoute('agent', { clinic: 'own', via: ['agent-session'] }) }

type WorkspaceDependencies = { handoff: HandoffServices, database: Database, store: ConversationStore }

/** The agent workspace of api.md: queue, claim, transcript, reply, transfer, resolve, live events. */
export function agentWorkspaceRoutes ({ handoff, database, store }: WorkspaceDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(FastifySSEPlugin, { retryDelay: 2000 })

    app.get('/v1/agent/queue', {
      config,
      schema: { tags, security, summary: 'Waiting and held conversations: emergency > high > normal, then longest waiting', response: { 200: z.object({ conversations: z.array(queueEntrySchema) }), ...agentErrors } }
    }, async (request) => ({ conversations: await handoff.queue.list(signedInAgent(request)) }))

    app.get('/v1/agent/agents', {
      config,
      schema: { tags, security, summary: 'Colleagues of the same clinic (to transfer a conversation to)', response: { 200: z.object({ agents: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) }), ...agentErrors } }
    }, async (request) => ({ agents: (await handoff.accounts.list(signedInAgent(request).clinicId)).map(({ id, name, role }) => ({ id, name, role })) }))

    app.post('/v1/agent/queue/claim', {
      config,
      schema: { tags, security, summary: 'Claim the most urgent waiting conversation (404 when none waits)', response: { 200: queueEntrySchema, ...agentErrors } }
    }, async (request) => {
      const agent = signedInAgent(request)
      return handoff.queue.entry(agent, (await handoff.claims.claimNext(agent, { ip: request.ip })).id)
    })

    app.post('/v1/agent/conversations/:id/claim', {
      config,
      schema: { tags, security, summary: 'Claim this conversation; 409 ALREADY_CLAIMED when another agent holds it', params: agentConversationParamsSchema, response: { 200: queueEntrySchema, ...agentErrors } }
    }, async (request) => {
      const agent = signedInAgent(request)
      return handoff.queue.entry(agent, (await handoff.claims.claim(agent, request.params.id, { ip: request.ip })).id)
    })

    app.get('/v1/agent/conversations/:id', {
      config,
      schema: { tags, security, summary: 'The whole transcript (patient, bot and agent messages) and the triage summary', params: agentConversationParamsSchema, response: { 200: transcriptSchema, ...agentErrors } }
    }, async (request) => handoff.queue.transcript(signedInAgent(request), request.params.id, { ip: request.ip }))

    app.post('/v1/agent/conversations/:id/messages', {
      config,
      schema: {
        tags,
        security,
        summary: 'Reply to the patient (only the holder; a phraseId records the quick reply\'s use)',
        params: agentConversationParamsSchema,
        body: agentMessageBodySchema,
        response: { 201: z.object({ message: feedMessageSchema }), 200: z.object({ message: feedMessageSchema }), ...agentErrors }
      }
    }, async (request, reply) => {
      const sent = await handoff.messages.send(signedInAgent(request), request.params.id, request.body)
      return reply.status(sent.repeated ? 200 : 201).send({ message: sent.message })
    })

    app.post('/v1/agent/conversations/:id/transfer', {
      config,
      schema: { tags, security, summary: 'Transfer to another agent of the clinic, or back to the queue', params: agentConversationParamsSchema, body: transferBodySchema, response: { 200: handoffStateSchema, ...agentErrors } }
    }, async (request) => toHandoffState(await handoff.claims.transfer(signedInAgent(request), request.params.id, request.body, { ip: request.ip })))

    app.post('/v1/agent/conversations/:id/resolve', {
      config,
      schema: { tags, security, summary: 'End the handoff with an optional note; the bot answers again', params: agentConversationParamsSchema, body: resolveBodySchema.optional(), response: { 200: handoffStateSchema, ...agentErrors } }
    }, async (request) => toHandoffState(await handoff.claims.resolve(signedInAgent(request), request.params.id, request.body ?? {}, { ip: request.ip })))

    app.get('/v1/agent/events', {
      config,
      schema: { tags, security, summary: 'Server-Sent Events: queue changes, messages of your conversations, emergency alerts', response: { ...agentErrors } }
    }, async (request, reply) => {
      requireEventStreamAccept(request)
      const aborted = new AbortController()
      request.raw.on('close', () => aborted.abort())
      reply.sse(agentEventStream({ database, store, events: handoff.events, agent: signedInAgent(request), heartbeatMs: HEARTBEAT_MS, signal: aborted.signal }))
    })
  }
}

function toHandoffState (conversation: HandoffConversation) {
  return { id: conversation.id, status: conversation.status, priority: conversation.handoffPriority, assignedTo: conversation.assignedTo }
}
