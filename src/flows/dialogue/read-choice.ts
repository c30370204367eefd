import { parseNumberWord } from '../understanding/chinese-numerals.ts'
import type { OfferedOption } from './pending-question.ts'

const POLITE = /[\s,，.。!！]*(?:please|pls|plz|thanks|thank you|thx|谢谢|谢了|吧|啊|呀|就行|就好|可以吗|行吗)[.!。！~]*$/iu
const LEAD = /^(?:ok(?:ay)?|yes|yeah|sure|嗯+|好的?|那就|就|要|我要|我选|选|i'?ll take|i'?ll go with|i'?d like|let'?s do|let'?s go with|can i have|give me|go with|take)[\s,，]*/iu

const ENGLISH_ORDINALS = ['first|1st|one|1', 'second|2nd|two|2', 'third|3rd|three|3', 'fourth|4th|four|4', 'fifth|5th|five|5']

/**
 * Which offered option the patient picked: the button label itself, an ordinal ("2", "the second
 * one", "第二个", "the last one"), or a typed time ("9:30", "下午两点", "2pm") that only one option
 * has. null when the reply picks nothing (a new date, a question, "none of these").
 */
export function readChoice (text: string, options: OfferedOption[]): OfferedOption | null {
  if (options.length === 0) return null
  const trimmed = text.trim().replace(POLITE, '').replace(LEAD, '').replace(POLITE, '').trim()
  const lower = trimmed.toLowerCase()
  const byLabel = options.find((option) => option.label.toLowerCase() === lower || option.label.toLowerCase() === text.trim().toLowerCase())
  if (byLabel) return byLabel
  const ordinal = ordinalIndex(lower, options.length)
  if (ordinal !== null) return options[ordinal] ?? null
  return byTime(trimmed, options) ?? byLabelPart(lower, options)
}

function ordinalIndex (text: string, count: number): number | null {
  if (/^(?:the\s+)?(?:last|final)(?:\s+(?:one|option|time|slot))?$|^最后(?:一个|那个)?$|^最后一个时间$/iu.test(text)) return count - 1
  for (const [index, words] of ENGLISH_ORDINALS.entries()) {
    if (new RegExp(`^(?:the\\s+)?(?:number\\s+|no\\.?\\s*|option\\s+|#)?(?:${words})(?:\\s+(?:one|option|time|slot|please))?$`, 'iu').test(text)) return index
  }
  const chinese = /^(?:选|要)?第?\s*([一二三四五两12345])\s*(?:个|项|号|种)?(?:时间|时段|选项)?$/u.exec(text)
  if (chinese) return (parseNumberWord(chinese[1]!) ?? 0) - 1
  return null
}

/** A typed clock time: "9:30", "09.30", "2pm", "下午两点", "两点半", "10点". */
function byTime (text: string, options: OfferedOption[]): OfferedOption | null {
  const time = readClockTime(text)
  if (!time) return null
  const matching = options.filter((option) => option.start !== undefined && sameTime(option.start.slice(11, 16), time))
  return matching.length >= 1 ? matching[0]! : null
}

function sameTime (start: string, time: { hour: number, minute: number, meridiem: 'am' | 'pm' | null }): boolean {
  const [hour, minute] = start.split(':').map(Number) as [number, number]
  if (minute !== time.minute) return false
  if (time.meridiem === 'pm') return hour === (time.hour % 12) + 12
  if (time.meridiem === 'am') return hour === time.hour % 12
  return hour === time.hour || hour === time.hour + 12
}

export function readClockTime (text: string): { hour: number, minute: number, meridiem: 'am' | 'pm' | null } | null {
  const afternoon = /下午|晚上|傍晚|pm|p\.m\./iu.test(text)
  const morning = /上午|早上|am\b|a\.m\./iu.test(text)
  const meridiem = afternoon ? 'pm' : morning ? 'am' : null
  const colon = /(?<![\d])(\d{1,2})\s*[:：.]\s*(\d{2})(?!\d)/u.exec(text)
  if (colon) return { hour: Number(colon[1]), minute: Number(colon[2]), meridiem }
  const english = /(?<![\d])(\d{1,2})\s*(?:a\.?m\.?|p\.?m\.?|o'?clock)/iu.exec(text)
  if (english) return { hour: Number(english[1]), minute: 0, meridiem }
  const half = /half past (\d{1,2})/iu.exec(text)
  if (half) return { hour: Number(half[1]), minute: 30, meridiem }
  const chinese = /(\d{1,2}|十[一二]?|[一二两三四五六七八九十])\s*[点點](半|一刻|三刻|\d{1,2}分?|[一二三四五]十[一二三四五六七八九]?分?)?/u.exec(text)
  if (chinese) {
    const hour = parseNumberWord(chinese[1]!) ?? Number(chinese[1])
    const tail = chinese[2] ?? ''
    const minute = tail === '半' ? 30 : tail === '一刻' ? 15 : tail === '三刻' ? 45 : tail === '' ? 0 : (parseNumberWord(tail.replace('分', '')) ?? Number(tail.replace('分', '')))
    return { hour, minute, meridiem }
  }
  return null
}

/** "the Tuesday one", "周二那个", "the afternoon one": a word that only one option's label has. */
function byLabelPart (text: string, options: OfferedOption[]): OfferedOption | null {
  if (text.length > 40) return null
  const words = text.replace(/^the\s+|\s+(?:one|option|slot)$|那个$|的$/giu, '').trim()
  if (words.length < 2) return null
  const matching = options.filter((option) => option.label.toLowerCase().includes(words))
  if (matching.length === 1) return matching[0]!
  const partOfDay = /^(?:morning|上午)$/iu.test(words) ? 'am' : /^(?:afternoon|下午)$/iu.test(words) ? 'pm' : null
  if (!partOfDay) return null
  const byPart = options.filter((option) => option.start !== undefined && (Number(option.start.slice(11, 13)) < 12) === (partOfDay === 'am'))
  return byPart.length >= 1 ? byPart[0]! : null
}
