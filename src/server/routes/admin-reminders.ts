import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { ReminderService } from '../../reminders/reminder-service.ts'
import { adminApiKeyHook } from '../plugins/admin-auth.ts'
import { errorResponseSchema } from '../schemas/error.ts'
import { adherenceParamsSchema, adherenceQuerySchema, adherenceSummarySchema, reminderListResponseSchema, staffReminderParamsSchema } from '../schemas/reminders.ts'

/** Clinic staff: the weekly adherence summary, and a conversation's reminders (x-api-key). */
export function adminReminderRoutes (options: { reminders: ReminderService, adminApiKey: string | undefined }): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', adminApiKeyHook(options.adminApiKey))
    app.get('/v1/admin/clinics/:clinicId/reminders/adherence', {
      schema: {
        tags: ['admin: reminders'],
        summary: 'Weekly adherence summary (Monday to Sunday, clinic time)',
        security: [{ adminApiKey: [] }],
        params: adherenceParamsSchema,
        querystring: adherenceQuerySchema,
        response: { 200: adherenceSummarySchema, 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema }
      }
    }, async (request) => options.reminders.weeklySummary({ clinicId: request.params.clinicId, weekStart: request.query.weekStart }))

    app.get('/v1/admin/clinics/:clinicId/conversations/:conversationId/reminders', {
      schema: {
        tags: ['admin: reminders'],
        summary: 'A conversation\'s reminders, for staff and the agent console',
        security: [{ adminApiKey: [] }],
        params: staffReminderParamsSchema,
        response: { 200: reminderListResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema }
      }
    }, async (request) => options.reminders.listForStaff({ clinicId: request.params.clinicId, conversationId: request.params.conversationId }))
  }
}
