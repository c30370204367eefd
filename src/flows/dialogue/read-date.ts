import { addDays, civilDateTimeIn, formatCivilDate, weekdayOf, type CivilDate } from '../understanding/civil-date.ts'
import { parseDate } from '../understanding/parse-date.ts'
import { parseTimeOfDay } from '../understanding/parse-time-of-day.ts'
import type { DateAnswer } from './pending-question.ts'

// Where a patient's message turns: "not Monday, Tuesday is better", "周一不行，周二吧".
const CLAUSE_BREAK = /[,，;；。.!！?？\n]+|\s+(?:but|though|actually|instead|or rather|then)\s+|但是|不过|还是|改成|换成|其实/iu
const NEGATED = /\b(?:not|no|isn'?t|can'?t|cannot|couldn'?t|won'?t|don'?t|doesn'?t|busy|except|unless|neither)\b|no good|doesn'?t work|不行|不可以|不方便|没空|没时间|不能|不要|除了|以外|不太行|有事|来不了|去不了/iu
const ANY_TIME = /\bany ?time\b|whenever|\bearliest\b|as soon as possible|\basap\b|soonest|first available|any day|随便|都可以|都行|尽快|最早|越快越好|越早越好|早点|最快|哪天都/iu
const NEXT_WEEK = /next week|下周(?![一二三四五六日天1-7])|下星期(?![一二三四五六日天1-7])|下礼拜(?![一二三四五六日天1-7])/iu
const THIS_WEEK = /this week|这周(?![一二三四五六日天1-7])|本周(?![一二三四五六日天1-7])|这个星期(?![一二三四五六日天1-7])/iu
const SAYS_TODAY = /\btoday\b|\btonight\b|\bthis (?:morning|afternoon|evening)\b|今天|今日|今早|今晚|今儿/iu
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
// A slot or day label as the bot writes it: "Mon 14 Dec 09:00" is 14 December, never 9 December.
const DAY_MONTH = /\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/iu
const CLINIC_DAY_ENDS_HOUR = 17

type DateContext = { now: Date, timezone: string }

/**
 * The date a reply means, read as a patient means it: the last date that is not ruled out wins
 * ("not Monday, Tuesday is better" → Tuesday), "any time" only counts when no day is named, a
 * bare weekday that is today after clinic hours means next week, and "next week" spans the week.
 * null when the reply names no day, part of day or time.
 */
export function readDate (text: string, { now, timezone }: DateContext): DateAnswer | null {
  const local = civilDateTimeIn(now, timezone)
  const today: CivilDate = { year: local.year, month: local.month, day: local.day }
  const clauses = text.split(CLAUSE_BREAK).map((clause) => clause.trim()).filter((clause) => clause !== '')
  const kept = clauses.filter((clause) => !NEGATED.test(clause) || !mentionsDay(clause, today))
  let answer: DateAnswer | null = null
  for (const clause of kept) {
    const read = readClause(clause, today, local.hour)
    if (!read) continue
    const previous = answer as DateAnswer | null
    const day: Pick<DateAnswer, 'date' | 'spanDays' | 'weekdayToday'> = read.date !== null || previous === null ? pickDay(read) : pickDay(previous)
    answer = { ...day, partOfDay: read.partOfDay ?? previous?.partOfDay ?? null, time: read.time ?? previous?.time ?? null }
  }
  if (answer) return answer
  if (kept.some((clause) => ANY_TIME.test(clause))) return { date: null, spanDays: 14, partOfDay: null, time: null }
  return null
}

function pickDay ({ date, spanDays, weekdayToday }: DateAnswer): Pick<DateAnswer, 'date' | 'spanDays' | 'weekdayToday'> {
  return { date, spanDays, ...(weekdayToday ? { weekdayToday } : {}) }
}

function mentionsDay (clause: string, today: CivilDate): boolean {
  return parseDate(clause, today) !== null || NEXT_WEEK.test(clause) || parseTimeOfDay(clause).partOfDay !== null
}

function readClause (clause: string, today: CivilDate, hour: number): DateAnswer | null {
  const { partOfDay, time } = parseTimeOfDay(clause.replace(DAY_MONTH, ' '))
  const date = dayMonth(clause, today) ?? parseDate(clause, today)
  if (date) {
    const weekdayToday = formatCivilDate(date) === formatCivilDate(today) && !SAYS_TODAY.test(clause)
    const rolled = weekdayToday && hour >= CLINIC_DAY_ENDS_HOUR ? addDays(date, 7) : date
    return { date: formatCivilDate(rolled), spanDays: 1, partOfDay, time, ...(weekdayToday && rolled === date ? { weekdayToday } : {}) }
  }
  if (NEXT_WEEK.test(clause)) {
    const daysToMonday = ((8 - weekdayOf(today)) % 7) || 7
    return { date: formatCivilDate(addDays(today, daysToMonday)), spanDays: 7, partOfDay, time }
  }
  if (THIS_WEEK.test(clause)) return { date: formatCivilDate(today), spanDays: 7 - ((weekdayOf(today) + 6) % 7), partOfDay, time }
  if (partOfDay || time) return { date: null, spanDays: 14, partOfDay, time }
  return null
}

function dayMonth (clause: string, today: CivilDate): CivilDate | null {
  const match = DAY_MONTH.exec(clause)
  if (!match) return null
  const month = MONTHS.indexOf(match[2]!.toLowerCase()) + 1
  const day = Number(match[1])
  const candidate = { year: today.year, month, day }
  return formatCivilDate(candidate) < formatCivilDate(today) ? { ...candidate, year: today.year + 1 } : candidate
}
