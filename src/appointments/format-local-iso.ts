const formatters = new Map<string, Intl.DateTimeFormat>()

// Intl.DateTimeFormat is costly to build and slot lists format hundreds of times per request.
function formatterFor (timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23'
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

export type LocalDateTime = { year: number, month: number, day: number, hour: number, minute: number, second: number }

/** The wall-clock reading of an instant in an IANA time zone. */
export function localDateTimeOf (instant: Date, timeZone: string): LocalDateTime {
  const parts = formatterFor(timeZone).formatToParts(instant)
  const read = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value)
  return { year: read('year'), month: read('month'), day: read('day'), hour: read('hour'), minute: read('minute'), second: read('second') }
}

/** Minutes the zone is ahead of UTC at that instant (+480 for Asia/Shanghai). */
export function offsetMinutesAt (instant: Date, timeZone: string): number {
  const local = localDateTimeOf(instant, timeZone)
  const localAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second)
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000
  return Math.round((localAsUtc - wholeSeconds) / 60_000)
}

/** ISO-8601 with the zone's offset at that instant, e.g. `2026-12-03T15:30:00+08:00`. */
export function formatLocalIso (instant: Date, timeZone: string): string {
  const local = localDateTimeOf(instant, timeZone)
  const offset = offsetMinutesAt(instant, timeZone)
  const sign = offset < 0 ? '-' : '+'
  const absolute = Math.abs(offset)
  return `${local.year}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}:${pad(local.second)}` +
    `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
}

function pad (value: number): string {
  return String(value).padStart(2, '0')
}
