import { extractPhoneNumber } from '../understanding/extract-phone-number.ts'
import { withoutBookingReferences } from '../understanding/extract-booking-reference.ts'
import { extractPersonName } from '../understanding/extract-person-name.ts'

const PHONE_LIKE = /(?:\+|00)?\d[\d\s\-().]{4,20}\d/gu
const LABELS = /\b(?:my name is|my name's|name is|name|it'?s|i'?m|i am|this is|call me|phone(?: number)?(?: is)?|mobile(?: number)?(?: is)?|number(?: is)?|tel|and|for|the patient is|patient)\b|我叫|我是|名字(?:是|叫)?|姓名|就诊人|电话(?:号码)?(?:是)?|手机(?:号码?)?(?:是)?|号码(?:是)?|联系方式|[:：,，;；.。!！]/giu
const NAME = /^(?:[\p{Script=Han}·]{2,5}|[\p{L}][\p{L}'-]*(?:\s+[\p{L}][\p{L}'-]*){0,3})$/u
const NOT_A_NAME = /^(?:yes|no|ok|okay|sure|thanks|thank you|hello|hi|what|why|how|when|where|is|the|a|an|it|好的|可以|是的|不用|谢谢|你好|什么|为什么|怎么)$/iu
const NOT_NAME_WORDS = /\b(?:my|your|his|her|son|daughter|mother|mom|mum|dad|father|wife|husband|appointment|book|booking|doctor|want|need|please|cancel|change|time|what|why|do|does|you|number|phone)\b|为什么|预约|取消|医生|什么|儿子|女儿|妈妈|爸爸|老公|老婆|不知道|时间|号码/iu

export type ContactReading = { name?: string, phone?: string, invalidPhone?: boolean }

/**
 * A name and/or phone number, together or alone: "Li Wei 13812345678", "张伟，电话13812345678",
 * "my name is Anna, 138 1234 5678". A run of digits that is no valid number is reported as such
 * (so the bot asks again), never read as anything else.
 */
export function readContact (message: string, wants: Array<'name' | 'phone'>): ContactReading | null {
  const text = withoutBookingReferences(message)
  const phone = extractPhoneNumber(text)
  const digits = [...text.matchAll(PHONE_LIKE)].map((match) => match[0])
  const invalidPhone = !phone && digits.some((run) => run.replace(/\D/gu, '').length >= 5)
  const rest = (phone || invalidPhone ? digits.reduce((left, run) => left.replace(run, ' '), text) : text)
  const name = wants.includes('name') ? readName(rest) : undefined
  const reading: ContactReading = { ...(name ? { name } : {}), ...(phone ? { phone } : {}), ...(invalidPhone ? { invalidPhone } : {}) }
  return Object.keys(reading).length > 0 ? reading : null
}

function readName (text: string): string | undefined {
  const introduced = extractPersonName(text)
  if (introduced) return introduced
  const bare = text.replace(LABELS, ' ').replace(/\s+/gu, ' ').trim()
  if (bare === '' || NOT_A_NAME.test(bare) || NOT_NAME_WORDS.test(bare) || !NAME.test(bare)) return undefined
  return bare
}
