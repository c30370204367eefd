/** A calendar date with no time zone; arithmetic is done on UTC midnights, so it has no DST traps. */
export type CivilDate = { year: number, month: number, day: number }

const DAY_MS = 86_400_000

// Building an Intl.DateTimeFormat is far slower than using one; a clinic has one time zone.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor (timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
    formatters.set(timezone, formatter)
  }
  return formatter
}

/** The calendar date and wall-clock time of `now` in an IANA time zone, read through Intl. */
export function civilDateTimeIn (now: Date, timezone: string): CivilDate & { hour: number, minute: number } {
  const parts = formatterFor(timezone).formatToParts(now)
  const read = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value)
  return { year: read('year'), month: read('month'), day: read('day'), hour: read('hour'), minute: read('minute') }
}

function toEpochDays (date: CivilDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS
}

function fromEpochDays (days: number): CivilDate {
  const utc = new Date(days * DAY_MS)
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() }
}

export function addDays (date: CivilDate, days: number): CivilDate {
  return fromEpochDays(toEpochDays(date) + days)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween (from: CivilDate, to: CivilDate): number {
  return toEpochDays(to) - toEpochDays(from)
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay. */
export function weekdayOf (date: CivilDate): number {
  return new Date(toEpochDays(date) * DAY_MS).getUTCDay()
}

export function daysInMonth (year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export function isValidCivilDate (date: CivilDate): boolean {
  return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= daysInMonth(date.year, date.month)
}

export function formatCivilDate (date: CivilDate): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`
}
