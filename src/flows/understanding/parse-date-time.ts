import { civilDateTimeIn, formatCivilDate } from './civil-date.ts'
import { parseDate } from './parse-date.ts'
import { parseTimeOfDay } from './parse-time-of-day.ts'
import type { DateTimeMention } from './understanding-types.ts'

export type ParseDateTimeOptions = {
  text: string
  /** The current instant; the clinic's "today" is this instant's date in `timezone`. */
  now: Date
  /** The clinic's IANA time zone, such as 'Asia/Shanghai'. */
  timezone: string
}

/**
 * Reads a date, part of day and time from Chinese or English text, in the clinic's local time:
 * "明天下午3点半" → { date: tomorrow, partOfDay: 'afternoon', time: '15:30' }. Fields that the text
 * does not mention are null; nothing is guessed beyond the documented rules in parse-date.ts
 * (weekdays) and parse-time-of-day.ts (1–6 o'clock without am/pm means the afternoon).
 */
export function parseDateTime ({ text, now, timezone }: ParseDateTimeOptions): DateTimeMention {
  const today = civilDateTimeIn(now, timezone)
  const date = parseDate(text, today)
  const { partOfDay, time } = parseTimeOfDay(text)
  return { date: date === null ? null : formatCivilDate(date), partOfDay, time }
}

export function hasDateTime (mention: DateTimeMention): boolean {
  return mention.date !== null || mention.partOfDay !== null || mention.time !== null
}
