import { addLocalDays, isoWeekdayOf, localDateOf, localTimeToInstant, parseLocalTime } from '../appointments/zoned-time.ts'
import { localDateTimeOf } from '../appointments/format-local-iso.ts'

/** When people answer handed-off conversations, per weekday, in the clinic's time zone. */
export type StaffedHours = Partial<Record<Weekday, Array<{ open: string, close: string }>>>
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

/**
 * Null while staff are on duty (or when the clinic set no hours: always staffed); otherwise the
 * local date and time (`YYYY-MM-DD`, `HH:MM`) of the next opening within two weeks.
 */
export function nextStaffedOpening (hours: StaffedHours | undefined, timeZone: string, now: Date): { date: string, time: string } | null {
  if (!hours || Object.values(hours).every((windows) => !windows?.length)) return null
  const today = localDateOf(now, timeZone)
  const local = localDateTimeOf(now, timeZone)
  const minuteNow = local.hour * 60 + local.minute
  for (let offset = 0; offset < 14; offset++) {
    const date = addLocalDays(today, offset)
    const windows = [...(hours[WEEKDAYS[isoWeekdayOf(date) - 1]!] ?? [])].sort((a, b) => a.open.localeCompare(b.open))
    for (const window of windows) {
      const open = parseLocalTime(window.open)
      const close = parseLocalTime(window.close)
      if (open === null || close === null) continue
      if (offset === 0 && minuteNow >= open && minuteNow < close) return null
      if (offset > 0 || minuteNow < open) {
        if (localTimeToInstant({ date, time: window.open }, timeZone)) return { date, time: window.open }
      }
    }
  }
  return null
}
