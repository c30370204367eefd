import { CHINESE_NUMERAL_CHARACTERS, ENGLISH_NUMBER_WORDS, parseNumberWord } from './chinese-numerals.ts'
import { CHILD_TERMS_EN } from './extract-age.ts'
import type { Duration, DurationUnit } from './understanding-types.ts'

const HOURS_PER_UNIT: Record<DurationUnit, number> = { minute: 1 / 60, hour: 1, day: 24, week: 168, month: 720, year: 8760 }

const CHINESE_UNITS: Array<[RegExp, DurationUnit]> = [
  [/^(分钟|分鐘)$/u, 'minute'],
  [/^(小时|小時|鐘頭|钟头)$/u, 'hour'],
  [/^(天|日)$/u, 'day'],
  [/^(周|星期|礼拜|禮拜)$/u, 'week'],
  [/^月$/u, 'month'],
  [/^年$/u, 'year']
]

const ENGLISH_UNITS: Array<[RegExp, DurationUnit]> = [
  [/^min(ute)?s?$/iu, 'minute'],
  [/^(hours?|hrs?)$/iu, 'hour'],
  [/^days?$/iu, 'day'],
  [/^(weeks?|wks?)$/iu, 'week'],
  [/^months?$/iu, 'month'],
  [/^(years?|yrs?)$/iu, 'year']
]

function duration (value: number, unit: DurationUnit): Duration {
  return { value, unit, hours: Math.round(value * HOURS_PER_UNIT[unit] * 100) / 100 }
}

function unitFrom (text: string, units: Array<[RegExp, DurationUnit]>): DurationUnit | null {
  return units.find(([pattern]) => pattern.test(text))?.[1] ?? null
}

// 孕32周 is a pregnancy, 8个月大 / 2 year old / 一岁两个月 / "toddler (20 months)" an age, 3天后 a date: none is how long a symptom lasted.
const CHINESE_DURATION = new RegExp(
  `(?<![孕怀懷\\d.${CHINESE_NUMERAL_CHARACTERS}])(?<!岁(?:零|又)?)([\\d.]+|[${CHINESE_NUMERAL_CHARACTERS}几幾]+|半)(多)?(?:个|個)?(多|半)?\\s*(分钟|分鐘|小时|小時|钟头|鐘頭|天|日|周|星期|礼拜|禮拜|月|年)(半|多)?(?![后後大的]|以后|之后)`,
  'u'
)
const ENGLISH_DURATION = new RegExp(
  `(?<!\\b(?:${CHILD_TERMS_EN})\\s*[(,]\\s*)\\b(\\d+(?:\\.\\d+)?|${ENGLISH_NUMBER_WORDS}|a couple of|a few)\\s*(?:more\\s+)?(min(?:ute)?s?|hours?|hrs?|days?|weeks?|wks?|months?|years?|yrs?)\\b(?![\\s-]*old)`,
  'iu'
)

// 一个多月 / 三天多 ("more than") are recorded as the stated amount; 一个半月 / 一年半 add a half.
function chineseValue (match: RegExpMatchArray): number | null {
  const [, amount = '', , middle, , trailing] = match
  if (amount === '半') return 0.5
  const base = /^[几幾]+$/u.test(amount) ? 3 : parseNumberWord(amount)
  if (base === null) return null
  return base + (middle === '半' || trailing === '半' ? 0.5 : 0)
}

function sinceDuration (text: string): Duration | null {
  if (/(从|自从?)?(昨天|昨晚|昨日)(开始|起|以来|到现在)|since (yesterday|last night)/iu.test(text)) return duration(1, 'day')
  if (/(从|自从?)?(前天)(开始|起|以来)/u.test(text)) return duration(2, 'day')
  if (/(从|自从?)?(上周|上个?星期|上礼拜)(开始|起|以来)|since last week/iu.test(text)) return duration(1, 'week')
  if (/(从|自从?)?(上个?月)(开始|起|以来)|since last month/iu.test(text)) return duration(1, 'month')
  // Began yesterday and is still there this morning: a day, not the hours since this morning.
  if (/\byesterday\b.*\b(?:still|not (?:gone|settled|better))\b|(?:昨天|昨日).*(?:还是|还在|仍然|依然|还没好)/isu.test(text)) return duration(1, 'day')
  if (/(今天早上|今早|早上起来|this morning)(开始|起|以来)?|since this morning/iu.test(text)) return duration(6, 'hour')
  if (/刚才|刚刚|just now|a few minutes ago/iu.test(text)) return duration(30, 'minute')
  return null
}

/** How long a symptom has lasted: "3 days", "两周", "半个月", "since yesterday" → value, unit and hours. */
export function extractDuration (text: string): Duration | null {
  const chinese = text.match(CHINESE_DURATION)
  if (chinese !== null) {
    const unit = unitFrom(chinese[4] ?? '', CHINESE_UNITS)
    const value = chineseValue(chinese)
    if (unit !== null && value !== null && value > 0) return duration(value, unit)
  }
  const english = text.match(ENGLISH_DURATION)
  if (english !== null) {
    const unit = unitFrom(english[2] ?? '', ENGLISH_UNITS)
    const value = parseNumberWord((english[1] ?? '').replace(/\s+of$/iu, ''))
    if (unit !== null && value !== null && value > 0) return duration(value, unit)
  }
  if (/半个?月|半個月/u.test(text)) return duration(0.5, 'month')
  return sinceDuration(text)
}
