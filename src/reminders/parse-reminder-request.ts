import { parseNumberWord, CHINESE_NUMERAL_CHARACTERS } from '../flows/understanding/chinese-numerals.ts'
import { parseDate } from '../flows/understanding/parse-date.ts'
import { addDays, civilDateTimeIn, formatCivilDate } from '../flows/understanding/civil-date.ts'

/** What a patient's message says about a reminder; absent fields were not said. */
export type ReminderRequest = {
  /** Clock times read without doubt, `HH:MM`, in the order written. */
  times: string[]
  /** Hours written without am/pm or a part of day ("at 8"): morning or evening is asked, never guessed. */
  ambiguousHours: number[]
  frequency?: 'daily' | 'weekdays' | 'interval'
  everyHours?: number
  /** "twice a day" without the times. */
  timesPerDay?: number
  /** The last local day, `YYYY-MM-DD` ("until Friday", "for 7 days", "到12月11日"). */
  endDate?: string
  /** The medicine as the patient wrote it; never checked, never read as a dose. */
  label?: string
}

const NUM = `\\d{1,2}|[${CHINESE_NUMERAL_CHARACTERS}]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty|thirty`

type PartOfDay = 'morning' | 'noon' | 'afternoon' | 'evening' | 'night'

const PART_WORDS: Array<[RegExp, PartOfDay]> = [
  [/早上|早晨|上午|清晨|早饭|早餐|起床|\bmornings?\b|\bbreakfast\b|\ba\.?m\b/iu, 'morning'],
  [/中午|午饭|午餐|\bnoon\b|\blunch(?:time)?\b/iu, 'noon'],
  [/下午|午后|\bafternoons?\b/iu, 'afternoon'],
  [/晚上|傍晚|晚饭|晚餐|今晚|每晚|\bevenings?\b|\bdinner\b|\bsupper\b|\bp\.?m\b/iu, 'evening'],
  [/睡前|夜里|半夜|\bnights?\b|\bbed(?:time)?\b/iu, 'night']
]

/** Reads times, frequency, end and label from a reminder request, in English or Chinese. */
export function parseReminderRequest (input: { text: string, now: Date, timezone: string }): ReminderRequest {
  let text = input.text.replace(/：/g, ':').replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xFEE0))
  const request: ReminderRequest = { times: [], ambiguousHours: [] }
  const today = civilDateTimeIn(input.now, input.timezone)

  text = take(text, new RegExp(`\\bevery\\s+(${NUM})?\\s*(?:hours?|hrs?|h)\\b|每隔?\\s*(${NUM})?\\s*个?\\s*(?:小时|鐘頭|钟头)`, 'iu'), (match) => {
    request.frequency = 'interval'
    request.everyHours = numberOf(match[1] ?? match[2]) ?? 1
  })
  text = take(text, new RegExp(`\\b(once|twice|thrice|(${NUM})\\s*times)\\s*(?:a|per|each)\\s*day\\b|(?:一天|每天|每日|一日)\\s*(${NUM})\\s*次`, 'iu'), (match) => {
    request.timesPerDay = match[1]?.toLowerCase() === 'once' ? 1 : match[1]?.toLowerCase() === 'twice' ? 2 : match[1]?.toLowerCase() === 'thrice' ? 3 : numberOf(match[2] ?? match[3]) ?? undefined
  })
  text = take(text, /\b(?:on\s+)?(?:every\s+)?week\s?days\b|\bmonday\s+(?:to|through|-)\s+friday\b|\bmon\s*-\s*fri\b|\bworkdays\b|工作日|周一(?:到|至)周五|星期一(?:到|至)星期五/iu, () => {
    if (request.frequency !== 'interval') request.frequency = 'weekdays'
  })
  text = take(text, new RegExp(`\\bfor\\s+(?:the\\s+next\\s+)?(${NUM}|a)\\s+(days?|weeks?)\\b|(?:连续|持续|共|一共)?\\s*(${NUM})\\s*(天|周|个星期|星期)(?:内|之内)?`, 'iu'), (match) => {
    const count = match[1]?.toLowerCase() === 'a' ? 1 : numberOf(match[1] ?? match[3])
    const unit = (match[2] ?? match[4] ?? '').toLowerCase()
    if (!count) return
    const days = /^w|周|星期/.test(unit) ? count * 7 : count
    request.endDate = formatCivilDate(addDays(today, days - 1))
  })
  text = take(text, /\b(?:until|till|til|through|thru|up to)\s+((?:next\s+|this\s+)?[a-z]+(?:\s+\d{1,2}(?:st|nd|rd|th)?)?|\d{1,2}(?:st|nd|rd|th)?(?:\s+[a-z]+)?|\d{4}-\d{2}-\d{2})|(?:到|直到)\s*((?:下?(?:周|星期|礼拜)[一二三四五六日天1-7])|\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号])\s*(?:为止)?/iu, (match) => {
    const found = parseDate(match[1] ?? match[2] ?? '', today)
    if (found) request.endDate = formatCivilDate(found)
  })
  if (request.frequency === undefined && /\bevery\s*day\b|\bdaily\b|\beach\s+day\b|\bevery\s+(?:morning|evening|night)\b|每天|每日|天天|每晚|每早/iu.test(text)) request.frequency = 'daily'

  readTimes(text, request)
  const label = readLabel(input.text)
  if (label) request.label = label
  return request
}

function take (text: string, pattern: RegExp, use: (match: RegExpExecArray) => void): string {
  const match = pattern.exec(text)
  if (!match) return text
  use(match)
  return `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`
}

function numberOf (text: string | undefined): number | null {
  if (text === undefined) return null
  return /^\d+$/.test(text) ? Number(text) : parseNumberWord(text.toLowerCase())
}

const CHINESE_TIME = /(\d{1,2}|十[一二]?|[一二两三四五六七八九十])\s*[点點时時](?:钟|鐘)?\s*(半|一刻|三刻|\d{1,2}\s*分?)?/gu
const COLON_TIME = /(?<![\d.])(\d{1,2}):(\d{2})(?!\d)\s*(a\.?m\.?|p\.?m\.?)?/giu
const ENGLISH_TIME = /(?<![\d.:/])\b(\d{1,2})\s*(a\.?m\.?|p\.?m\.?|o'?clock)(?![a-z])/giu
const BARE_TIME = /\b(?:at|@|and|&|or)\s+(\d{1,2})\b(?!\s*(?:days?|weeks?|hours?|hrs?|minutes?|mins?|times?|tablets?|pills?|mg|ml|units?|%|\/|:|\.\d))/giu

/**
 * Every clock time in the message, each read with the part of day written next to it:
 * "每天早上8点和晚上8点" → 08:00, 20:00; "at 8 every morning" → 08:00; "at 8" alone is ambiguous.
 */
function readTimes (text: string, request: ReminderRequest): void {
  const found: Array<{ index: number, hour: number, minute: number, meridiem: 'am' | 'pm' | null, end: number }> = []
  const claim = (index: number, length: number) => found.some((other) => index < other.end && index + length > other.index)
  for (const match of text.matchAll(COLON_TIME)) {
    found.push({ index: match.index, end: match.index + match[0].length, hour: Number(match[1]), minute: Number(match[2]), meridiem: meridiem(match[3]) })
  }
  for (const match of text.matchAll(CHINESE_TIME)) {
    if (claim(match.index, match[0].length)) continue
    found.push({ index: match.index, end: match.index + match[0].length, hour: numberOf(match[1]) ?? -1, minute: chineseMinute(match[2]), meridiem: null })
  }
  for (const match of text.matchAll(ENGLISH_TIME)) {
    if (claim(match.index, match[0].length)) continue
    found.push({ index: match.index, end: match.index + match[0].length, hour: Number(match[1]), minute: 0, meridiem: meridiem(match[2]) })
  }
  for (const match of text.matchAll(BARE_TIME)) {
    const at = match.index + match[0].length - match[1]!.length
    if (claim(at, match[1]!.length)) continue
    found.push({ index: at, end: at + match[1]!.length, hour: Number(match[1]), minute: 0, meridiem: null })
  }
  found.sort((first, second) => first.index - second.index)
  const segments = segmentBounds(text)
  for (const reading of found) {
    if (reading.hour < 0 || reading.hour > 24 || reading.minute > 59) continue
    const part = partOfDayNear(text, reading, segments, found.length)
    const hour = toTwentyFourHour(reading.hour, reading.meridiem, part, /:/.test(text.slice(reading.index, reading.end)))
    if (hour === null) {
      if (!request.ambiguousHours.includes(reading.hour)) request.ambiguousHours.push(reading.hour)
      continue
    }
    const time = `${String(hour % 24).padStart(2, '0')}:${String(reading.minute).padStart(2, '0')}`
    if (!request.times.includes(time)) request.times.push(time)
  }
}

/** Clause boundaries: a part of day belongs to the times of its own clause ("早上8点和晚上8点"). */
function segmentBounds (text: string): number[] {
  const bounds = [0]
  for (const match of text.matchAll(/和|及|跟|还有|、|，|,|;|；|\band\b|\bthen\b|&/giu)) bounds.push(match.index)
  bounds.push(text.length)
  return bounds
}

function partOfDayNear (text: string, reading: { index: number, end: number }, bounds: number[], count: number): PartOfDay | null {
  // With one time in the message the whole message is its clause ("at 8 every morning").
  const start = count === 1 ? 0 : Math.max(...bounds.filter((bound) => bound <= reading.index))
  const end = count === 1 ? text.length : Math.min(...bounds.filter((bound) => bound > reading.index))
  const clause = text.slice(start, end)
  for (const [pattern, part] of PART_WORDS) if (pattern.test(clause)) return part
  return null
}

function toTwentyFourHour (hour: number, meridiemMark: 'am' | 'pm' | null, part: PartOfDay | null, colon: boolean): number | null {
  if (meridiemMark === 'pm') return hour < 12 ? hour + 12 : hour
  if (meridiemMark === 'am') return hour === 12 ? 0 : hour
  if (hour === 0 || hour >= 13) return hour
  if (part === 'morning') return hour === 12 ? 0 : hour
  if (part === 'noon') return hour <= 2 ? hour + 12 : hour
  if (part === 'afternoon' || part === 'evening') return hour === 12 ? 12 : hour + 12
  if (part === 'night') return hour === 12 ? 0 : hour >= 6 ? hour + 12 : hour
  // "7:30" is read on the 24-hour clock; a bare "8" or "8点" could be either end of the day.
  if (colon) return hour
  return hour === 12 ? 12 : null
}

function meridiem (text: string | undefined): 'am' | 'pm' | null {
  if (!text) return null
  return text.toLowerCase().startsWith('a') ? 'am' : text.toLowerCase().startsWith('p') ? 'pm' : null
}

function chineseMinute (text: string | undefined): number {
  if (!text) return 0
  if (text === '半') return 30
  if (text === '一刻') return 15
  if (text === '三刻') return 45
  return numberOf(text.replace(/\s*分$/u, '')) ?? 0
}

const ENGLISH_LABEL = /\bremind\s+me\s+(?:to\s+(?:take|use|have|apply|do|inject|check)|about|of|for)\s+(?:my\s+|the\s+|our\s+)?(.+?)(?=\s+(?:at|every|each|daily|on|in\s+the|until|till|for|twice|once|thrice|\d+\s*times|weekdays|before|after|from|starting|tomorrow|tonight|please)\b|[,.!?;]|$)/iu
const ENGLISH_LABEL_AFTER = /\b(?:reminders?|alerts?)\s+(?:for|about)\s+(?:my\s+|the\s+)?(.+?)(?=\s+(?:at|every|each|daily|on|in\s+the|until|till|for|twice|once|weekdays)\b|[,.!?;]|$)/iu
const CHINESE_LABEL = /提醒(?:我|一下)?(?:按时)?(?:吃|服用|服|用|打|喝|涂|滴|喷|测)(.+?)(?=[，。！？、,.!?;；]|每|早|晚|中午|下午|上午|睡前|饭|到|直到|连续|持续|$)/u
const CHINESE_LABEL_BEFORE = /(?:吃|服用|服|打|喝)([^，。！？、,.!?;；\s]{1,12}?)(?:的)?提醒/u

/** The medicine exactly as the patient wrote it ("blood pressure pill", "降压药"); null if none. */
export function readLabel (text: string): string | null {
  const match = ENGLISH_LABEL.exec(text) ?? ENGLISH_LABEL_AFTER.exec(text) ?? CHINESE_LABEL.exec(text) ?? CHINESE_LABEL_BEFORE.exec(text)
  const label = match?.[1]?.trim().replace(/\s+/g, ' ').slice(0, 80) ?? ''
  return label === '' || /^(it|them|this|that|one|something)$/iu.test(label) || /^\d/.test(label) ? null : label
}
