import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { CorpusContext } from '../../knowledge/corpus-context.ts'
import { recordQuickReplyUse, searchQuickReplies } from '../../knowledge/quick-replies.ts'
import { quickReplyUsageReport } from '../../knowledge/usage-report.ts'
import { adminApiKeyHook } from '../plugins/admin-auth.ts'
import { errorResponses, idParamsSchema, quickReplyQuerySchema, quickReplySchema, quickReplyUseSchema, usageReportQuerySchema } from '../schemas/corpus.ts'

const security = [{ adminApiKey: [] }]
const tags = ['agents: quick replies']

/**
 * Quick replies for human agents: approved phrases only. Guarded by the admin API key until agent
 * sign-in exists; then this plugin takes the agent hook instead.
 */
export function quickReplyRoutes (corpus: CorpusContext, adminApiKey: string | undefined): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', adminApiKeyHook(adminApiKey))

    app.get('/', {
      schema: { tags, security, summary: 'Search approved phrases by words, prefix or /shortcut; ranked by relevance, then usage', querystring: quickReplyQuerySchema, response: { 200: z.object({ quickReplies: z.array(quickReplySchema) }), ...errorResponses } }
    }, async (request) => {
      const { q, ...filters } = request.query
      return { quickReplies: await searchQuickReplies(corpus.db, { ...filters, query: q, now: corpus.clock.now() }) }
    })

    app.post('/:id/uses', {
      schema: { tags, security, summary: 'Record that an agent used a phrase (counted per phrase, agent and day)', params: idParamsSchema, body: quickReplyUseSchema, response: { 204: z.null(), ...errorResponses } }
    }, async (request, reply) => {
      await recordQuickReplyUse(corpus.db, { ...request.body, phraseId: request.params.id, at: corpus.clock.now() })
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
            byDepartment: z.array(z.object({ department: z.string().nullable(), uses: z.number() }))
          }),
          ...errorResponses
        }
      }
    }, async (request) => quickReplyUsageReport(corpus.db, request.query))
  }
}
