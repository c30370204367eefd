import { normalizeText } from '../flows/guards/normalize-text.ts'
import { isNegated } from '../flows/guards/negation.ts'
import { splitClauses } from '../flows/guards/split-clauses.ts'
import { withoutBookingReferences } from '../flows/understanding/extract-booking-reference.ts'
import { CHILD_TERMS_EN } from '../flows/understanding/extract-age.ts'
import { extractDuration } from '../flows/understanding/extract-duration.ts'
import { parseNumberWord } from '../flows/understanding/chinese-numerals.ts'
import { extractSex } from '../flows/understanding/extract-sex.ts'
import type { ClinicalReading, ConceptDefinition, Finding, PatientContext } from './finding-types.ts'
import { identifyPatient, type IdentifiedPatient } from './identify-patient.ts'
import { readMeasurements } from './read-measurements.ts'
import { createChineseSegmenter, type ChineseSegmenter } from './segment-chinese.ts'
import { FINDING_CONCEPTS } from './lexicon/finding-concepts.ts'
import { HISTORICAL, HYPOTHETICAL, NEGATION_AFTER, OTHER_PERSON, RECURRENT, RESOLVED } from './lexicon/context-triggers.ts'
import { CONDITION_CUES, MEDICINE_CUES, NOT_PREGNANT, PREGNANT } from './lexicon/patient-background.ts'

/** `englishWords`: words one of which every English match contains (a cheap pre-check), or null when no such set is known. */
type CompiledConcept = { concept: ConceptDefinition, english: RegExp | null, chinese: RegExp | null, englishWords: string[] | null }

export type FindingExtractor = { read: (text: string) => ClinicalReading }

const englishAlternatives = (patterns: readonly string[]) => `\\b(?:${patterns.join('|')})\\b`
const anyOf = (patterns: readonly string[]) => `(?:${patterns.join('|')})`

// "还没停", "没好", "没退": a finding that has not stopped is affirmed, not denied.
const STILL_GOING = '(?:有)?(?:停|好|退|消|完|断|缓|减|醒|止)'
// "牙疼得一宿都没睡": a symptom that kept the patient awake is affirmed, not denied.
const KEPT_AWAKE = '(?:睡|合眼)'

const TRIGGERS = {
  historical: { en: new RegExp(englishAlternatives(HISTORICAL.en), 'u'), zh: new RegExp(anyOf(HISTORICAL.zh), 'u') },
  resolved: { en: new RegExp(englishAlternatives(RESOLVED.en), 'u'), zh: new RegExp(anyOf(RESOLVED.zh), 'u') },
  recurrent: { en: new RegExp(englishAlternatives(RECURRENT.en), 'u'), zh: new RegExp(anyOf(RECURRENT.zh), 'u') },
  hypothetical: { en: new RegExp(englishAlternatives(HYPOTHETICAL.en), 'u'), zh: new RegExp(anyOf(HYPOTHETICAL.zh), 'u') },
  otherPerson: { en: new RegExp(englishAlternatives(OTHER_PERSON.en), 'gu'), zh: new RegExp(anyOf(OTHER_PERSON.zh), 'gu') },
  negationAfter: { en: new RegExp(`^[\\s,:-]*${englishAlternatives(NEGATION_AFTER.en)}`, 'u'), zh: new RegExp(`^[,:]?(?:(?:和|、)?\\p{Script=Han}{1,4}(?=都|也))?(?:都|也)?${anyOf(NEGATION_AFTER.zh)}(?!${STILL_GOING}|${KEPT_AWAKE})`, 'u') }
}
// "Today", "now", "this time": a finding in such a segment is current even beside a past marker;
// so is one said never to have happened before ("以前从没这样过", "never had this before").
const CURRENT_MARKER = { en: /(?<![a-z])(?:now|today|tonight|this (?:morning|afternoon|evening|time|week)|since (?:yesterday|last night|this)|just now|right now|again|new|started|never (?:had|felt|experienced|been like) (?:this|it|that|anything like))(?![a-z])/u, zh: /现在|今天|今晚|今早|刚才|这次|这两天|这几天|最近|昨天|昨晚|前天|又|突然|开始|(?:以前|之前|过去|从前|从来)(?:从|都|也)?(?:没|未|不曾)/u }
const NEGATION_INSIDE = { en: /(?<![a-z])(?:not|no|never|isnt|arent|wasnt|werent|dont|doesnt|didnt|hasnt|havent|without)(?![a-z])/u, zh: new RegExp(`没(?!${STILL_GOING})|无(?!法|名)|不(?!停|止|住|了|下|断|行|得了)(?=\\S{0,3}(?:疼|痛|闷|肿|烧|喘|咳|痒|红|吐|晕|麻|紧|憋|出血|紫|压|勒|箍|堵|刺|硬|僵))`, 'u') }
const HAN = /\p{Script=Han}/u
// "脑出血后": a diagnosis or event named before 后 is the past event (a symptom before 后 is not: "腰疼以后尿不出来").
const PAST_EVENT_AFTER = /^(?:以后|之后|后)/u
const LATIN = /[a-z]{2}/u
// ConText-style scope: "not rolling around in agony" — a negation cue up to three words before the
// finding, with no terminating word between ("but", "and", "now", …); "not sure", "not only" are no negation.
const WINDOW_NEGATION = /(?:^|[^a-z])(?:no|not|never|without|isnt|arent|wasnt|werent|doesnt|dont|didnt|hasnt|havent|hadnt|denies) (?!sure|certain|only|just|even|able|long|much|too|quite|yet)(?:(?!but|and|which|who|because|though|although|however|then|now|so|as|since|while|when)[a-z]+ ){0,3}$/u
// "no back/side pain", "no cough / cold": a negated list joined by slashes.
const SLASH_LIST_NEGATION = /(?:^|[^a-z])(?:no|not|without|never)\s+(?:[a-z]+\s*\/\s*)+$/u

/** Compiles the lexicon once; `read` turns one message into findings with context and the patient's numbers. */
export function createFindingExtractor (concepts: readonly ConceptDefinition[] = FINDING_CONCEPTS): FindingExtractor {
  const compiled: CompiledConcept[] = concepts.map((concept) => ({
    concept,
    english: concept.en.length > 0 ? new RegExp(englishAlternatives(concept.en.map((pattern) => pattern.replaceAll(' ', ' ?'))), 'gu') : null,
    chinese: concept.zh.length > 0 ? new RegExp(anyOf(concept.zh), 'gu') : null,
    englishWords: requiredWords(concept.en)
  }))
  const segmenter = createChineseSegmenter(concepts.flatMap((concept) => concept.zh.filter((term) => /^\p{Script=Han}+$/u.test(term))))
  // The guard and triage read the same message in one turn: the last reading is kept.
  let last: { text: string, reading: ClinicalReading } | null = null
  return {
    read (text) {
      if (last?.text !== text) last = { text, reading: readMessage(text, compiled, segmenter) }
      return last.reading
    }
  }
}

function readMessage (raw: string, compiled: readonly CompiledConcept[], segmenter: ChineseSegmenter): ClinicalReading {
  const normalized = normalizeText(withoutBookingReferences(raw)).text
  const identified = identifyPatient(normalized)
  const clauses = splitClauses(normalized)
  const findings: Finding[] = []
  clauses.forEach((clause, index) => {
    if (LATIN.test(clause)) findings.push(...englishFindings(clause, index, compiled, identified))
    if (HAN.test(clause)) findings.push(...chineseFindings(compactChinese(clause), index, compiled, segmenter, identified))
  })
  resolvedInNextClause(clauses, findings)
  const patient = patientContext(normalized, identified)
  const measured = measuredFever(patient, findings)
  normalTemperatureIsNoFever(patient, findings)
  const current = [...findings, ...measured].filter((finding) => !finding.negated && !finding.hypothetical && !finding.historical && finding.experiencer === 'patient')
  return { findings: [...findings, ...measured], patient, current }
}

function englishFindings (clause: string, index: number, compiled: readonly CompiledConcept[], patient: IdentifiedPatient): Finding[] {
  const found: Finding[] = []
  for (const { concept, english, englishWords } of compiled) {
    if (!english || (englishWords && !englishWords.some((word) => clause.includes(word)))) continue
    for (const match of clause.matchAll(english)) {
      found.push(describe({ concept, subject: clause, start: match.index, text: match[0], clause: index, language: 'en', patient }))
    }
  }
  return found
}

// "拉肚子三天了 今天有血": a space between Chinese words is how many patients type a comma; it ends
// the segment (the scope of a time marker or a negation). Other spaces are dropped ("胸 痛").
function compactChinese (clause: string): string {
  return clause.replace(/(?<=\p{Script=Han}) (?=\p{Script=Han})/gu, ',').replace(/ /g, '')
}

function chineseFindings (compact: string, index: number, compiled: readonly CompiledConcept[], segmenter: ChineseSegmenter, patient: IdentifiedPatient): Finding[] {
  const starts = segmenter.wordStarts(compact)
  const found: Finding[] = []
  const ownAbsence = new Set<Finding>()
  for (const { concept, chinese } of compiled) {
    if (!chinese) continue
    for (const match of compact.matchAll(chinese)) {
      if (!starts.has(match.index)) continue
      const finding = describe({ concept, subject: compact, start: match.index, text: match[0], clause: index, language: 'zh', patient })
      found.push(finding)
      if (concept.intrinsicNegation && OWN_ABSENCE.test(match[0])) ownAbsence.add(finding)
    }
  }
  return carryChineseNegation(found, compact, ownAbsence)
}

type DescribeInput = { concept: ConceptDefinition, subject: string, start: number, text: string, clause: number, language: 'en' | 'zh', patient: IdentifiedPatient }

function describe ({ concept, subject, start, text, clause, language, patient }: DescribeInput): Finding {
  const end = start + text.length
  const segmentStart = subject.lastIndexOf(',', start - 1) + 1
  const nextComma = subject.indexOf(',', end)
  const segment = subject.slice(segmentStart, nextComma === -1 ? undefined : nextComma)
  const before = subject.slice(segmentStart, start)
  const after = subject.slice(end, nextComma === -1 ? undefined : nextComma)
  const rest = subject.slice(end)
  const negated = (!concept.intrinsicNegation && NEGATION_INSIDE[language].test(text)) ||
    isNegated(subject.slice(0, start)) || SLASH_LIST_NEGATION.test(subject.slice(0, start)) || (language === 'en' && WINDOW_NEGATION.test(before)) ||
    TRIGGERS.negationAfter[language].test(after)
  // "a stroke 5 years ago and now a cough": the time of each finding is read in its own part of the segment.
  const timeScope = timePart(segment, start - segmentStart, language)
  const current = CURRENT_MARKER[language].test(timeScope)
  return {
    concept: concept.id,
    kind: concept.kind,
    text,
    clause,
    start,
    negated,
    historical: !current && (TRIGGERS.historical[language].test(timeScope) || (language === 'zh' && concept.kind === 'modifier' && PAST_EVENT_AFTER.test(after))),
    resolved: TRIGGERS.resolved[language].test(rest),
    recurrent: TRIGGERS.recurrent[language].test(segment) || (language === 'zh' && TRIGGERS.recurrent.zh.test(shortNextSegment(subject, nextComma))) ||
      (language === 'en' && EPISODE_COUNT_EN.test(shortNextSegment(subject, nextComma, SHORT_SEGMENT_EN))),
    hypothetical: TRIGGERS.hypothetical[language].test(before),
    experiencer: !concept.doneByOthers && mentionsAnotherPerson(before, language, patient) ? 'other' : 'patient'
  }
}

const HOURS_PER = { day: 24, week: 24 * 7, month: 24 * 30 } as const
const UNIT_OF: Record<string, keyof typeof HOURS_PER> = { day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', 天: 'day', 周: 'week', 星期: 'week', 月: 'month' }
// "Since my mum died 4 weeks ago", "两个多月前走了以后": an event some time ago that the complaint started with.
const SINCE_ONSET = {
  en: /(?<![a-z])(?:since|ever since|started|began|begun|start(?:ed)? after)(?![a-z])[^.;!?]{0,60}?(?<![a-z])(\d{1,2}|a|one|two|three|four|five|six|seven|eight|a couple of|a few)\s+(days?|weeks?|months?)\s+ago/u,
  zh: /(\d{1,2}|[一二两三四五六七八九十几]{1,3})(?:个)?(?:多)?(天|周|星期|月)(?:前|以前|之前)[^。！？]{0,16}?(?:以后|之后|开始|起)/u
}

// "Concussion at hockey 5 weeks ago … she still gets headaches": an event some time ago that the complaint is still there from.
const STILL_SINCE_EN = /(?<![a-z])(\d{1,2}|a|one|two|three|four|five|six|seven|eight|a couple of|a few)\s+(days?|weeks?|months?)\s+ago(?![a-z])[^?!]{0,80}?(?<![a-z])still(?![a-z])/u

// "Day 15 today", "day 3 of a stomach bug": the patient counts the days of this illness.
const DAY_OF_ILLNESS_EN = /(?<![a-z])day (\d{1,2}) (?:today|now|of (?:a|an|the|this|my|his|her))(?![a-z])/u

function dayOfIllness (text: string): { hours: number } | null {
  const match = text.match(DAY_OF_ILLNESS_EN)
  return match ? { hours: Number(match[1]) * 24 } : null
}

function sinceOnset (text: string): { hours: number } | null {
  const match = text.match(SINCE_ONSET.en) ?? text.match(SINCE_ONSET.zh) ?? text.match(STILL_SINCE_EN)
  if (!match) return null
  const raw = match[1]!
  const count = raw === 'a' ? 1 : raw === 'a couple of' ? 2 : raw === 'a few' ? 3 : parseNumberWord(raw)
  const unit = UNIT_OF[match[2]!]
  return count === null || unit === undefined ? null : { hours: count * HOURS_PER[unit] }
}

const WEEKDAYS_EN = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const WEEKDAY_EN = `(${WEEKDAYS_EN.join('|')})`
const WEEKDAY_ZH = '(?:周|星期|礼拜)([日天一二三四五六])'
const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六']
// "since last Friday… today is Thursday", "from Saturday, now Tuesday", "上周五开始的…今天周四"
const SINCE_WEEKDAY = {
  en: new RegExp(`(?<![a-z])(?:since|from|started(?: on)?|began(?: on)?|every (?:single )?day since)\\s+(?:last\\s+)?${WEEKDAY_EN}`, 'u'),
  zh: new RegExp(`(?:从|打从|自)?(?:上)?${WEEKDAY_ZH}(?:开始|起|那天开始|就开始|到现在)`, 'u')
}
const TODAY_WEEKDAY = {
  en: new RegExp(`(?<![a-z])(?:today is|today being|its|it is|now its|now it is|and now)\\s+(?:a\\s+)?${WEEKDAY_EN}`, 'u'),
  zh: new RegExp(`(?:今天|今儿|现在)(?:是|都|已经)?${WEEKDAY_ZH}`, 'u')
}

/** Days between a weekday the complaint began and the weekday the message says it is now. */
function sinceWeekday (text: string): { hours: number } | null {
  for (const language of ['en', 'zh'] as const) {
    const start = text.match(SINCE_WEEKDAY[language])
    const today = text.match(TODAY_WEEKDAY[language])
    if (!start || !today) continue
    const index = (day: string) => language === 'en' ? WEEKDAYS_EN.indexOf(day) : WEEKDAYS_ZH.indexOf(day === '天' ? '日' : day)
    const days = (index(today[1]!) - index(start[1]!) + 7) % 7 || 7
    return { hours: days * 24 }
  }
  return null
}

function patientContext (normalized: string, identified: ReturnType<typeof identifyPatient>): PatientContext {
  const measurements = readMeasurements(normalized)
  const duration = dayOfIllness(normalized) ?? extractDuration(withoutAgesAndPast(normalized)) ?? sinceOnset(normalized) ?? sinceWeekday(normalized)
  const sex = statedSex(normalized) ?? extractSex(normalized) ?? partnerPronounSex(normalized, identified)
  const pregnant = PREGNANT.test(normalized) && !NOT_PREGNANT.test(normalized)
  return {
    relation: identified.relation,
    ...(identified.ageMonths !== undefined ? { ageMonths: identified.ageMonths } : {}),
    child: identified.child,
    ...(sex ? { sex } : {}),
    pregnant,
    ...measurements,
    ...(duration ? { durationHours: duration.hours } : {}),
    conditions: Object.entries(CONDITION_CUES).filter(([, pattern]) => mentionedForPatient(normalized, pattern, identified)).map(([name]) => name),
    medicines: Object.entries(MEDICINE_CUES).filter(([, pattern]) => mentionedForPatient(normalized, pattern, identified)).map(([name]) => name)
  }
}

// "3个月的宝宝", "a 6 week old", "5 years ago", "去年": ages and past events are not how long the complaint has lasted.
const AGE_OR_PAST = new RegExp([
  '(?:宝宝|孩子|婴儿|儿子|女儿|娃|小孩|闺女)(?:才|刚|今年|现在|已经)?满?[\\d一二两三四五六七八九十半]+(?:个)?(?:多|半)?(?:月|周|天|岁)(?:(?<=岁)(?:零|又)?[\\d一二两三四五六七八九十]+(?:个)?(?:多|半)?月)?(?:大)?',
  '[\\d一二两三四五六七八九十半]+(?:个)?多?(?:月|周|天)(?:大|的(?:宝宝|孩子|婴儿|新生儿))',
  '[\\d一二两三四五六七八九十]+岁(?:(?:零|又)?[\\d一二两三四五六七八九十]+(?:个)?(?:多|半)?月)?',
  `\\b(?:${CHILD_TERMS_EN}) ?[(,] ?\\d+ ?(?:months?|mos?|weeks?|wks?)\\b`,
  `\\b(?:${CHILD_TERMS_EN}) ?,? ?\\d+ ?(?:years?|yrs?)(?! ago)\\b`,
  '\\b\\d+ ?(?:week|month|year|day)s? old\\b',
  '\\b(?:\\d+|[a-z]+) (?:years?|months?|weeks?|days?) ago\\b',
  '[\\d一二两三四五六七八九十几]+年前',
  '\\(\\d{1,3}\\)',
  '\\b(?:times?|once|twice) (?:a|per|every) (?:year|month|week|day)\\b',
  '\\b(?:once|twice|\\d+ times?) in (?:\\d+|two|three|a few|a couple of) (?:months|years)\\b',
  // "I get them every few months", "they're normally gone in a week": how often, and the usual course, not this episode.
  '\\bevery (?:\\d+|two|three|four|six|few|couple of|other) (?:days|weeks|months|years)\\b',
  '\\b(?:usually|normally|typically|always) (?:[a-z]+ ){0,3}(?:gone|go|clear|clears|cleared|better|over|settle|settles|heal|heals|healed) (?:up )?(?:with)?in (?:a|an|one|two|three|a few|a couple of|\\d+) (?:days?|weeks?)\\b',
  // "off work 1-2 days every month": how often, not how long.
  '\\b(?:\\d+(?: ?- ?\\d+)?|one|two|three|a few|a couple of) days? (?:a|per|every|each) (?:week|month|year|cycle|period)\\b',
  // "back from a week in Spain", "holiday booked in 10 days", "his 2 year review": a trip, a date ahead, a named check.
  '\\b(?:back from|home from|spent) (?:a|an|one|two|three|\\d+) (?:days?|weeks?|fortnight|months?) (?:in|at|on|away)\\b',
  '\\b(?:booked|planned|due|arranged|scheduled|leaving|flying|going away) (?:\\w+ ){0,3}in (?:\\d+|a|two|three|a few) (?:days?|weeks?)\\b',
  '\\b\\d+ ?(?:week|month|year) (?:review|check|checkup|jabs?|vaccinations?|immuni[sz]ations?|appointment|birthday|assessment)\\b',
  '\\b(?:is|are|aged|turned) \\d{1,3}\\b(?: ?(?:weeks?|wks?|months?|days?)\\b)?',
  '(?:孕|怀孕)\\s*[\\d一二三四五六七八九十]+\\s*(?:周|个?星期|个?月)',
  '\\b\\d+ ?(?:weeks?|wks?) pregnant\\b',
  '\\b\\d+\\+\\d ?(?:weeks?|wks?)'
].join('|'), 'gu')

function withoutAgesAndPast (text: string): string {
  return text.replace(AGE_OR_PAST, ' ').replace(/\ball week\b/gu, '7 days').replace(/\b(?:the )?(?:last|past) (?:couple of|few|several) (days|weeks|months)\b/gu, '3 $1')
}

const EXPERIENCER_STOP = /(?<![a-z])(?:because|cos|but|so|when|while|since|though|although|who|which)(?![a-z])|因为|但是|可是|所以|然后/u

/** Another person than the patient named before the finding in its segment ("my sister has asthma"). */
function mentionsAnotherPerson (before: string, language: 'en' | 'zh', patient: IdentifiedPatient): boolean {
  // ConText termination: "he got his flatmate to pin a duvet up because daylight hurts" — the
  // flatmate's scope ends at "because".
  const scoped = before.split(EXPERIENCER_STOP).at(-1) ?? before
  for (const match of scoped.matchAll(TRIGGERS.otherPerson[language])) {
    if (!patient.term || !match[0].includes(patient.term)) return true
  }
  return false
}

/** A background condition counts when the patient has it: not negated, not another person's ("my brother has asthma"). */
function mentionedForPatient (text: string, pattern: RegExp, patient: IdentifiedPatient): boolean {
  for (const segment of text.split(/[,.;!?，。；！？\n]/u)) {
    const match = segment.match(pattern)
    if (match?.index === undefined) continue
    const before = segment.slice(0, match.index)
    const language = HAN.test(match[0]) ? 'zh' : 'en'
    if (isNegated(before) || mentionsAnotherPerson(before, language, patient)) continue
    return true
  }
  return false
}

const FEVER_FROM_CELSIUS = 37.8

/** A stated temperature of 37.8 °C or more is a fever finding even when the word is not used ("体温38.9"). */
function measuredFever (patient: PatientContext, findings: readonly Finding[]): Finding[] {
  if (patient.temperatureC === undefined || patient.temperatureC < FEVER_FROM_CELSIUS) return []
  if (findings.some((finding) => finding.concept === 'fever' && !finding.negated && !finding.historical && !finding.hypothetical && finding.experiencer === 'patient')) return []
  return [{ concept: 'fever', kind: 'symptom', text: `${patient.temperatureC}`, clause: -1, start: 0, negated: false, historical: false, resolved: false, recurrent: false, hypothetical: false, experiencer: 'patient' }]
}

// "Male, 47", "34F", "I'm a man": the writer's own description outranks relatives named later.
// "我老伴…他说": a spouse word that names no sex ("老伴", "爱人", "对象"); the Chinese pronoun used for them does.
const NEUTRAL_PARTNER_ZH = /^(?:老伴|爱人|对象|伴侣)$/u

function partnerPronounSex (text: string, patient: IdentifiedPatient): 'female' | 'male' | null {
  if (!patient.term || !NEUTRAL_PARTNER_ZH.test(patient.term)) return null
  const male = /(?<!其)他(?!们)/u.test(text)
  const female = /(?<!其)她(?!们)/u.test(text)
  return male === female ? null : male ? 'male' : 'female'
}

function statedSex (text: string): 'female' | 'male' | null {
  if (/^(?:[^a-z]*)(?:male\b|m\b|\d{1,2} ?m\b|im a (?:man|guy|bloke))|(?<![a-z])(?:\d{1,2} ?m|male, ?\d{1,2})(?![a-z])|^男|我是男/u.test(text)) return 'male'
  if (/^(?:[^a-z]*)(?:female\b|f\b|\d{1,2} ?f\b|im a (?:woman|girl|lady))|(?<![a-z])(?:\d{1,2} ?f|female, ?\d{1,2})(?![a-z])|^女|我是女/u.test(text)) return 'female'
  return null
}

// "My heart started racing and I felt faint. It stopped after 10 minutes" ("Lasted 5 mins then
// stopped"): a next sentence that opens by saying the episode is over resolves the symptoms of the sentence before it.
const RESOLVED_OPENER = /^(?:and |but |then )?(?:(?:it|its|it has|that|this|they|everything|all of it)(?: all| completely| totally| fully| now)? (?:stopped|passed|settled|went away|eased(?: off)?|calmed down|wore off|subsided)|(?:every one|each one|each time|every time|they all|they always|it always|they usually|it usually) (?:passes|pass|settles|settle|stops|stop|goes away|go away|wears off|calms down|eases)|(?:it |that |this )?lasted [a-z0-9 ]{1,25}(?:then|and|before) (?:it )?(?:just )?(?:stopped|passed|settled|went away|eased|calmed down|wore off))(?![a-z])/u

// "...couldn't catch my breath. Took my inhaler and it settled after 10 minutes": the episode ends
// inside the next sentence; a sentence that only gives how long it lasted may come between.
const RESOLVED_IN_NEXT = /(?:^|[^a-z])(?:and|then|until|till) (?:it|that|this|they|everything)(?: all)? (?:settled|passed|stopped|went away|eased(?: off)?|calmed down|wore off|subsided|was gone|had gone|was over|had passed)(?![a-z])|(?:分钟|一会儿?|一阵|一刻钟)(?:就|也就|才|才慢慢|慢慢)?(?:过去了|好了|缓过来了?|平复了?|停了)|^(?:现在|后来|然后|过了?[^，,]{0,6}(?:分钟|会儿|会|一刻钟))(?:[^，,]{0,6})(?:好了|没事了|正常了|停了|停下来了|慢下来了|缓过来了?|恢复了|舒服多了)/u
const EPISODE_GOES_ON = /(?:^|[^a-z])(?:still|not stopped|hasnt stopped|has not stopped|keeps going)(?![a-z])|还在|还没(?:停|好)|没停|又来了/u
const DURATION_ONLY = /^(?:it |that |this )?(?:lasted|went on|持续了?|大概持续了?|前后)(?:[^,，]{0,25})(?:seconds|secs|minutes|mins|秒|分钟|一刻钟)(?: or so| maybe| roughly| tops| at most| max|左右)?$/u

function resolvedInNextClause (clauses: readonly string[], findings: Finding[]): void {
  const endsEpisode = (clause: string | undefined) => clause !== undefined && (RESOLVED_OPENER.test(clause) || RESOLVED_IN_NEXT.test(clause))
  for (const finding of findings) {
    if (finding.kind !== 'symptom') continue
    const next = clauses[finding.clause + 1]
    // "It lasted about 10 minutes" says the episode is over, unless the sentence after says it goes on.
    if (endsEpisode(next) || (next !== undefined && DURATION_ONLY.test(next) && !EPISODE_GOES_ON.test(clauses[finding.clause + 2] ?? ''))) finding.resolved = true
  }
}

// "没有恶心呕吐": a symptom right after a negated one, with nothing or only 和/或/、 between, is negated too.
// "拍他脸一点反应都没有": a finding that states an absence in its own words (反应都没有) is what negated
// the word before it, not another item of a denied list, so the negation is not carried into it.
const OWN_ABSENCE = /[没不无]/u

function carryChineseNegation (findings: Finding[], compact: string, ownAbsence: ReadonlySet<Finding>): Finding[] {
  const ordered = [...findings].sort((first, second) => first.start - second.start)
  for (const finding of ordered) {
    if (finding.negated || ownAbsence.has(finding)) continue
    const carried = ordered.some((other) => {
      const end = other.start + other.text.length
      return other.negated && end <= finding.start && /^[和或、也]?$/u.test(compact.slice(end, finding.start))
    })
    if (carried) finding.negated = true
  }
  return findings
}

const TEMPERATURE_WORD = /^(?:temp|temperature|体温|腋温|耳温)/u

/** "Temp 37.6": a temperature word with a normal reading is not a fever. */
function normalTemperatureIsNoFever (patient: PatientContext, findings: Finding[]): void {
  if (patient.temperatureC === undefined || patient.temperatureC >= FEVER_FROM_CELSIUS) return
  for (const finding of findings) if (finding.concept === 'fever' && TEMPERATURE_WORD.test(finding.text)) finding.negated = true
}

const TIME_BREAK = { en: /(?<![a-z])(?:and|but|then) (?=now|today|tonight|this (?:morning|afternoon|evening|week|time)|since)/gu, zh: /(?=现在|这次|今天|今晚|这两天)/gu }

/** The part of a segment, between "and now"/"现在"-style breaks, that holds the finding at `offset`. */
function timePart (segment: string, offset: number, language: 'en' | 'zh'): string {
  let start = 0
  let end = segment.length
  for (const match of segment.matchAll(TIME_BREAK[language])) {
    if (match.index <= offset) start = match.index
    else if (match.index < end) { end = match.index; break }
  }
  return segment.slice(start, end)
}

/**
 * For each alternative, its longest plain word outside any group or quantifier ("chest" in
 * "chest ${W(3)}pain"); a clause without any of them cannot match, so the regex is skipped. Null
 * when some alternative has no such word (the regex then always runs).
 */
function requiredWords (patterns: readonly string[]): string[] | null {
  const words: string[] = []
  for (const pattern of patterns) {
    const word = longestLiteralWord(pattern)
    if (!word) return null
    words.push(word)
  }
  return words
}

function longestLiteralWord (pattern: string): string | null {
  let best = ''
  let depth = 0
  let run = ''
  const flush = (optional: boolean) => {
    const kept = optional ? run.slice(0, -1) : run
    for (const word of kept.split(' ')) if (word.length > best.length) best = word
    run = ''
  }
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!
    if (char === '\\') { flush(false); index++; continue }
    if (char === '(' || char === '[') { flush(false); depth++; continue }
    if (char === ')' || char === ']') { depth = Math.max(0, depth - 1); run = ''; continue }
    if (char === '?' || char === '*' || char === '{') { flush(true); continue }
    if (depth === 0 && /[a-z ]/u.test(char)) run += char
    else flush(false)
  }
  flush(false)
  return best.length >= 3 ? best : null
}

// "胸口疼，时好时坏": a short segment right after a finding, with no room for another symptom, qualifies it.
const SHORT_SEGMENT = 8
// "Thrush again, that's the 4th time since March": an episode count told right after the finding.
const SHORT_SEGMENT_EN = 40
const EPISODE_COUNT_EN = /(?<![a-z])(?:(?:third|fourth|fifth|sixth|3rd|4th|5th|6th) time|(?:[3-9]|three|four|five|six) times) (?:since|this|in)(?![a-z])/u

function shortNextSegment (subject: string, nextComma: number, maxLength = SHORT_SEGMENT): string {
  if (nextComma === -1) return ''
  const end = subject.indexOf(',', nextComma + 1)
  const segment = subject.slice(nextComma + 1, end === -1 ? undefined : end)
  return segment.length <= maxLength ? segment : ''
}
