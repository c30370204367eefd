import { addDays, civilDateTimeIn, formatCivilDate, weekdayOf } from '../understanding/civil-date.ts'

const NEXT_WEEK = /next week|下周|下星期|下礼拜/i
const ANY_TIME = /any ?time|whenever|earliest|as soon as possible|asap|soonest|随便|都可以|都行|尽快|最早/i

/**
 * "next week" → the Monday of next week (slots are then offered from that day on); "any time"
 * → null (the earliest free slots). undefined when the message says neither.
 */
export function relativeWeekStart (text: string, now: Date, timezone: string): string | null | undefined {
  if (ANY_TIME.test(text)) return null
  if (!NEXT_WEEK.test(text)) return undefined
  const today = civilDateTimeIn(now, timezone)
  const daysToMonday = ((8 - weekdayOf(today)) % 7) || 7
  return formatCivilDate(addDays(today, daysToMonday))
}
