import { z } from 'zod'

export const reminderParamsSchema = z.object({ id: z.string().min(1).max(64), reminderId: z.uuid({ error: 'reminderId must be a reminder id (a UUID)' }) })

const reminderSchema = z.object({
  id: z.string(),
  kind: z.enum(['medication', 'check_in']),
  label: z.string(),
  schedule: z.object({
    frequency: z.enum(['daily', 'weekdays', 'weekly', 'interval']),
    times: z.array(z.string()),
    everyHours: z.number().optional(),
    weekday: z.number().optional(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    description: z.string()
  }),
  timezone: z.string(),
  channel: z.string(),
  status: z.enum(['active', 'paused', 'stopped']),
  nextAt: z.string().nullable()
}).describe('Reminder')

export const reminderListResponseSchema = z.object({ reminders: z.array(reminderSchema) })
export const reminderResponseSchema = z.object({ reminder: reminderSchema })

export const adherenceQuerySchema = z.object({
  clinicId: z.string().min(1).default('default'),
  weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'weekStart must be a date, YYYY-MM-DD').optional()
})
