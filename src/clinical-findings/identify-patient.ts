import { extractAge, mentionsChild } from '../flows/understanding/extract-age.ts'
import type { PatientRelation } from './finding-types.ts'

// Who the message is about: the first person named near its start ("My mum (76)…", "Daughter (7)
// has…", "我儿子…", "posting for my flatmate's brother"); otherwise the writer.
const CHILD_EN = /(?:^|\b(?:my|our|his|her|the) )(?:\d+ (?:week|month|year|day)s? old |little |baby |eldest |youngest |newborn |toddler )?(?:son|daughter|baby|kid|child|toddler|newborn|infant|little one|boy|girl|grandson|granddaughter|lo)\b|\b\d+ ?(?:week|month|day)s? old\b|\b(?:baby|toddler|newborn|infant)\b/u
const ADULT_EN = /(?:^|\b(?:my|our) )(?:mum|mom|mother|dad|father|husband|wife|partner|boyfriend|girlfriend|grandad|grandpa|grandma|nan|nana|granny|grandmother|grandfather|brother|sister|aunt|uncle|friend|flatmate|roommate|housemate|colleague|neighbour|neighbor|fiance|fiancee|mother in law|father in law|elderly)\b/u
const CHILD_ZH = /(?<![生要怀]|生完|生了|生下)(?:孩子|宝宝)|小孩|儿子|女儿|婴儿|新生儿|闺女|娃|孙子|孙女|外孙/u
const ADULT_ZH = /(?:我|俺)?(?:妈|爸|老公|老婆|老伴|丈夫|妻子|爱人|奶奶|爷爷|外婆|外公|姥姥|姥爷|婆婆|公公|老人|哥|姐|弟|妹|朋友|室友|同事|对象|男朋友|女朋友|家里老人|老爸|老妈|母亲|父亲)/u
const SELF_START = /^(?:hi|hello|hey|doctor|dr|please|help|urgent|ok|so|um|sorry)?[\s,!.]*(?:(?:i|im|i am|ive)(?![a-z])|my (?:left|right|chest|head|back|stomach|tummy|throat|eye|ear|skin|leg|arm|knee|foot)|我(?!(?:妈|爸|老公|老婆|老伴|家|儿子|女儿|孩子|宝宝|奶奶|爷爷|外婆|外公|室友|朋友|同事|哥|姐|弟|妹)))/u

const WINDOW = { en: 80, zh: 24 }
const FIRST_PERSON = /\b(?:i (?:[a-z]+ )?(?:have|feel|got|get|keep|woke|am)|ive got|ive had|im|i think i|me)\b|我(?!妈|爸|老公|老婆|老伴|家|儿子|女儿|孩子|宝宝|奶奶|爷爷|外婆|外公|室友|朋友|同事|哥|姐|弟|妹|爱人|丈夫|妻子|婆婆|公公|姥)/u
const THIRD_PERSON = /\b(?:he|she|his|her|him|hes|shes)\b|他|她/u

export type IdentifiedPatient = { relation: PatientRelation, ageMonths?: number, child: boolean, /** The words naming the patient ("nan", "妈"), never "another person". */ term?: string }

/** The patient of a message (writer, a child, an adult relative) with the age the message gives. */
export function identifyPatient (normalized: string): IdentifiedPatient {
  const head = normalized.slice(0, /[\u4e00-\u9fff]/u.test(normalized.slice(0, 20)) ? WINDOW.zh : WINDOW.en)
  const age = extractAge(normalized)
  const ageMonths = age ? age.months : undefined
  const { relation, term } = relationOf(head, normalized)
  const childWord = relation === 'child' || (relation === 'self' ? false : mentionsChild(head))
  const child = ageMonths !== undefined ? ageMonths < 16 * 12 : childWord
  return { relation: relation === 'self' && child ? 'child' : relation, ...(ageMonths !== undefined ? { ageMonths } : {}), child, ...(term ? { term } : {}) }
}

function relationOf (head: string, whole: string): { relation: PatientRelation, term?: string } {
  if (SELF_START.test(head)) return { relation: 'self' }
  const candidates: Array<{ relation: PatientRelation, index: number, term: string }> = []
  for (const [relation, pattern] of [['child', CHILD_EN], ['adult_relative', ADULT_EN], ['child', CHILD_ZH], ['adult_relative', ADULT_ZH]] as const) {
    const match = head.match(pattern)
    if (match?.index !== undefined) candidates.push({ relation, index: match.index, term: match[0].replace(/^(?:my|our|his|her|the|我|俺) ?/u, '') })
  }
  if (candidates.length === 0) return { relation: mentionsChild(whole) && !/\b(?:i|im|ive)\b|我/u.test(head) && !FIRST_PERSON.test(whole) ? 'child' : 'self' }
  // "My sister has asthma but I have a cough": the writer is the patient when no one else is "he" or "she".
  if (FIRST_PERSON.test(whole) && !THIRD_PERSON.test(whole)) return { relation: 'self' }
  candidates.sort((first, second) => first.index - second.index)
  const { relation, term } = candidates[0]!
  return { relation, term }
}
