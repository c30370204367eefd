import { localDateTimeOf, offsetMinutesAt } from './format-local-iso.ts'

/** A local calendar date `YYYY-MM-DD` and a wall-clock time `HH:MM`, in some time zone. */
export type LocalMoment = { date: string, time: string }

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)(?::00)?$/

export function isValidTimeZone (timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone }).format(0)
    return true
  } catch {
    return false
  }
}

export function parseLocalDate (text: string): { year: number, month: number, day: number } | null {
  const match = DATE_PATTERN.exec(text)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const check = new Date(Date.UTC(year, month - 1, day))
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  return { year, month, day }
}

/** Minutes since midnight for `HH:MM` (or `HH:MM:00`), or null. */
export function parseLocalTime (text: string): number | null {
  const match = TIME_PATTERN.exec(text)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

/**
 * The instant at which the clock in `timeZone` reads `moment`. Null when that reading never happens
 * (the hour skipped when DST starts); when it happens twice (DST ends) the earlier instant wins.
 * Works from Intl offsets alone, so it follows whatever tz data the runtime ships.
 */
export function localTimeToInstant (moment: LocalMoment, timeZone: string): Date | null {
  const date = parseLocalDate(moment.date)
  const minutes = parseLocalTime(moment.time)
  if (!date || minutes === null) return null
  const wallClock = Date.UTC(date.year, date.month - 1, date.day, Math.floor(minutes / 60), minutes % 60)
  // The offset can only be one of the offsets in force a day either side of the wall-clock time.
  const candidates = new Set([
    offsetMinutesAt(new Date(wallClock - 86_400_000), timeZone),
    offsetMinutesAt(new Date(wallClock), timeZone),
    offsetMinutesAt(new Date(wallClock + 86_400_000), timeZone)
  ])
  const matches = [...candidates]
    .map((offset) => new Date(wallClock - offset * 60_000))
    .filter((instant) => readsAs(instant, timeZone, wallClock))
    .sort((first, second) => first.getTime() - second.getTime())
  return matches[0] ?? null
}

function readsAs (instant: Date, timeZone: string, wallClock: number): boolean {
  const local = localDateTimeOf(instant, timeZone)
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) === wallClock
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf (date: string): number {
  const parsed = parseLocalDate(date)
  if (!parsed) throw new Error(`not a date: ${date}`)
  const weekday = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay()
  return weekday === 0 ? 7 : weekday
}

/** `YYYY-MM-DD` plus whole days, on the calendar (no time zone involved). */
export function addLocalDays (date: string, days: number): string {
  const parsed = parseLocalDate(date)
  if (!parsed) throw new Error(`not a date: ${date}`)
  return new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day + days)).toISOString().slice(0, 10)
}

/** Today's local date in the zone, `YYYY-MM-DD`. */
export function localDateOf (instant: Date, timeZone: string): string {
  const local = localDateTimeOf(instant, timeZone)
  return `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`
}
