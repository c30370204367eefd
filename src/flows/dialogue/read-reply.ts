import { extractBookingReference, withoutBookingReferences } from '../understanding/extract-booking-reference.ts'
import { extractPhoneNumber } from '../understanding/extract-phone-number.ts'
import { extractDepartmentMention } from '../understanding/extract-department-mention.ts'
import type { PendingOffer, PendingQuestion, ReplyAnswer } from './pending-question.ts'
import { readChoice } from './read-choice.ts'
import { readContact } from './read-contact.ts'
import { readDate } from './read-date.ts'
import { readDepartment } from './read-department.ts'
import { readYesNo } from './read-yes-no.ts'

export type ReadContext = { now: Date, timezone: string }

// "none of these", "any other times?", "没有合适的": the offered options are turned down.
const NONE_OF_THESE = /none of (?:these|those|them)|neither|other (?:times?|days?|options?)|something else|different (?:time|day)|later (?:time|day)|都不行|都不合适|没有合适|其他时间|别的时间|换个时间|换一天|别的日子/iu

const CLINIC_QUESTION = /\b(?:open|opening|close|closing|closed|hours|address|parking|park)\b|开门|关门|营业|下班|地址|在哪|停车/iu

/**
 * Reads a reply against the question the bot just asked, before any global extractor: by value,
 * ordinal, typed time or label, yes/no words, a date, in Chinese or English. null when the reply
 * does not answer it (a new request, a question), so the usual understanding takes over.
 */
export function readReply (question: PendingQuestion | PendingOffer, text: string, context: ReadContext): ReplyAnswer | null {
  // "are you open on Saturday?" names a day but asks about the clinic: it answers no question of ours.
  if ((question.kind === 'date' || question.kind === 'choice') && CLINIC_QUESTION.test(text)) return null
  switch (question.kind) {
    case 'choice': return readChoiceAnswer(question.options, text, context)
    case 'yes_no': return readYesNo(text)
    case 'contact': {
      const declined = readDeclined(text)
      if (declined) return declined
      const contact = readContact(text, question.wants)
      // "actually make it Thursday" / "改成周四吧" at the name question is a correction, not a name.
      const correction = contact?.phone ? null : readCorrection(text, context)
      if (correction) return correction
      return contact ? { kind: 'contact', ...contact } : readDeclined(text)
    }
    case 'reference': {
      const reference = extractBookingReference(text)
      const phone = extractPhoneNumber(withoutBookingReferences(text))
      if (reference) return { kind: 'reference', reference, ...(phone ? { phone } : {}) }
      return phone ? { kind: 'contact', phone } : readDeclined(text)
    }
    case 'date': {
      const picked = question.options ? readChoice(text, question.options) : null
      if (picked) return { kind: 'date', date: picked.id, spanDays: 1, partOfDay: null, time: null }
      const date = readDate(text, context)
      if (date) return { kind: 'date', ...date }
      const department = extractDepartmentMention(text)
      if (department) return { kind: 'department', code: department }
      const yesNo = readYesNo(text)
      if (yesNo?.kind === 'unknown' || yesNo?.kind === 'yes') return { kind: 'date', date: null, spanDays: 14, partOfDay: null, time: null }
      return yesNo
    }
    case 'department': {
      const code = readDepartment(text)
      if (code) return { kind: 'department', code }
      const yesNo = readYesNo(text)
      return yesNo?.kind === 'unknown' ? { kind: 'department', code: 'general_medicine' } : yesNo
    }
    case 'amount': {
      // "800", "the bill is 1,200", "一共3000元": the one amount in the reply; anything else is no answer.
      const amounts = [...text.matchAll(/(?<![\d.])(\d[\d,]*(?:\.\d+)?)(?![\d.,]*\s*(?:%|％))/gu)].map((match) => Number(match[1]!.replaceAll(',', '')))
      return amounts.length === 1 && amounts[0]! > 0 ? { kind: 'amount', amount: amounts[0]! } : readDeclined(text)
    }
    case 'free': return { kind: 'free', text }
  }
}

function readChoiceAnswer (options: Array<{ id: string, label: string, start?: string }>, text: string, context: ReadContext): ReplyAnswer | null {
  const picked = readChoice(text, options)
  if (picked) return { kind: 'choice', id: picked.id }
  const correction = readCorrection(text, context)
  if (correction) return correction
  if (NONE_OF_THESE.test(text)) return { kind: 'no', done: false }
  const yesNo = readYesNo(text)
  if (yesNo?.kind === 'yes' && options.length === 1) return { kind: 'choice', id: options[0]!.id }
  return yesNo?.kind === 'no' ? yesNo : null
}

function readCorrection (text: string, context: ReadContext): ReplyAnswer | null {
  const date = readDate(text, context)
  if (date) return { kind: 'date', ...date }
  const department = extractDepartmentMention(text)
  return department ? { kind: 'department', code: department } : null
}

function readDeclined (text: string): ReplyAnswer | null {
  const yesNo = readYesNo(text)
  return yesNo?.kind === 'no' ? yesNo : null
}
