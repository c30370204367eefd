import { CHINESE_NUMERAL_CHARACTERS, ENGLISH_NUMBER_WORDS, parseNumberWord } from './chinese-numerals.ts'
import type { Age, AgeUnit } from './understanding-types.ts'

const NUMBER = `\\d{1,3}(?:\\.\\d)?|[${CHINESE_NUMERAL_CHARACTERS}]{1,4}|半`
const MONTHS_PER_UNIT: Record<AgeUnit, number> = { year: 12, month: 1, week: 12 / 52, day: 12 / 365 }

function age (value: number, unit: AgeUnit): Age {
  return { value, unit, months: Math.floor(value * MONTHS_PER_UNIT[unit]) }
}

const NEWBORN = /\bnew-?born\b|新生儿|刚出生|剛出生/iu

const YEARS_AND_MONTHS = new RegExp(`(?<![\\d.])(${NUMBER})\\s*(?:周)?岁(?:零|又)?(${NUMBER})\\s*(?:个|個)(?:多|半)?月`, 'u')

/** A child named right before an age in brackets or commas ("toddler (20 months)", "son, 9 months,"); extract-duration and the findings reader skip such ages. */
export const CHILD_TERMS_EN = 'son|daughter|grandson|granddaughter|baby|kid|child|toddler|boy|girl|twins?|little one'

type AgeRule = { pattern: RegExp, unit: AgeUnit, fixed?: number, less?: number }

// Order matters: the more specific infant wording is tried before plain years.
const AGE_RULES: AgeRule[] = [
  // 满月 is one month old; "不到三个月" is under three months (read as the month before).
  { pattern: /(?:刚)?满月(?:的)?(?:宝宝|孩子|婴儿|娃)?/u, unit: 'month', fixed: 1 },
  { pattern: new RegExp(`(?:不到|不满|还没满|没满)(${NUMBER})\\s*(?:个|個)月`, 'u'), unit: 'month', less: 1 },
  { pattern: new RegExp(`(?:出生|生下来|生了)(?:才|刚)?(${NUMBER})\\s*天`, 'u'), unit: 'day' },
  { pattern: new RegExp(`(?:出生|生下来|生了)(${NUMBER})\\s*(?:周|个?星期)`, 'u'), unit: 'week' },
  { pattern: new RegExp(`(?:出生|生下来)(${NUMBER})\\s*(?:个|個)月`, 'u'), unit: 'month' },
  { pattern: /\b(?:newborn|baby|infant)\s*\(?\s*(\d{1,2})\s*(?:weeks?|wks?)\b/iu, unit: 'week' },
  { pattern: /\b(?:newborn|baby|infant)\s*\(?\s*(\d{1,2})\s*days?\b/iu, unit: 'day' },
  { pattern: new RegExp(`(${NUMBER})\\s*(?:个|個)?(?:多|半)?月(?:大(?!便|小|概|约|部分|多)|的(?:宝宝|孩子|婴儿|小孩|女儿|儿子|男孩|女孩)|龄)`, 'u'), unit: 'month' },
  { pattern: new RegExp(`(?<!生完|生了|生下|带|喂)(?:宝宝|孩子|婴儿|小孩|女儿|儿子|闺女|新生儿|娃)(?:才|刚|今年|现在|已经)?(?:满)?(${NUMBER})\\s*(?:个|個)?(?:多|半)?月`, 'u'), unit: 'month' },
  // "宝宝110天，…": an age in days told right after the baby, closed by a comma.
  { pattern: new RegExp(`(?<!生完|生了|生下)(?:宝宝|婴儿|新生儿|娃)(?:才|刚|现在|已经)?(${NUMBER})\\s*天(?=[，,。\\s(（]|大(?!便))`, 'u'), unit: 'day' },
  { pattern: new RegExp(`(${NUMBER})\\s*周(?:大(?!便|小|概|约|部分|多)|的(?:宝宝|婴儿|新生儿))`, 'u'), unit: 'week' },
  { pattern: new RegExp(`(?:刚满|才满|满)(${NUMBER})\\s*(?:周|个?星期)(?!岁)`, 'u'), unit: 'week' },
  { pattern: new RegExp(`(?:宝宝|孩子|婴儿|娃)?(?:刚满|才满|满|刚)(${NUMBER})\\s*天`, 'u'), unit: 'day' },
  { pattern: new RegExp(`(${NUMBER})\\s*天(?:大(?!便|小|概|约|部分|多)|的(?:宝宝|婴儿|新生儿))`, 'u'), unit: 'day' },
  { pattern: new RegExp(`(?<![\\d.])(${NUMBER})\\s*(?:周)?岁(?:半)?`, 'u'), unit: 'year' },
  { pattern: new RegExp(`\\b(\\d{1,2}|${ENGLISH_NUMBER_WORDS})[\\s-]*(months?|mos?)[\\s-]*olds?\\b`, 'iu'), unit: 'month' },
  { pattern: new RegExp(`\\b(\\d{1,2}|${ENGLISH_NUMBER_WORDS})[\\s-]*(weeks?)[\\s-]*olds?\\b`, 'iu'), unit: 'week' },
  { pattern: new RegExp(`\\b(\\d{1,2}|${ENGLISH_NUMBER_WORDS})[\\s-]*(days?)[\\s-]*olds?\\b`, 'iu'), unit: 'day' },
  { pattern: new RegExp(`\\b(\\d{1,3}|${ENGLISH_NUMBER_WORDS})[\\s-]*(?:(?:years?|yrs?)[\\s-]*olds?|y/?o)\\b`, 'iu'), unit: 'year' },
  { pattern: /\b(?:is|was|turned|aged?|im|i'm|hes|he's|shes|she's|just)\s+(\d{1,2})\s*(?:months?|mos?)\b/iu, unit: 'month' },
  { pattern: /\b(?:is|are|was|turned|aged?|hes|he's|shes|she's|just)\s+(\d{1,2})\s*(?:weeks?|wks?)\b(?!\s*(?:pregnant|along|gone|ago|since|postpartum))/iu, unit: 'week' },
  { pattern: /\b(?:i'?m|i am|aged?|age:?|he'?s|she'?s|he is|she is)\s+(\d{1,3})\b(?!\s*(?:kg|lbs?|cm|%|\/|weeks?|wks?|days?|months?|mos?|hours|degrees|°|am|pm|minutes))/iu, unit: 'year' },
  { pattern: /\b(?:mother|father|mom|mum|mam|mummy|mommy|dad|daddy|grandmother|grandfather|grandma|grandpa|grandad|granddad|gran|granny|nan|nana|nanna|nanny|wife|husband|hubby|partner|son|daughter|brother|sister|aunt|auntie|uncle|baby|kid|child|patient)(?:s|\s+(?:is|was|turned|just turned|is now|is nearly))\s+(\d{1,3})\b(?!\s*(?:kg|lbs?|cm|%|\/|weeks?|wks?|days?|months?|mos?|hours|degrees|°|am|pm|minutes))/iu, unit: 'year' },
  // "Daughter (7) has…", "my mum (58)", "Son, 4, fever since…": the age in brackets or commas right after the person.
  { pattern: /\b(?:mother|father|mom|mum|mam|dad|grandmother|grandfather|grandma|grandpa|grandad|granddad|gran|granny|nan|nana|wife|husband|partner|son|daughter|stepson|stepdaughter|grandson|granddaughter|brother|sister|aunt|auntie|uncle|baby|kid|child|toddler|boy|girl|friend|flatmate|neighbour|neighbor)(?:[\s-]in[\s-]law)?\s*(?:\(\s*|,\s*)(\d{1,3})\s*(?:\)|,)/iu, unit: 'year' },
  // "Toddler (20 months)", "son, 9 months,": months or weeks in brackets or commas right after the person.
  { pattern: new RegExp(`\\b(?:${CHILD_TERMS_EN})\\s*(?:\\(\\s*|,\\s*)(\\d{1,2})\\s*(?:months?|mos?|m)\\s*(?:old\\s*)?(?:\\)|,)`, 'iu'), unit: 'month' },
  { pattern: new RegExp(`\\b(?:${CHILD_TERMS_EN})\\s*(?:\\(\\s*|,\\s*)(\\d{1,2})\\s*(?:weeks?|wks?|w)\\s*(?:old\\s*)?(?:\\)|,)`, 'iu'), unit: 'week' },
  // "我爸78了", "奶奶都九十多了": an older relative's age told without 岁.
  { pattern: new RegExp(`(?:爸|妈|爷爷|奶奶|外婆|外公|姥姥|姥爷|老人|老爷子|老太太|婆婆|公公|父亲|母亲|老公|老婆)(?:今年|已经|都|快)?(\\d{2,3}|[${CHINESE_NUMERAL_CHARACTERS}]{2,4})(?:多)?了`, 'u'), unit: 'year' },
  { pattern: /(?:^|[\s,(])([MF男女])\s*[,/，]?\s*(\d{1,3})(?:\s*[yY岁])?(?=$|[\s,)，。])/u, unit: 'year' },
  { pattern: /(?:年龄|年齡|age)\s*[:：]?\s*(\d{1,3})/iu, unit: 'year' }
]

function valueFrom (match: RegExpMatchArray): number | null {
  // The "M 45" form captures the sex first and the number second.
  const raw = /^[MF男女]$/u.test(match[1] ?? '') ? match[2] : match[1]
  if (raw === undefined) return null
  if (raw === '半') return 0.5
  return parseNumberWord(raw)
}

/** The patient's age: "I'm 45", "45岁", "my 2 year old", "孩子8个月" (age in months for infants). */
export function extractAge (text: string): Age | null {
  const newborn = NEWBORN.test(text)
  // "一岁两个月", "1岁3个月": years and months together.
  const compound = text.match(YEARS_AND_MONTHS)
  if (compound !== null) {
    const years = parseNumberWord(compound[1]!)
    const months = parseNumberWord(compound[2]!)
    if (years !== null && months !== null && years <= 18 && months < 12) return age(years * 12 + months, 'month')
  }
  for (const rule of AGE_RULES) {
    const match = text.match(rule.pattern)
    if (match === null) continue
    const value = rule.fixed ?? (rule.less === undefined ? valueFrom(match) : (valueFrom(match) ?? 0) - rule.less)
    const halfYear = rule.unit === 'year' && /岁半/u.test(match[0]) ? 0.5 : 0
    if (value !== null && value >= 0 && value <= 120) return age(value + halfYear, rule.unit)
  }
  // A newborn is under four weeks old by definition.
  return newborn ? age(0, 'week') : null
}

// 生孩子 / 要孩子 / 怀宝宝 are about having a baby, not about a child patient.
const CHILD_WORDS = /(?<![生要怀懷]|生完|生了|生下)(?:孩子|宝宝|寶寶)|小孩|儿子|兒子|女儿|女兒|婴儿|嬰兒|新生儿|幼儿|小儿|小兒|宝贝|娃|儿童|兒童|\bmy (son|daughter|baby|kid|child|toddler|newborn|infant|little one|boy|girl)\b|\b(baby|toddler|newborn|infant|kid|child)('s)?\b/iu

/** Whether the message is about a child ("孩子", "宝宝", "my son"); the age, when given, decides. */
export function mentionsChild (text: string): boolean {
  return CHILD_WORDS.test(text)
}
