import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { auditEventsToCsv } from '../../privacy/audit-csv.ts'
import type { AuditEvent, AuditTrail } from '../../privacy/audit-trail.ts'
import { staffRoute } from '../access/route-access.ts'
import { auditedBy } from '../access/staff-principal.ts'
import { STAFF_SECURITY } from '../plugins/openapi.ts'
import { clinicParamsSchema } from '../schemas/agent.ts'
import { auditPageSchema, auditQuerySchema } from '../schemas/audit.ts'
import { errorResponseSchema } from '../schemas/error.ts'

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema }

/** The clinic's audit trail for its supervisors and admins (agents or keys of that clinic), as JSON pages or CSV. */
export function auditRoutes (audit: AuditTrail): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/v1/admin/clinics/:clinicId/audit', {
      config: { access: staffRoute('supervisor', { clinic: 'path' }) },
      schema: {
        tags: ['admin: audit'],
        security: STAFF_SECURITY,
        summary: 'Who did what, when and from where: newest first, filtered, paged with ?before=; ?format=csv (or Accept: text/csv) for a spreadsheet',
        params: clinicParamsSchema,
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errors }
      }
    }, async (request, reply) => {
      const { format, limit, ...filter } = request.query
      const csv = format === 'csv' || (format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ''))
      const pageSize = limit ?? (csv ? 1000 : 100)
      const events = await audit.list({ ...filter, clinicId: request.params.clinicId, limit: pageSize })
      const nextBefore = events.length === pageSize ? events.at(-1)!.id : null
      if (nextBefore) reply.header('x-next-before', nextBefore)
      if (!csv) return { events: events.map(toJson), nextBefore }
      // Taking the trail out of the service is itself recorded.
      await audit.record({ clinicId: request.params.clinicId, ...auditedBy(request), action: 'audit.exported', subject: { kind: 'audit' }, detail: { rows: events.length, query: request.query } })
      const file = `audit-${request.params.clinicId.replace(/[^A-Za-z0-9_-]/g, '_')}-${new Date().toISOString().slice(0, 10)}.csv`
      // Text is sent as it is: the response schema describes the JSON form only.
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(auditEventsToCsv(events) as never)
    })
  }
}

function toJson (event: AuditEvent) {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actor: { kind: event.actor.kind, id: event.actor.id ?? null },
    action: event.action,
    subject: event.subject,
    ip: event.ip,
    detail: event.detail
  }
}
