import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { staffRoute } from '../server/access/route-access.ts'
import { errorResponseSchema } from '../server/schemas/error.ts'
import type { JobQueue } from './job-queue.ts'

const jobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  idempotencyKey: z.string(),
  status: z.enum(['queued', 'running', 'done', 'dead', 'cancelled']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  runAt: z.string(),
  updatedAt: z.string()
})

/** GET /v1/admin/delivery/jobs?status=dead: what the queue holds, with each failure's reason (no payloads). */
export function deliveryAdminRoutes (jobs: JobQueue): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/v1/admin/delivery/jobs', {
      // The queue serves every clinic: platform operators only.
      config: { access: staffRoute('supervisor', { clinic: 'platform', via: ['api-key'] }) },
      schema: {
        tags: ['admin: delivery'],
        summary: 'Outbound jobs and dead letters',
        security: [{ adminApiKey: [] }],
        querystring: z.object({ status: z.enum(['queued', 'running', 'done', 'dead', 'cancelled']).default('dead'), kind: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ jobs: z.array(jobSchema) }), 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema }
      }
    }, async (request) => {
      const listed = await jobs.list({ status: request.query.status, limit: request.query.limit, ...(request.query.kind ? { kind: request.query.kind } : {}) })
      return {
        jobs: listed.map((job) => ({ id: job.id, kind: job.kind, idempotencyKey: job.idempotencyKey, status: job.status, attempts: job.attempt, lastError: job.lastError, runAt: job.runAt.toISOString(), updatedAt: job.updatedAt.toISOString() }))
      }
    })
  }
}
