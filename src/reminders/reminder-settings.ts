import { z } from 'zod'
import type { ClinicProfile } from '../clinics/clinic-directory.ts'

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

const thresholdSchema = z.object({
  /** systolic / diastolic (mmHg) for blood pressure, value (mmol/L) for glucose. */
  field: z.enum(['systolic', 'diastolic', 'value']),
  op: z.enum(['>=', '<=']),
  value: z.number(),
  level: z.enum(['urgent', 'emergency'])
})

const checkInSchema = z.object({
  id: z.string().min(1),
  metric: z.enum(['blood_pressure', 'glucose']),
  /** ISO weekday, 1 = Monday. */
  weekday: z.number().int().min(1).max(7).default(1),
  time: clock.default('09:00'),
  thresholds: z.array(thresholdSchema).min(1)
})

/** A clinic's reminder settings: `settings.reminders` in the clinics table (corpus/clinic.json for the sample). */
export const reminderSettingsSchema = z.object({
  /** Nothing is sent between start and end, local time; null for no quiet hours. */
  quietHours: z.object({ start: clock, end: clock }).nullable().default({ start: '22:30', end: '07:00' }),
  /** An occurrence found later than this (the service was down) is recorded as expired, not sent. */
  lateLimitMinutes: z.number().int().min(1).max(1440).default(120),
  checkIns: z.array(checkInSchema).default([])
})

export type ReminderSettings = z.infer<typeof reminderSettingsSchema>
export type CheckInSetting = z.infer<typeof checkInSchema>
export type CheckInThreshold = z.infer<typeof thresholdSchema>

/** The clinic's reminder settings with defaults; a malformed block falls back to the defaults. */
export function reminderSettingsOf (clinic: Pick<ClinicProfile, 'settings'>): ReminderSettings {
  const raw = (clinic.settings as Record<string, unknown>).reminders ?? {}
  const parsed = reminderSettingsSchema.safeParse(raw)
  return parsed.success ? parsed.data : reminderSettingsSchema.parse({})
}
