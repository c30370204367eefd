import { DateTime } from 'luxon'
import { z } from 'zod'

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/**
 * When a reminder goes out, in the clinic's local time. `daily` and `weekdays` fire at each of
 * `times` on every day (Monday to Friday for weekdays), `weekly` on `weekday` (1 = Monday) at
 * `times`; `interval` every `everyHours` hours of elapsed time from `times[0]` on `startDate`.
 * `endDate` is the last local day (inclusive), or null for no end.
 */
export const reminderScheduleSchema = z.object({
  frequency: z.enum(['daily', 'weekdays', 'weekly', 'interval']),
  times: z.array(localTime).min(1).max(12),
  everyHours: z.number().int().min(1).max(24).optional(),
  weekday: z.number().int().min(1).max(7).optional(),
  startDate: localDate,
  endDate: localDate.nullable()
})

export type ReminderSchedule = z.infer<typeof reminderScheduleSchema>

const SEARCH_DAYS = 8

/**
 * The first occurrence strictly after `after`, or null when the schedule has ended. Local times
 * are read in `timeZone` by Luxon: a time skipped by a daylight-saving change moves forward by the
 * change (01:30 on the spring-forward night in London goes out at 02:30 BST), a time that happens
 * twice goes out once.
 */
export function nextOccurrence (schedule: ReminderSchedule, timeZone: string, after: Date): Date | null {
  if (schedule.frequency === 'interval') return nextIntervalOccurrence(schedule, timeZone, after)
  const afterLocal = DateTime.fromJSDate(after, { zone: timeZone })
  const start = DateTime.fromISO(schedule.startDate, { zone: timeZone })
  let day = (afterLocal.startOf('day') < start ? start : afterLocal.startOf('day')).minus({ days: 1 })
  const times = [...schedule.times].sort()
  for (let step = 0; step <= SEARCH_DAYS; step++, day = day.plus({ days: 1 })) {
    const date = day.toISODate()!
    if (schedule.endDate !== null && date > schedule.endDate) return null
    if (date < schedule.startDate || !firesOn(schedule, day.weekday)) continue
    for (const time of times) {
      const instant = DateTime.fromISO(`${date}T${time}`, { zone: timeZone })
      if (instant.toMillis() > after.getTime()) return instant.toJSDate()
    }
  }
  return null
}

function firesOn (schedule: ReminderSchedule, weekday: number): boolean {
  if (schedule.frequency === 'weekdays') return weekday <= 5
  if (schedule.frequency === 'weekly') return weekday === (schedule.weekday ?? 1)
  return true
}

function nextIntervalOccurrence (schedule: ReminderSchedule, timeZone: string, after: Date): Date | null {
  const first = DateTime.fromISO(`${schedule.startDate}T${schedule.times[0]}`, { zone: timeZone }).toMillis()
  const period = (schedule.everyHours ?? 24) * 3_600_000
  const steps = after.getTime() < first ? 0 : Math.floor((after.getTime() - first) / period) + 1
  const next = DateTime.fromMillis(first + steps * period, { zone: timeZone })
  if (schedule.endDate !== null && next.toISODate()! > schedule.endDate) return null
  return next.toJSDate()
}

/** The local wall-clock time of an instant, `HH:MM`. */
export function localClockTime (instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat('HH:mm')
}

/** Today's local date in the zone, plus whole days, `YYYY-MM-DD`. */
export function localDatePlus (instant: Date, timeZone: string, days: number): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).plus({ days }).toISODate()!
}

/** Whether a local `HH:MM` falls in quiet hours `[start, end)`, which may run over midnight. */
export function inQuietHours (time: string, quiet: { start: string, end: string } | null): boolean {
  if (!quiet || quiet.start === quiet.end) return false
  return quiet.start < quiet.end ? time >= quiet.start && time < quiet.end : time >= quiet.start || time < quiet.end
}

/** The first instant at or after `instant` outside quiet hours (the end of the quiet window). */
export function afterQuietHours (instant: Date, timeZone: string, quiet: { start: string, end: string } | null): Date {
  const local = DateTime.fromJSDate(instant, { zone: timeZone })
  if (!quiet || !inQuietHours(local.toFormat('HH:mm'), quiet)) return instant
  const [hour, minute] = quiet.end.split(':').map(Number) as [number, number]
  let end = local.set({ hour, minute, second: 0, millisecond: 0 })
  if (end <= local) end = end.plus({ days: 1 })
  return end.toJSDate()
}
