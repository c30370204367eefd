import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { AppError } from '../../errors.ts'
import type { WidgetSettingsStore } from '../../clinics/widget-settings-store.ts'
import { widgetSettingsSchema } from '../../clinics/widget-settings.ts'
import { staffRoute } from '../access/route-access.ts'
import { auditedBy } from '../access/staff-principal.ts'
import { errorResponseSchema } from '../schemas/error.ts'
import { STAFF_SECURITY } from '../plugins/openapi.ts'
import { clinicParamsSchema } from '../schemas/appointments.ts'

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema }
const common = { tags: ['admin: widget'], security: STAFF_SECURITY, params: clinicParamsSchema }

/** Clinic staff set the widget's colour, logo, greeting, title and allowed origins (supervisors read, admins change). */
export function adminWidgetRoutes (options: { settings: WidgetSettingsStore }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/v1/admin/clinics/:clinicId/widget', {
      config: { access: staffRoute('supervisor', { clinic: 'path' }) },
      schema: { ...common, summary: 'The clinic\'s widget settings', response: { 200: widgetSettingsSchema, ...errors } }
    }, async (request) => {
      return (await options.settings.find(request.params.clinicId)) ?? notFound(request.params.clinicId)
    })

    app.put('/v1/admin/clinics/:clinicId/widget', {
      config: { access: staffRoute('admin', { clinic: 'path' }) },
      schema: { ...common, summary: 'Change widget settings (fields left out keep their value)', body: widgetSettingsSchema.partial(), response: { 200: widgetSettingsSchema, ...errors } }
    }, async (request) => {
      const current = (await options.settings.find(request.params.clinicId)) ?? notFound(request.params.clinicId)
      return (await options.settings.save(request.params.clinicId, { ...current, ...request.body }, auditedBy(request))) ?? notFound(request.params.clinicId)
    })
  }
}

function notFound (clinicId: string): never {
  throw new AppError('NOT_FOUND', `clinic ${clinicId} does not exist`)
}
