import { AppError } from '../errors.ts'
import { addLocalDays, localTimeToInstant, parseLocalDate } from './zoned-time.ts'

/** A window bound: an instant, an ISO-8601 date-time, or a local date `YYYY-MM-DD` in the clinic's zone. */
export type WindowBound = Date | string

/**
 * The instant a bound stands for. A local date means the start of that day for `from`, and the
 * start of the next day for `to`, so `to: '2026-12-03'` includes the whole of 3 December.
 */
export function resolveWindowBound (bound: WindowBound, edge: 'from' | 'to', timeZone: string): Date {
  if (bound instanceof Date) return bound
  if (parseLocalDate(bound)) {
    const date = edge === 'from' ? bound : addLocalDays(bound, 1)
    // A few zones start DST at midnight, so the day may begin at 01:00.
    const instant = localTimeToInstant({ date, time: '00:00' }, timeZone) ?? localTimeToInstant({ date, time: '01:00' }, timeZone)
    if (instant) return instant
  }
  const instant = new Date(bound)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(bound) || Number.isNaN(instant.getTime())) {
    throw new AppError('VALIDATION_FAILED', `${edge} must be a date (YYYY-MM-DD) or an ISO-8601 date-time`)
  }
  return instant
}
