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
  const instantAt = memoizedInstants(timeZone)
  const planned = dates.flatMap((date) => schedules
    .filter((schedule) => schedule.weekday === isoWeekdayOf(date))
    .flatMap((schedule) => expandSchedule(schedule, date, instantAt)))
  const slots = await withoutExistingSlots(db, clinicId, planned)
  let created = 0
  for (let start = 0; start < slots.length; start += INSERT_BATCH) {
    created += await scheduleStore.insertSlots(clinicId, slots.slice(start, start + INSERT_BATCH))
  }
  return { created, timeZone, days: dates.length }
}

type InstantAt = (date: string, minute: number) => Date | null

// Every owner of a clinic shares the same few wall-clock times, and each conversion costs several
// Intl calls: 28 days of the sample clinic are 5,040 slots but only 336 distinct local times.
function memoizedInstants (timeZone: string): InstantAt {
  const instants = new Map<string, Date | null>()
  return (date, minute) => {
    const key = `${date} ${minute}`
    if (!instants.has(key)) instants.set(key, localTimeToInstant({ date, time: formatMinute(minute) }, timeZone))
    return instants.get(key)!
  }
}

/**
 * The slots one weekly schedule yields on one local date. Each slot starts at a local wall-clock
 * time and lasts slotMinutes of real time; a start the clock skips (DST gap) yields no slot, and a
 * start the clock reads twice (DST end) takes the first.
 */
function expandSchedule (schedule: WeeklySchedule, date: string, instantAt: InstantAt): NewSlot[] {
  const startMinute = parseLocalTime(schedule.startTime)
  const endMinute = parseLocalTime(schedule.endTime)
  if (startMinute === null || endMinute === null) return []
  const slots: NewSlot[] = []
  for (let minute = startMinute; minute + schedule.slotMinutes <= endMinute; minute += schedule.slotMinutes) {
    const start = instantAt(date, minute)
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

/**
 * Drops the planned slots that already exist. Reading the window's slots is one index range scan,
 * much cheaper than letting thousands of rows meet ON CONFLICT (every restart regenerates the same
 * window); the insert keeps ON CONFLICT DO NOTHING for a concurrent generator.
 */
async function withoutExistingSlots (db: Queryable, clinicId: string, planned: NewSlot[]): Promise<NewSlot[]> {
  if (planned.length === 0) return planned
  // A loop rather than Math.min(...times): a year of slots is too many arguments for a spread.
  let first = Infinity
  let last = -Infinity
  for (const slot of planned) {
    first = Math.min(first, slot.start.getTime())
    last = Math.max(last, slot.start.getTime())
  }
  // One row per owner with its starts as epoch milliseconds: a handful of rows to parse, not thousands.
  const result = await db.query<{ department: string, doctorId: string | null, starts: string }>(
    `SELECT department, doctor_id AS "doctorId", string_agg((extract(epoch FROM start_at) * 1000)::bigint::text, ',') AS starts
     FROM slots WHERE clinic_id = $1 AND start_at BETWEEN $2 AND $3 GROUP BY department, doctor_id`,
    [clinicId, new Date(first), new Date(last)])
  const slotKey = (department: string, doctorId: string | null, start: number) => JSON.stringify([department, doctorId, start])
  const existing = new Set(result.rows.flatMap((row) => row.starts.split(',').map((start) => slotKey(row.department, row.doctorId, Number(start)))))
  return planned.filter((slot) => !existing.has(slotKey(slot.department, slot.doctorId, slot.start.getTime())))
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
