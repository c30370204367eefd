import type { Queryable } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { WeeklySchedule } from './appointment-types.ts'
import { createClinicDirectoryStore } from './clinic-directory-store.ts'
import { createScheduleStore, type NewSlot } from './schedule-store.ts'
import { addLocalDays, isoWeekdayOf, localTimeToInstant, parseLocalDate, parseLocalTime } from './zoned-time.ts'

export const MAX_GENERATION_DAYS = 366
const INSERT_BATCH = 1000

export type GenerateSlotsOptions = {
  db: Queryable
  clinicId: string
  /** First local date, `YYYY-MM-DD`, in the clinic's time zone. */
  from: string
  /** Last local date, inclusive. */
  to: string
}

export type GenerateSlotsResult = { created: number, timeZone: string, days: number }

/**
 * Expands the clinic's weekly schedules into slots for every local date in [from, to].
 * Idempotent: a slot with the same owner and start is never inserted twice.
 */
export async function generateSlots ({ db, clinicId, from, to }: GenerateSlotsOptions): Promise<GenerateSlotsResult> {
  const timeZone = await createClinicDirectoryStore(db).getTimeZone(clinicId)
  if (!timeZone) throw new AppError('NOT_FOUND', `No clinic ${clinicId}`)
  const dates = localDatesBetween(from, to)
  const scheduleStore = createScheduleStore(db)
  const schedules = await scheduleStore.listSchedules(clinicId)
  const slots = dates.flatMap((date) => schedules
    .filter((schedule) => schedule.weekday === isoWeekdayOf(date))
    .flatMap((schedule) => expandSchedule(schedule, date, timeZone)))
  let created = 0
  for (let start = 0; start < slots.length; start += INSERT_BATCH) {
    created += await scheduleStore.insertSlots(clinicId, slots.slice(start, start + INSERT_BATCH))
  }
  return { created, timeZone, days: dates.length }
}

/**
 * The slots one weekly schedule yields on one local date. Each slot starts at a local wall-clock
 * time and lasts slotMinutes of real time; a start the clock skips (DST gap) yields no slot, and a
 * start the clock reads twice (DST end) takes the first.
 */
export function expandSchedule (schedule: WeeklySchedule, date: string, timeZone: string): NewSlot[] {
  const startMinute = parseLocalTime(schedule.startTime)
  const endMinute = parseLocalTime(schedule.endTime)
  if (startMinute === null || endMinute === null) return []
  const slots: NewSlot[] = []
  for (let minute = startMinute; minute + schedule.slotMinutes <= endMinute; minute += schedule.slotMinutes) {
    const start = localTimeToInstant({ date, time: formatMinute(minute) }, timeZone)
    if (!start) continue
    slots.push({
      department: schedule.department,
      doctorId: schedule.doctorId,
      start,
      end: new Date(start.getTime() + schedule.slotMinutes * 60_000),
      scheduleId: schedule.id
    })
  }
  return slots
}

function localDatesBetween (from: string, to: string): string[] {
  if (!parseLocalDate(from)) throw new AppError('VALIDATION_FAILED', 'from must be a date YYYY-MM-DD')
  if (!parseLocalDate(to)) throw new AppError('VALIDATION_FAILED', 'to must be a date YYYY-MM-DD')
  const dates: string[] = []
  for (let date = from; date <= to; date = addLocalDays(date, 1)) {
    if (dates.length >= MAX_GENERATION_DAYS) throw new AppError('VALIDATION_FAILED', `at most ${MAX_GENERATION_DAYS} days at a time`)
    dates.push(date)
  }
  if (dates.length === 0) throw new AppError('VALIDATION_FAILED', 'to must not be before from')
  return dates
}

function formatMinute (minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
}
