import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { HealthReporter } from '../../health/health-report.ts'
import { publicRoute } from '../access/route-access.ts'

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  db: z.object({ engine: z.enum(['pglite', 'postgres']), reachable: z.boolean(), vector: z.boolean() }),
  retrieval: z.object({ mode: z.enum(['hybrid', 'lexical']) }),
  models: z.object({ understanding: z.string(), embeddings: z.string() }),
  channels: z.record(z.string(), z.boolean()),
  delivery: z.object({ pending: z.number(), dead: z.number() }).optional(),
  version: z.string(),
  uptimeSeconds: z.number()
})

export function healthRoutes (reporter: HealthReporter): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/health', {
      schema: {
        tags: ['operations'],
        summary: 'Liveness and database status',
        response: { 200: healthSchema, 503: healthSchema }
      },
      config: { rateLimit: false, access: publicRoute('liveness probes and load balancers; tells nothing about patients') }
    }, async (_request, reply) => {
      const report = await reporter.report()
      return reply.status(report.status === 'ok' ? 200 : 503).send(report)
    })
  }
}
