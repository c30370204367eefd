import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { ReminderService } from '../../reminders/reminder-service.ts'
import { errorResponseSchema } from '../schemas/error.ts'
import { PATIENT_TOKEN } from '../access/route-access.ts'
import { conversationParamsSchema } from '../schemas/conversation.ts'
import { reminderListResponseSchema, reminderParamsSchema, reminderResponseSchema } from '../schemas/reminders.ts'

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema, 503: errorResponseSchema }

/** The patient's reminders (api.md "Medication reminders"), with the conversation token. */
export function reminderRoutes (reminders: ReminderService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/v1/conversations/:id/reminders', {
      config: { access: PATIENT_TOKEN },
      schema: { tags: ['reminders'], summary: 'List this conversation\'s reminders', security: [{ conversationToken: [] }], params: conversationParamsSchema, response: { 200: reminderListResponseSchema, ...errors } }
    }, async (request) => reminders.list({ conversationId: request.params.id, token: bearerToken(request.headers.authorization) }))

    app.delete('/v1/conversations/:id/reminders/:reminderId', {
      config: { access: PATIENT_TOKEN },
      schema: { tags: ['reminders'], summary: 'Stop one reminder', security: [{ conversationToken: [] }], params: reminderParamsSchema, response: { 200: reminderResponseSchema, ...errors } }
    }, async (request) => reminders.cancel({ conversationId: request.params.id, reminderId: request.params.reminderId, token: bearerToken(request.headers.authorization) }))
  }
}

function bearerToken (header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '')
  return match?.[1] ?? null
}
