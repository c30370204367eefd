import { parseNumberWord } from '../flows/understanding/chinese-numerals.ts'

/**
 * A reply about reminders, recognised in any flow and state, in English and Chinese.
 * `explicit`: the message names reminders ("stop my reminders", "不要再提醒了"), so it is meant for
 * them even when the patient has none; a bare "stop" or "taken" only counts when there is something
 * it can refer to.
 */
export type ReminderCommand =
  | { kind: 'stop', explicit: boolean, target: string | null }
  | { kind: 'list' }
  | { kind: 'taken' }
  | { kind: 'skip' }
  | { kind: 'snooze', minutes: number }

const REMINDER_WORD = /\b(?:remind(?:er|ers)?|alerts?|notifications?|check-?ins?)\b|提醒|随访/iu

const STOP_EXPLICIT = [
  /\b(?:stop|cancel|end|turn\s+off|switch\s+off|disable|unsubscribe(?:\s+from)?|delete|remove|no\s+more|don'?t\s+(?:send|want))\b.*\b(?:remind(?:er|ers)?|alerts?|notifications?|messages|check-?ins?)\b/iu,
  /\b(?:reminders?|alerts?)\s+(?:off|stopped|cancel(?:led)?)\b/iu,
  /\bstop\s+reminding\b|\bdon'?t\s+remind\s+me\b/iu,
  /退订|不要再?提醒|别再?提醒|不用再?提醒|不需要再?提醒|停止提醒|取消提醒|关闭提醒|关掉提醒|删除提醒|提醒.{0,6}(?:停了|停掉|取消|关了|关掉|删了|不要了)|停止.{0,6}提醒|取消.{0,8}提醒|关闭.{0,8}提醒|不要再发|别再发/u
]
const STOP_BARE = /^\s*(?:stop|stop\s+all|unsubscribe|停止|停|退订|td|取消订阅)\s*[.!。！]*\s*$/iu

const LIST = [
  /\b(?:list|show|see|view|check|what\s+are|which|what)\b.{0,20}\b(?:my\s+)?(?:remind(?:er|ers)|alerts)\b/iu,
  /^\s*(?:my\s+)?reminders\s*\??\s*$/iu,
  /(?:我的|查看|看看|看一下|列出|有哪些|有什么|设了哪些|设置了哪些).{0,4}提醒|提醒.{0,4}(?:有哪些|列表|清单)/u
]

const TAKEN = /^\s*(?:taken|took\s+it|i\s+took\s+(?:it|them|my\s+\S+(?:\s+\S+)?)|done|i'?ve\s+taken\s+(?:it|them)|already\s+took\s+(?:it|them)|吃了|吃过了|已吃|已服|已服用|服了|用过了|已用|打了|已打)\s*[.!。！]*\s*$/iu
const SKIP = /^\s*(?:skip|skip\s+(?:it|this\s+one|this\s+time|today)|skipped|跳过|这次跳过|跳过这次|今天跳过)\s*[.!。！]*\s*$/iu

const SNOOZE_EN = /\b(?:snooze|remind\s+me\s+(?:again\s+)?(?:in|after)|later\s+in)\b\s*(?:for\s+)?(\d{1,3}|an?|half\s+an|one|two|three|five|ten|fifteen|twenty|thirty|forty|forty-five|sixty)?\s*(min(?:ute)?s?|hours?|hrs?|h)?\b/iu
const SNOOZE_ZH = /(?<![每隔])(?:过|等)\s*(半|\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(个)?\s*(分钟|小时|钟头)(?:后|以后|之后)?\s*再?\s*提醒|(?<![每隔\d一二两三四五六七八九十])(半|\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(个)?\s*(分钟|小时|钟头)(?:后|以后|之后)\s*再?\s*提醒|(?:稍后|待会儿?|等会儿?|一会儿)\s*再?\s*提醒/u

/** The reminder command in a message, or null. */
export function readReminderCommand (text: string): ReminderCommand | null {
  if (STOP_EXPLICIT.some((pattern) => pattern.test(text))) return { kind: 'stop', explicit: true, target: stopTarget(text) }
  if (STOP_BARE.test(text)) return { kind: 'stop', explicit: false, target: null }
  const snooze = readSnooze(text)
  if (snooze !== null) return { kind: 'snooze', minutes: snooze }
  if (LIST.some((pattern) => pattern.test(text))) return { kind: 'list' }
  if (TAKEN.test(text)) return { kind: 'taken' }
  if (SKIP.test(text)) return { kind: 'skip' }
  return null
}

/** Minutes to wait, between 5 and 240 (default 30 for "later"/"稍后"); null when not a snooze. */
function readSnooze (text: string): number | null {
  const english = SNOOZE_EN.exec(text)
  if (english && (/snooze/i.test(english[0]) || english[2])) return clampMinutes(english[1], english[2] ?? 'min')
  const chinese = SNOOZE_ZH.exec(text)
  if (chinese) return chinese[1] || chinese[4] ? clampMinutes(chinese[1] ?? chinese[4], chinese[3] ?? chinese[6] ?? '分钟') : 30
  return null
}

function clampMinutes (amount: string | undefined, unit: string): number {
  const word = amount?.toLowerCase().trim()
  const hours = /^h/i.test(unit) || unit === '小时' || unit === '钟头'
  const minutes = (hours ? 60 : 1) * countOf(word, hours)
  return Math.min(240, Math.max(5, Math.round(minutes)))
}

function countOf (word: string | undefined, hours: boolean): number {
  if (word === undefined) return hours ? 1 : 30
  if (word === '半' || word === 'half an') return 0.5
  if (word === 'a' || word === 'an') return 1
  return /^\d+$/.test(word) ? Number(word) : parseNumberWord(word) ?? 30
}

/** The words after "stop"/"取消" that might name one reminder ("stop my insulin reminder"). */
function stopTarget (text: string): string | null {
  const english = /\b(?:stop|cancel|turn\s+off|delete|remove)\s+(?:the\s+|my\s+)?(.+?)\s+(?:remind(?:er|ers)|alerts?)\b/iu.exec(text)
  const chinese = /(?:停止|取消|关闭|删除|关掉)(.{1,10}?)的?提醒/u.exec(text) ?? /(.{1,10}?)的提醒.{0,4}(?:停|取消|关|删|不要)/u.exec(text)
  const target = (english?.[1] ?? chinese?.[1] ?? '').replace(/^(?:all|all\s+my|my|all\s+the|medication|medicine|用药|吃药|服药|所有|全部|的)$/iu, '').trim()
  return target === '' ? null : target
}

/** Whether a message mentions reminders at all (for routing a bare question to the reminder list). */
export function mentionsReminders (text: string): boolean {
  return REMINDER_WORD.test(text)
}

const CHECK_IN_WORDS = /\bcheck(?:\s|-)?ins?\b|\bcheck\s+(?:on|in\s+on)\s+(?:my|me)\b|\bfollow(?:\s|-)?ups?\b|随访|定期问/iu
const WEEKLY_REQUEST = /(?:\bweekly\b|\bevery\s+week\b|每周|每个星期|每星期).*(?:\bask\s+me\b|\bremind\s+me\b|\bsend\s+me\b|\bmessage\s+me\b|问我|提醒我|发给我)|(?:\bask\s+me\b|\bremind\s+me\b|\bsend\s+me\b|问我|提醒我).*(?:\bweekly\b|\bevery\s+week\b|每周|每个星期|每星期)/iu
const METRICS: Array<[RegExp, 'blood_pressure' | 'glucose']> = [
  [/blood\s+pressure|\bbp\b|血压/iu, 'blood_pressure'],
  [/glucose|blood\s+sugar|\bsugar\b|血糖/iu, 'glucose']
]

/** An opt-in to the clinic's chronic-care check-ins: "weekly blood pressure check-ins", "每周随访血糖". */
export function readCheckInRequest (text: string): { metric: 'blood_pressure' | 'glucose' } | null {
  if (!(CHECK_IN_WORDS.test(text) || WEEKLY_REQUEST.test(text)) || /\b(?:stop|cancel|no more)\b|退订|取消|停止|不要/iu.test(text)) return null
  for (const [pattern, metric] of METRICS) if (pattern.test(text)) return { metric }
  return null
}
