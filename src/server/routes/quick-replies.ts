import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { CorpusContext } from '../../knowledge/corpus-context.ts'
import { recordQuickReplyUse, searchQuickReplies } from '../../knowledge/quick-replies.ts'
import { quickReplyUsageReport } from '../../knowledge/usage-report.ts'
import type { FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'
import type { AgentAccounts } from '../../handoff/agent-accounts.ts'
import { adminApiKeyHook } from '../plugins/admin-auth.ts'
import { agentSessionHook } from '../plugins/agent-session.ts'
import { errorResponses, idParamsSchema, quickReplyQuerySchema, quickReplySchema, quickReplyUseSchema, usageReportQuerySchema } from '../schemas/corpus.ts'

const security: Array<Record<string, string[]>> = [{ agentSession: [] }, { adminApiKey: [] }]
const tags = ['agents: quick replies']

/**
 * Quick replies for human agents: approved phrases only. A signed-in agent (bearer token or the
 * console's cookie) works in its own clinic: clinicId and agentId come from the session (a
 * different clinicId is refused). With the admin API key instead, both must be given.
 */
export function quickReplyRoutes (corpus: CorpusContext, adminApiKey: string | undefined, accounts: AgentAccounts): FastifyPluginAsyncZod {
  const adminKey = adminApiKeyHook(adminApiKey)
  const agentSession = agentSessionHook(accounts)
  return async (app) => {
    app.addHook('onRequest', async (request) => {
      if (request.headers['x-api-key'] !== undefined) return adminKey(request)
      await agentSession(request)
    })

    app.get('/', {
      schema: { tags, security, summary: 'Search approved phrases by words, prefix or /shortcut; ranked by relevance, then usage', querystring: quickReplyQuerySchema, response: { 200: z.object({ quickReplies: z.array(quickReplySchema) }), ...errorResponses } }
    }, async (request) => {
      const { q, ...filters } = request.query
      return { quickReplies: await searchQuickReplies(corpus.db, { ...filters, clinicId: clinicOf(request, filters.clinicId), query: q, now: corpus.clock.now() }) }
    })

    app.post('/:id/uses', {
      schema: { tags, security, summary: 'Record that an agent used a phrase (counted per phrase, agent and day)', params: idParamsSchema, body: quickReplyUseSchema, response: { 204: z.null(), ...errorResponses } }
    }, async (request, reply) => {
      const agentId = request.agent?.id ?? request.body.agentId
      if (!agentId) throw new AppError('VALIDATION_FAILED', 'body.agentId: name the agent (required with the admin API key)')
      await recordQuickReplyUse(corpus.db, { clinicId: clinicOf(request, request.body.clinicId), agentId, phraseId: request.params.id, at: corpus.clock.now() })
      return reply.status(204).send(null)
    })

    app.get('/usage-report', {
      schema: {
        tags,
        security,
        summary: 'Top and never-used phrases, uses by category and department',
        querystring: usageReportQuerySchema,
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            top: z.array(z.object({ phraseId: z.string(), group: z.string(), locale: z.string(), title: z.string(), uses: z.number() })),
            neverUsed: z.array(z.object({ phraseId: z.string(), group: z.string(), locale: z.string(), title: z.string() })),
            byCategory: z.array(z.object({ category: z.string(), uses: z.number() })),
            byDepartment: z.array(z.object({ department: z.string().nullable(), uses: z.number() })),
            byAgent: z.array(z.object({ agentId: z.string(), name: z.string().nullable(), uses: z.number() }))
          }),
          ...errorResponses
        }
      }
    }, async (request) => {
      if (request.agent && request.agent.role === 'agent') throw new AppError('FORBIDDEN', 'the usage report is for supervisors and admins')
      return quickReplyUsageReport(corpus.db, { ...request.query, clinicId: clinicOf(request, request.query.clinicId) })
    })
  }
}

/** The clinic a request works in: the signed-in agent's own, or the one the admin key names. */
function clinicOf (request: FastifyRequest, given: string | undefined): string {
  const agent = request.agent
  if (agent) {
    if (given !== undefined && given !== agent.clinicId) throw new AppError('FORBIDDEN', 'agents work only in their own clinic')
    return agent.clinicId
  }
  if (!given) throw new AppError('VALIDATION_FAILED', 'clinicId: required with the admin API key')
  return given
}
