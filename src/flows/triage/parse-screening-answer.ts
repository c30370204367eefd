import { extractAge } from '../understanding/extract-age.ts'
import { extractDuration } from '../understanding/extract-duration.ts'
import { extractSeverity } from '../understanding/extract-severity.ts'
import { SCREENING_QUESTIONS } from './complaint-screening.ts'
import type { ScreeningAnswer, ScreeningQuestionId } from './triage-types.ts'

// Checked first: "不知道" contains 不 and "not sure" contains not.
const UNKNOWN = /不知道|不清楚|不确定|说不好|说不清|不好说|不晓得|搞不清|没注意|^(可能|也许|大概)|\b(i )?(don'?t|do not|dont) know\b|\bnot sure\b|\bunsure\b|\bno idea\b|\bdunno\b|\bmaybe\b|\bperhaps\b|\bcan'?t tell\b|\bnot certain\b|\bidk\b/iu
const NO = /^(不是|不|没有|没|无|否|都没有|没有的|不会|不用|还好|没呢)|^(no|nope|nah|n|not really|none|never|neither|negative)\b|\b(i'?m not|it'?s not|he'?s not|she'?s not|isn'?t|doesn'?t|don'?t|didn'?t|hasn'?t|haven'?t|no,)\b/iu
const YES = /^(是|是的|对|对的|嗯|有|有的|会|确实|没错|好像是|好像有|yes)|\b(yes|yeah|yep|yup|y|sure|correct|right|definitely|absolutely|indeed|i am|i do|it is|it does|he is|she is|he does|she does|it did|true)\b/iu

/** A plain yes / no / don't-know reply in Chinese or English; null when it is neither. */
export function parseYesNo (text: string): ScreeningAnswer | null {
  const trimmed = text.trim().toLowerCase()
  if (UNKNOWN.test(trimmed)) return 'unknown'
  if (NO.test(trimmed)) return 'no'
  if (YES.test(trimmed)) return 'yes'
  return null
}

const INFANT_LIMIT_MONTHS = 3
const ELDERLY_YEARS = 65
const SEVERE_SCORE = 8
const LONG_DURATION_HOURS = 14 * 24

function numberOnly (text: string): number | null {
  const match = text.trim().match(/^(\d{1,3})(?:\s*(?:\/\s*10|分))?\s*[。.!]?$/u)
  return match === null ? null : Number(match[1])
}

function parseChildAge (text: string): ScreeningAnswer | null {
  const age = extractAge(text) ?? extractAge(`${text}大`)
  if (age !== null) return age.months < INFANT_LIMIT_MONTHS ? 'yes' : 'no'
  const weeks = text.match(/(\d{1,2})\s*(?:周|weeks?)/iu)
  if (weeks !== null) return Number(weeks[1]) < 13 ? 'yes' : 'no'
  return null
}

function parseAgeGroup (text: string): ScreeningAnswer | null {
  const age = extractAge(text)
  if (age !== null) return age.months >= ELDERLY_YEARS * 12 ? 'yes' : 'no'
  const bare = numberOnly(text)
  return bare === null ? null : bare >= ELDERLY_YEARS ? 'yes' : 'no'
}

function parseSeverity (text: string): ScreeningAnswer | null {
  const bare = numberOnly(text)
  if (bare !== null && bare <= 10) return bare >= SEVERE_SCORE ? 'yes' : 'no'
  const severity = extractSeverity(text)
  return severity === null ? null : severity.value >= SEVERE_SCORE ? 'yes' : 'no'
}

function parseDurationAnswer (text: string): ScreeningAnswer | null {
  const duration = extractDuration(text)
  return duration === null ? null : duration.hours > LONG_DURATION_HOURS ? 'yes' : 'no'
}

// Child drinking and wetting: what the reply says about it decides before a bare yes or no, and a
// worrying detail wins over a reassuring one ("喝水还行，但尿很少"). Recorded "yes" is the finding.
const DRINKING_WETTING_FINDING = new RegExp([
  '不(?:怎么|太|肯|愿意?|想|爱)?喝', '喝不(?:下|进)', '没(?:怎么|有)?喝', '拒(?:绝)?喝', '喝[^,，。]{0,4}(?<!不)少',
  '尿[^,，。]{0,4}(?<!不)少', '(?:没|没有|不)(?:怎么|太)?(?:尿|小便|尿尿|撒尿)', '尿(?:布|不湿|片)[^,，。]{0,4}干', '不正常', '不一样',
  "\\b(?:not|isn'?t|won'?t|doesn'?t|hasn'?t|haven'?t|didn'?t|refus\\w*|barely|hardly|stopped|will not|does not|has not)\\s+(?:\\w+\\s+){0,2}(?:drink\\w*|feed\\w*|wee\\w*|pee\\w*|wet|urinat\\w*)",
  '\\b(?:dry|fewer|no|not many|less|hardly any|barely any) (?:wet )?(?:nappies|nappy|diapers?|wees|pees)\\b',
  '\\b(?:nappy|nappies|diapers?)\\b[^.,;]{0,24}\\bdry\\b',
  '\\bdrinking (?:\\w+ )?less\\b',
  '\\bnot (?:\\w+ )?(?:normal(?:ly)?|as usual|the same)\\b'
].join('|'), 'iu')
const DRINKING_WETTING_NORMAL = /正常|和平时一样|跟平时一样|跟以前一样|和以前一样|差不多|挺好|还好|还行|挺多|不少|都有|\b(?:normal(?:ly)?|as usual|fine|well|ok(?:ay)?|plenty|lots|same as (?:always|usual|before))\b/iu

function parseDrinkingWetting (text: string): ScreeningAnswer | null {
  const plain = text.replace(/[’‘]/gu, "'")
  if (DRINKING_WETTING_FINDING.test(plain)) return 'yes'
  if (DRINKING_WETTING_NORMAL.test(plain)) return 'no'
  return null
}

const invert = (answer: ScreeningAnswer): ScreeningAnswer => answer === 'yes' ? 'no' : answer === 'no' ? 'yes' : answer

// Questions whose reply is often a value ("5个月", "7/10", "3 weeks") rather than yes or no.
const VALUE_PARSERS: Partial<Record<ScreeningQuestionId, (text: string) => ScreeningAnswer | null>> = {
  child_age_months: parseChildAge,
  age_group: parseAgeGroup,
  severity: parseSeverity,
  duration: parseDurationAnswer,
  child_drinking_wetting: parseDrinkingWetting
}

/**
 * Reads the patient's reply to one screening question as yes / no / unknown ("I don't know",
 * "不知道", "不清楚" are unknown). "yes" is always the finding (complaint-screening.ts): for a question
 * asked as "is everything normal?" the patient's plain yes is recorded as "no". Returns null when the
 * reply answers nothing, so the caller can ask again.
 */
export function parseScreeningAnswer (questionId: ScreeningQuestionId, text: string): ScreeningAnswer | null {
  const value = VALUE_PARSERS[questionId]?.(text) ?? null
  // A worrying detail counts even beside "not sure" ("不知道，尿好像很少").
  if (value === 'yes' && SCREENING_QUESTIONS[questionId].askedAsNormal) return value
  const yesNo = parseYesNo(text)
  if (yesNo === 'unknown') return yesNo
  if (value !== null) return value
  return yesNo !== null && SCREENING_QUESTIONS[questionId].askedAsNormal ? invert(yesNo) : yesNo
}
