import { parseNumberWord } from './chinese-numerals.ts'
import type { PartOfDay } from './understanding-types.ts'

export type TimeOfDay = { partOfDay: PartOfDay | null, time: string | null }

const PARTS_OF_DAY: Array<[RegExp, PartOfDay]> = [
  [/上午|早上|早晨|清早|清晨|凌晨|明早|今早|一早|\bmorning\b/iu, 'morning'],
  [/下午|午后|中午|\bafternoon\b|\bnoon\b|\blunch ?time\b/iu, 'afternoon'],
  [/晚上|傍晚|夜里|今晚|明晚|\bevening\b|\btonight\b|\bnight\b/iu, 'evening']
]

const CHINESE_HOUR = '(\\d{1,2}|十[一二]?|[一二两三四五六七八九十])'
const CHINESE_MINUTE = '(半|一刻|三刻|\\d{1,2}|[一二三四五][十]?[一二三四五六七八九]?)?'

function partOfDayIn (text: string): PartOfDay | null {
  for (const [pattern, partOfDay] of PARTS_OF_DAY) {
    if (pattern.test(text)) return partOfDay
  }
  return null
}

function chineseMinute (text: string | undefined): number {
  if (text === undefined || text === '') return 0
  if (text === '半') return 30
  if (text === '一刻') return 15
  if (text === '三刻') return 45
  return parseNumberWord(text) ?? 0
}

type ClockReading = { hour: number, minute: number, meridiem: 'am' | 'pm' | null }

function readClock (text: string): ClockReading | null {
  const colon = text.match(/(?<![\d.])(\d{1,2})\s*[:：]\s*(\d{2})(?!\d)\s*(a\.?m\.?|p\.?m\.?)?/iu)
  if (colon !== null) return { hour: Number(colon[1]), minute: Number(colon[2]), meridiem: meridiemOf(colon[3]) }
  const english = text.match(/(?<![\d.:/])\b(\d{1,2})\s*(a\.?m\.?|p\.?m\.?|o'?clock)(?![a-z])/iu)
  if (english !== null) return { hour: Number(english[1]), minute: 0, meridiem: meridiemOf(english[2]) }
  // "一点" is also "a little" (有一点疼), so a spelled-out 1 needs 钟/半/刻/分 or a part of day before it.
  const chinese = text.match(new RegExp(`(上午|下午|晚上|早上|中午|凌晨)?${CHINESE_HOUR}\\s*[点點时時](?:钟|鐘)?${CHINESE_MINUTE}(分|钟)?`, 'u'))
  if (chinese !== null && !(chinese[2] === '一' && chinese[1] === undefined && chinese[3] === undefined && chinese[4] === undefined && !/一[点點]钟/u.test(chinese[0]))) {
    return { hour: parseNumberWord(chinese[2] ?? '') ?? 0, minute: chineseMinute(chinese[3]), meridiem: null }
  }
  const bare = text.match(/\b(?:at|around|about|by)\s+(\d{1,2})(?![\d:./%]|\s*(?:years?|yrs?|days?|weeks?|months?|kg|cm|degrees?|%|\/))\b/iu)
  if (bare !== null) return { hour: Number(bare[1]), minute: 0, meridiem: null }
  return null
}

function meridiemOf (text: string | undefined): 'am' | 'pm' | null {
  if (text === undefined) return null
  const letter = text.toLowerCase()[0]
  return letter === 'a' ? 'am' : letter === 'p' ? 'pm' : null
}

/**
 * 24-hour clock from a reading. Without am/pm or a part of day, 1–6 o'clock means the afternoon:
 * the clinic is closed at 3 a.m., and "3点"/"at 3" from a patient booking a visit means 15:00.
 */
function toTwentyFourHour (reading: ClockReading, partOfDay: PartOfDay | null): number {
  const { hour, meridiem } = reading
  if (meridiem === 'pm') return hour < 12 ? hour + 12 : hour
  if (meridiem === 'am') return hour === 12 ? 0 : hour
  if ((partOfDay === 'afternoon' || partOfDay === 'evening') && hour < 12) return hour === 12 ? 12 : hour + 12
  if (partOfDay === null && hour >= 1 && hour <= 6) return hour + 12
  return hour
}

function partOfDayForHour (hour: number): PartOfDay {
  if (hour < 12) return 'morning'
  return hour < 18 ? 'afternoon' : 'evening'
}

/** Time and part of day in a message: "下午3点半" → afternoon 15:30; "tomorrow morning" → morning. */
export function parseTimeOfDay (text: string): TimeOfDay {
  const mentioned = partOfDayIn(text)
  const reading = readClock(text)
  if (reading === null) return { partOfDay: mentioned, time: null }
  // 中午 with an hour such as 12点 stays noon; 中午1点 is 13:00.
  const hour = toTwentyFourHour(reading, mentioned)
  if (hour > 23 || reading.minute > 59) return { partOfDay: mentioned, time: null }
  const time = `${String(hour).padStart(2, '0')}:${String(reading.minute).padStart(2, '0')}`
  return { partOfDay: mentioned ?? partOfDayForHour(hour), time }
}
