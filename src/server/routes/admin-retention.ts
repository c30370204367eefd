import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { AppError } from '../../errors.ts'
import type { AuditTrail } from '../../privacy/audit-trail.ts'
import { retentionSettingsSchema, type RetentionSettingsStore } from '../../privacy/retention-settings.ts'
import { staffRoute } from '../access/route-access.ts'
import { auditedBy } from '../access/staff-principal.ts'
import { STAFF_SECURITY } from '../plugins/openapi.ts'
import { clinicParamsSchema } from '../schemas/appointments.ts'
import { errorResponseSchema } from '../schemas/error.ts'
import { retentionSettingsBodySchema, retentionSettingsResponseSchema } from '../schemas/patient-data.ts'

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema }
const common = { tags: ['admin: retention'], security: STAFF_SECURITY, params: clinicParamsSchema }

/** Clinic staff set how long conversations and their anonymous counts are kept (supervisors read, admins change). */
export function adminRetentionRoutes (options: { settings: RetentionSettingsStore, audit: AuditTrail }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/v1/admin/clinics/:clinicId/retention', {
      config: { access: staffRoute('supervisor', { clinic: 'path' }) },
      schema: { ...common, summary: 'The clinic\'s retention (defaults filled in)', response: { 200: retentionSettingsResponseSchema, ...errors } }
    }, async (request) => (await options.settings.find(request.params.clinicId)) ?? notFound(request.params.clinicId))

    app.put('/v1/admin/clinics/:clinicId/retention', {
      config: { access: staffRoute('admin', { clinic: 'path' }) },
      schema: { ...common, summary: 'Change retention (fields left out keep their value; countsDays >= conversationDays)', body: retentionSettingsBodySchema, response: { 200: retentionSettingsResponseSchema, ...errors } }
    }, async (request) => {
      const { clinicId } = request.params
      const current = (await options.settings.find(clinicId)) ?? notFound(clinicId)
      const merged = retentionSettingsSchema.safeParse({ ...current, ...request.body })
      if (!merged.success) {
        const issue = merged.error.issues[0]!
        throw new AppError('VALIDATION_FAILED', `body.${issue.path.join('.')}: ${issue.message}`)
      }
      const saved = (await options.settings.save(clinicId, merged.data)) ?? notFound(clinicId)
      const { actor, ip } = auditedBy(request)
      await options.audit.record({
        clinicId,
        actor,
        action: 'settings.retention_changed',
        subject: { kind: 'settings', id: 'retention' },
        ip,
        detail: { before: current, after: saved }
      })
      return saved
    })
  }
}

function notFound (clinicId: string): never {
  throw new AppError('NOT_FOUND', `clinic ${clinicId} does not exist`)
}
