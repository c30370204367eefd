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

export const adherenceParamsSchema = z.object({ clinicId: z.string().min(1).max(64) })
export const staffReminderParamsSchema = z.object({ clinicId: z.string().min(1).max(64), conversationId: z.string().min(1).max(64) })
export const adherenceQuerySchema = z.object({ weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'weekStart must be a date, YYYY-MM-DD (any day of the week)').optional() })

const count = z.number().int()
export const adherenceSummarySchema = z.object({
  clinicId: z.string(),
  timezone: z.string(),
  weekStart: z.string(),
  weekEnd: z.string(),
  reminders: z.array(z.object({
    reminderId: z.string(),
    conversationId: z.string(),
    kind: z.enum(['medication', 'check_in']),
    label: z.string(),
    status: z.string(),
    sent: count,
    taken: count,
    skipped: count,
    snoozed: count,
    stopped: count,
    answered: count,
    noAnswer: count,
    expired: count
  })),
  totals: z.object({ sent: count, taken: count, skipped: count, noAnswer: count, expired: count, takenRate: z.number().nullable() }),
  checkIns: z.array(z.object({ metric: z.string(), readings: count, urgent: count, emergency: count }))
}).describe('AdherenceSummary')
