import { CHINESE_NUMERAL_CHARACTERS, parseNumberWord } from './chinese-numerals.ts'
import { addDays, daysBetween, isValidCivilDate, weekdayOf, type CivilDate } from './civil-date.ts'

type DateRule = { pattern: RegExp, resolve: (match: RegExpMatchArray, today: CivilDate) => CivilDate | null }

const NUMBER = `\\d{1,2}|[${CHINESE_NUMERAL_CHARACTERS}]{1,3}`

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'

const ENGLISH_WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
// "sat" and "sun" are everyday words, so the weekend days must be written out.
const ENGLISH_WEEKDAY = '(sunday|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|saturday)'
const CHINESE_WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 7: 0, 一: 1, 1: 1, 二: 2, 2: 2, 三: 3, 3: 3, 四: 4, 4: 4, 五: 5, 5: 5, 六: 6, 6: 6 }

function number (text: string | undefined): number {
  return parseNumberWord(text ?? '') ?? Number.NaN
}

/** The first date on or after today with this month and day (next year once this year's has passed). */
function nextMonthDay (today: CivilDate, month: number, day: number): CivilDate | null {
  const thisYear = { year: today.year, month, day }
  if (!isValidCivilDate(thisYear)) return isValidCivilDate({ year: today.year + 1, month, day }) ? { year: today.year + 1, month, day } : null
  return daysBetween(today, thisYear) >= 0 ? thisYear : { year: today.year + 1, month, day }
}

/** The first date on or after today with this day of the month. */
function nextDayOfMonth (today: CivilDate, day: number, monthOffset: number): CivilDate | null {
  for (let step = monthOffset; step < monthOffset + 3; step += 1) {
    const monthIndex = today.month - 1 + step
    const candidate = { year: today.year + Math.floor(monthIndex / 12), month: (monthIndex % 12) + 1, day }
    if (isValidCivilDate(candidate) && (monthOffset > 0 || daysBetween(today, candidate) >= 0)) return candidate
  }
  return null
}

/**
 * Weekday resolution. Bare and "this" weekdays mean the nearest one on or after today; "next" (下)
 * means that weekday in next calendar week, weeks starting on Monday as in China; 下下 one week later.
 */
function resolveWeekday (today: CivilDate, weekday: number, qualifier: string): CivilDate {
  const mondayIndex = (day: number) => (day + 6) % 7
  if (/^(next|下)$/.test(qualifier) || qualifier === '下下' || /^(last|上)$/.test(qualifier)) {
    const weeks = qualifier === '下下' ? 2 : /^(last|上)$/.test(qualifier) ? -1 : 1
    const thisMonday = addDays(today, -mondayIndex(weekdayOf(today)))
    return addDays(thisMonday, 7 * weeks + mondayIndex(weekday))
  }
  return addDays(today, (weekday - weekdayOf(today) + 7) % 7)
}

const RELATIVE_DAYS: Array<[RegExp, number]> = [
  [/大后天/u, 3],
  [/后天|day after tomorrow/iu, 2],
  [/明天|明日|明早|明晚|明儿|\btomorrow\b|\btmrw?\b/iu, 1],
  [/今天|今日|今早|今晚|今儿|\btoday\b|\btonight\b|\bthis (morning|afternoon|evening)\b/iu, 0],
  [/前天|day before yesterday/iu, -2],
  [/昨天|昨晚|昨日|\byesterday\b/iu, -1]
]

const DATE_RULES: DateRule[] = [
  {
    pattern: /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u,
    resolve: (match) => ({ year: number(match[1]), month: number(match[2]), day: number(match[3]) })
  },
  {
    pattern: new RegExp(`(${NUMBER})\\s*月\\s*(${NUMBER})\\s*[日号號]?`, 'u'),
    resolve: (match, today) => nextMonthDay(today, number(match[1]), number(match[2]))
  },
  {
    pattern: new RegExp(`\\b${MONTH_NAME}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'iu'),
    resolve: (match, today) => nextMonthDay(today, MONTHS.indexOf((match[1] ?? '').slice(0, 3).toLowerCase()) + 1, number(match[2]))
  },
  {
    pattern: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}\\b`, 'iu'),
    resolve: (match, today) => nextMonthDay(today, MONTHS.indexOf((match[2] ?? '').slice(0, 3).toLowerCase()) + 1, number(match[1]))
  },
  {
    pattern: new RegExp(`(?:in\\s+(\\d{1,2}|a|one|two|three|four|five|six|seven)\\s+days?\\b)|(?:(${NUMBER})\\s*天\\s*(?:后|以后|之后))`, 'iu'),
    resolve: (match, today) => addDays(today, number(match[1] ?? match[2]))
  },
  {
    pattern: new RegExp(`(?<![${CHINESE_NUMERAL_CHARACTERS}\\d个几每])(下下|下|这|本|上)?个?(?:周|星期|礼拜|禮拜)([一二三四五六日天1-7])`, 'u'),
    resolve: (match, today) => resolveWeekday(today, CHINESE_WEEKDAYS[match[2] ?? ''] ?? 0, match[1] ?? '')
  },
  {
    pattern: new RegExp(`\\b(?:(next|this|coming|last)\\s+)?${ENGLISH_WEEKDAY}\\b`, 'iu'),
    resolve: (match, today) => resolveWeekday(today, ENGLISH_WEEKDAYS.indexOf((match[2] ?? '').slice(0, 3).toLowerCase()), (match[1] ?? '').toLowerCase())
  },
  {
    pattern: new RegExp(`(下个?月|这个?月|本月)(${NUMBER})\\s*[号號日]`, 'u'),
    resolve: (match, today) => nextDayOfMonth(today, number(match[2]), match[1]?.startsWith('下') === true ? 1 : 0)
  },
  {
    pattern: new RegExp(`(?<![\\d月])(${NUMBER})\\s*[号號日](?!本)`, 'u'),
    resolve: (match, today) => nextDayOfMonth(today, number(match[1]), 0)
  },
  {
    pattern: /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b/iu,
    resolve: (match, today) => nextDayOfMonth(today, number(match[1]), 0)
  }
]

/** The calendar date a message mentions, relative to `today` (the clinic's local date), or null. */
export function parseDate (text: string, today: CivilDate): CivilDate | null {
  for (const rule of DATE_RULES) {
    const match = text.match(rule.pattern)
    if (match === null) continue
    const date = rule.resolve(match, today)
    if (date !== null && isValidCivilDate(date)) return date
  }
  for (const [pattern, offset] of RELATIVE_DAYS) {
    if (pattern.test(text)) return addDays(today, offset)
  }
  return null
}
