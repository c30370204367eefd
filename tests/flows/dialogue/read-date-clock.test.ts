import { describe, expect, it } from 'vitest'
import { readDate } from '../../../src/flows/dialogue/read-date.ts'
import { addDays, civilDateTimeIn, formatCivilDate, weekdayOf } from '../../../src/flows/understanding/civil-date.ts'

const TIMEZONE = 'Asia/Shanghai'
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const ZH_WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

// Every hour of a whole week (Mon 14 Dec 2026 00:00 Shanghai onward), and the real clock.
const instants = [
  ...Array.from({ length: 7 * 24 }, (_unused, hour) => new Date(Date.UTC(2026, 11, 13, 16 + hour, 7))),
  new Date()
]

function expectedDates (now: Date) {
  const local = civilDateTimeIn(now, TIMEZONE)
  const today = { year: local.year, month: local.month, day: local.day }
  const weekday = weekdayOf(today)
  const after = (target: number) => addDays(today, ((target - weekday + 7) % 7) || 0)
  return { local, today, weekday, after }
}

describe.each(instants.map((now) => [now.toISOString(), now] as const))('dates read at %s', (_label, now) => {
  const context = { now, timezone: TIMEZONE }
  const { local, today, weekday, after } = expectedDates(now)

  it('"tomorrow" / "明天" is the clinic\'s tomorrow, and "today" stays today at any hour', () => {
    expect(readDate('tomorrow', context)?.date).toBe(formatCivilDate(addDays(today, 1)))
    expect(readDate('明天下午', context)?.date).toBe(formatCivilDate(addDays(today, 1)))
    expect(readDate('today', context)?.date).toBe(formatCivilDate(today))
  })

  it('a bare weekday that is today means today in clinic hours and next week after them', () => {
    const todayName = WEEKDAYS[weekday]!
    const expected = local.hour >= 17 ? addDays(today, 7) : today
    expect(readDate(todayName, context)?.date).toBe(formatCivilDate(expected))
    expect(readDate(ZH_WEEKDAYS[weekday]!, context)?.date).toBe(formatCivilDate(expected))
  })

  it('the day not ruled out wins, in both languages', () => {
    const tuesday = weekday === 2 && local.hour >= 17 ? addDays(today, 7) : after(2)
    expect(readDate('not Monday, Tuesday is better', context)?.date).toBe(formatCivilDate(tuesday))
    expect(readDate('周一不行，周二吧', context)?.date).toBe(formatCivilDate(tuesday))
  })

  it('"next week" starts on next Monday and spans the week', () => {
    const monday = addDays(today, ((8 - weekday) % 7) || 7)
    expect(readDate('next week is fine', context)).toMatchObject({ date: formatCivilDate(monday), spanDays: 7 })
    expect(readDate('下周都可以', context)).toMatchObject({ date: formatCivilDate(monday), spanDays: 7 })
  })

  it('an offered label is read as the day it names, never its time as a day', () => {
    const inTenDays = addDays(today, 10)
    const month = new Date(Date.UTC(inTenDays.year, inTenDays.month - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })
    expect(readDate(`${WEEKDAYS[weekdayOf(inTenDays)]!.slice(0, 3)} ${inTenDays.day} ${month} 09:00`, context)?.date).toBe(formatCivilDate(inTenDays))
  })
})
