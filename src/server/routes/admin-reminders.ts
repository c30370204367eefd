import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { ReminderService } from '../../reminders/reminder-service.ts'
import { staffRoute } from '../access/route-access.ts'
import { STAFF_SECURITY } from '../plugins/openapi.ts'
import { errorResponseSchema } from '../schemas/error.ts'
import { adherenceParamsSchema, adherenceQuerySchema, adherenceSummarySchema, reminderListResponseSchema, staffReminderParamsSchema } from '../schemas/reminders.ts'

const security = STAFF_SECURITY

/** Clinic staff: the weekly adherence summary (supervisors), and a conversation's reminders (any agent of the clinic). */
export function adminReminderRoutes (options: { reminders: ReminderService }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/v1/admin/clinics/:clinicId/reminders/adherence', {
      config: { access: staffRoute('supervisor', { clinic: 'path' }) },
      schema: {
        tags: ['admin: reminders'],
        summary: 'Weekly adherence summary (Monday to Sunday, clinic time)',
        security,
        params: adherenceParamsSchema,
        querystring: adherenceQuerySchema,
        response: { 200: adherenceSummarySchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema }
      }
    }, async (request) => options.reminders.weeklySummary({ clinicId: request.params.clinicId, weekStart: request.query.weekStart }))

    app.get('/v1/admin/clinics/:clinicId/conversations/:conversationId/reminders', {
      config: { access: staffRoute('agent', { clinic: 'path' }) },
      schema: {
        tags: ['admin: reminders'],
        summary: 'A conversation\'s reminders, for staff and the agent console',
        security,
        params: staffReminderParamsSchema,
        response: { 200: reminderListResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema }
      }
    }, async (request) => options.reminders.listForStaff({ clinicId: request.params.clinicId, conversationId: request.params.conversationId }))
  }
}
