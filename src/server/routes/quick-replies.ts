import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { CorpusContext } from '../../knowledge/corpus-context.ts'
import { recordQuickReplyUse, searchQuickReplies } from '../../knowledge/quick-replies.ts'
import { quickReplyUsageReport } from '../../knowledge/usage-report.ts'
import type { FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'
import { staffRoute } from '../access/route-access.ts'
import { errorResponses, idParamsSchema, quickReplyQuerySchema, quickReplySchema, quickReplyUseSchema, usageReportQuerySchema } from '../schemas/corpus.ts'

const security: Array<Record<string, string[]>> = [{ agentSession: [] }, { adminApiKey: [] }]
const tags = ['agents: quick replies']

/**
 * Quick replies for human agents: approved phrases only. A signed-in agent (bearer token or the
 * console's cookie) works in its own clinic: clinicId and agentId come from the session (a
 * different clinicId is refused). With an admin API key instead, both must be given (a clinic's
 * key defaults to its clinic and may name no other).
 */
export function quickReplyRoutes (corpus: CorpusContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/', {
      config: { access: staffRoute('agent', { clinic: 'own' }) },
      schema: { tags, security, summary: 'Search approved phrases by words, prefix or /shortcut; ranked by relevance, then usage', querystring: quickReplyQuerySchema, response: { 200: z.object({ quickReplies: z.array(quickReplySchema) }), ...errorResponses } }
    }, async (request) => {
      const { q, ...filters } = request.query
      return { quickReplies: await searchQuickReplies(corpus.db, { ...filters, clinicId: clinicOf(request, filters.clinicId), query: q, now: corpus.clock.now() }) }
    })

    app.post('/:id/uses', {
      config: { access: staffRoute('agent', { clinic: 'own' }) },
      schema: { tags, security, summary: 'Record that an agent used a phrase (counted per phrase, agent and day)', params: idParamsSchema, body: quickReplyUseSchema, response: { 204: z.null(), ...errorResponses } }
    }, async (request, reply) => {
      const agentId = request.agent?.id ?? request.body.agentId
      if (!agentId) throw new AppError('VALIDATION_FAILED', 'body.agentId: name the agent (required with the admin API key)')
      await recordQuickReplyUse(corpus.db, { clinicId: clinicOf(request, request.body.clinicId), agentId, phraseId: request.params.id, at: corpus.clock.now() })
      return reply.status(204).send(null)
    })

    app.get('/usage-report', {
      config: { access: staffRoute('supervisor', { clinic: 'own' }) },
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
      return quickReplyUsageReport(corpus.db, { ...request.query, clinicId: clinicOf(request, request.query.clinicId) })
    })
  }
}

/** The clinic a request works in: the credential's own, or for a key of every clinic the one it names. */
function clinicOf (request: FastifyRequest, given: string | undefined): string {
  const own = request.principal?.clinicId ?? null
  if (own !== null) {
    if (given !== undefined && given !== own) throw new AppError('FORBIDDEN', `credentials of clinic ${own} work only in that clinic`)
    return own
  }
  if (!given) throw new AppError('VALIDATION_FAILED', 'clinicId: required with a key of every clinic')
  return given
}
