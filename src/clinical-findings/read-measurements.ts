import { CHINESE_NUMERAL_CHARACTERS, parseNumberWord } from '../flows/understanding/chinese-numerals.ts'

/** Numbers a message gives; absent when not stated. */
export type Measurements = {
  temperatureC?: number
  oxygenSaturation?: number
  heartRate?: number
  systolic?: number
  glucoseMmol?: number
  ketonesMmol?: number
  /** Minutes a bleed, a fit or a pain has lasted, when stated in minutes. */
  minutes?: number
  /** Tablets swallowed at once, when stated. */
  tabletCount?: number
  pregnancyWeeks?: number
  /** The share of a baby's usual feed now taken, when both amounts are given ("3oz of her 7oz"). */
  feedFraction?: number
  /** Hours since the last wee or wet nappy, from two clock times ("dry since 6am… it's now 3pm"). */
  hoursWithoutUrine?: number
  /** Puffs of a reliever inhaler taken for this attack ("done 10 puffs", "万托林喷了十来下"). */
  relieverPuffs?: number
}

const CN = `[${CHINESE_NUMERAL_CHARACTERS}]`

// Temperatures: "38.6", "39.2c", "102f", "39度2", "三十九度", "体温38", "烧到39".
const TEMPERATURE_PATTERNS: Array<{ pattern: RegExp, read: (match: RegExpMatchArray) => number | null }> = [
  { pattern: /(?<![\d.])(3[5-9]|4[0-2])(?:\.(\d))? ?(?:°|degrees?|deg\b|c\b|℃)/gu, read: (m) => Number(`${m[1]}.${m[2] ?? 0}`) },
  { pattern: /(?<![\d.])(3[5-9]|4[0-2])度(\d|[一二三四五六七八九])?/gu, read: (m) => Number(m[1]) + (m[2] ? (parseNumberWord(m[2]) ?? 0) / 10 : 0) },
  { pattern: new RegExp(`(三十[五六七八九]|四十[一二]?)度(${CN})?`, 'gu'), read: (m) => (parseNumberWord(m[1]!) ?? 0) + (m[2] ? (parseNumberWord(m[2]) ?? 0) / 10 : 0) },
  { pattern: /(?:temp(?:erature)?|fever|体温|腋温|肛温|耳温|额温|口温|烧到|烧了?|发烧|高烧|低烧|量了?|reading|was|of|at|hit|went up to|up to)\s*(?:is|was|of|at|about|around|reached|to|:)?\s*(3[5-9]|4[0-2])(?:\.(\d))?(?!\d|\.\d|\s*(?:kg|years?|weeks?|days?|%|mins?|minutes?|岁|周|天|公斤|斤))/gu, read: (m) => Number(`${m[1]}.${m[2] ?? 0}`) },
  // A bare one-decimal number from 35.0 to 42.9 in a health message is a temperature ("it says 38.3").
  { pattern: /(?<![\d./])(3[5-9]|4[0-2])\.(\d)(?!\d|\.\d|\/|\s*(?:kg|%|mmol|cm|mm|weeks?|周|公斤|斤))/gu, read: (m) => Number(`${m[1]}.${m[2]}`) },
  { pattern: /(?<![\d.])(9[7-9]|10[0-7])(?:\.(\d))? ?(?:°f|f\b|fahrenheit)/gu, read: (m) => Math.round(((Number(`${m[1]}.${m[2] ?? 0}`) - 32) * 5 / 9) * 10) / 10 }
]

function highest (text: string, patterns: typeof TEMPERATURE_PATTERNS): number | undefined {
  let best: number | undefined
  for (const { pattern, read } of patterns) {
    for (const match of text.matchAll(pattern)) {
      const value = read(match)
      if (value !== null && value >= 35 && value <= 43 && (best === undefined || value > best)) best = value
    }
  }
  return best
}

function firstNumber (text: string, pattern: RegExp, bounds: [number, number]): number | undefined {
  for (const match of text.matchAll(pattern)) {
    const value = Number(match[1])
    if (Number.isFinite(value) && value >= bounds[0] && value <= bounds[1]) return value
  }
  return undefined
}

const TABLETS_EN = /(?:took|taken|swallowed|had|downed|ate)\s+(?:about |around |nearly |maybe |like |roughly |over |at least )?(\d{1,3}|[a-z]+(?:[ -][a-z]+)?)\s+(?:\w+\s+){0,2}(?:tablets|pills|paracetamol|capsules|ibuprofen|sleeping pills|co ?codamol|aspirin|of (?:his|her|my|their|the) (?:tablets|pills))/gu
// A count with no verb right before it, when the time it was taken over follows ("about 14 paracetamol tablets since last night").
const TABLETS_SINCE_EN = /(?<![\d.a-z])(\d{1,3}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[ -][a-z]+)?|thirty(?:[ -][a-z]+)?|forty|fifty)\s+(?:\w+\s+){0,2}(?:tablets|pills|capsules)\s+(?:since|in the (?:last|past)|over the (?:last|past)|today|yesterday|overnight|in (?:one|a|24) (?:day|go|hours?))/gu
const TABLETS_ZH = new RegExp(`(?:吃了|吞了|服了|喝了|一共|总共|加起来|算下来)(?:差不多|大概|大约|将近|快)?(\\d{1,3}|十几|${CN}{1,3}|好几十|几十)(?:多)?(?:片|粒|颗)`, 'gu')

/** The largest count any of the patterns captures (group 1), vague words read by `vague`, at most `max`. */
function largestCount (text: string, patterns: readonly RegExp[], vague: Record<string, number>, max = Number.POSITIVE_INFINITY): number | undefined {
  let best: number | undefined
  for (const match of patterns.flatMap((pattern) => [...text.matchAll(pattern)])) {
    const raw = match[1] ?? ''
    const value = vague[raw] ?? parseNumberWord(raw)
    if (value !== null && value <= max && (best === undefined || value > best)) best = value
  }
  return best
}

function tabletCount (text: string): number | undefined {
  // "十几片" at least 11, "几十片" about 20.
  return largestCount(text, [TABLETS_EN, TABLETS_SINCE_EN, TABLETS_ZH], { 几十: 20, 好几十: 20, 十几: 11 })
}

/** Numbers a patient gives: temperature, oxygen, pulse, blood pressure, sugar, ketones, minutes, tablets, weeks pregnant, feeds. */
export function readMeasurements (text: string): Measurements {
  const found: Measurements = {}
  const temperature = highest(text, TEMPERATURE_PATTERNS)
  if (temperature !== undefined) found.temperatureC = temperature
  const oxygen = firstNumber(text, /(?:oxygen|o2|sats?|saturation|spo2|血氧(?:饱和度)?|oximeter|血氧仪)(?:\s+[a-z]+){0,2}?\s*(?:level|levels|reading|is|was|of|at|says|said|reads|shows|showed|只有|才|:)?\s*(?:is |was |at |of )?(\d{2})\s*%?/gu, [50, 100])
  if (oxygen !== undefined) found.oxygenSaturation = oxygen
  const pulse = firstNumber(text, /(?:heart ?rate|pulse|hr|bpm|心率|脉搏|心跳)\s*(?:is|was|of|at|up to|about|around|:)?\s*(?:is |was |at |of )?(\d{2,3})/gu, [30, 250])
  if (pulse !== undefined) found.heartRate = pulse
  const systolic = firstNumber(text, /(?<![\d.])(\d{2,3})\s*\/\s*\d{2,3}(?!\s*(?:weeks?|days?))/gu, [60, 260]) ?? firstNumber(text, /(?:高压|收缩压|systolic)\s*(?:是|:)?\s*(\d{2,3})/gu, [60, 260])
  if (systolic !== undefined) found.systolic = systolic
  const glucose = firstNumber(text, /(?:blood sugar|sugar|glucose|bm|reading|血糖|went|dropped to|down to|(?<![a-z])meter(?: in (?:her|his|my) bag)?(?: says| said| reads| read| showed| shows)?)\s*(?:level|is|was|of|at|only|只有|才|:)?\s*(?:is |was |at |of )?(\d{1,2}(?:\.\d)?)(?!\s*(?:years?|weeks?|days?|hours?|%|am|pm|\/))/gu, [0.5, 40])
  if (glucose !== undefined) found.glucoseMmol = glucose
  const ketones = firstNumber(text, /(?:ketones?(?: meter)?(?: just)?(?: said| says| reads| read| showed| shows)?|血酮(?:仪)?(?:测(?:了|的|出|得)?(?:一下)?(?:是|为)?)?|酮体)\s*(?:level|is|was|of|at|over|above|more than|at least|:)?\s*(?:is |was |at |of )?(\d(?:\.\d)?)/gu, [0, 10])
  if (ketones !== undefined) found.ketonesMmol = ketones
  const minutes = firstNumber(text, /(\d{1,3})\s*(?:\+\s*)?(?:minutes|mins|min\b|分钟)/gu, [1, 600]) ?? chineseMinutes(text)
  if (minutes !== undefined) found.minutes = minutes
  const tablets = tabletCount(text)
  if (tablets !== undefined) found.tabletCount = tablets
  const weeks = firstNumber(text, /(?:(\d{1,2})\s*(?:\+\d\s*)?(?:weeks?|wks?)\s*(?:pregnant|along|gone)|(?:孕|怀孕|怀孕了)\s*(\d{1,2})\s*周)/gu, [1, 43]) ?? pregnancyWeeksZh(text)
  if (weeks !== undefined) found.pregnancyWeeks = weeks
  const feeds = feedFraction(text)
  if (feeds !== undefined) found.feedFraction = feeds
  const dryHours = hoursWithoutUrine(text)
  if (dryHours !== undefined) found.hoursWithoutUrine = dryHours
  const puffs = relieverPuffs(text)
  if (puffs !== undefined) found.relieverPuffs = puffs
  return found
}

const AMOUNT = '(\\d{1,3})\\s*(oz|ounces?|ml|mls)?'
// "only taking 3oz of her 7oz bottles", "managed 60ml out of the usual 150ml"
const FEED_OF_USUAL_EN = new RegExp(`(?:taking|taken|takes|took|had|having|drinking|drunk|drinks|drank|managing|managed|finishing|finished|downing|feeding)\\s+(?:about |around |maybe |roughly |only |just |barely )?${AMOUNT}\\s+(?:of|out of)\\s+(?:his|her|their|the|a|an|my)?\\s*(?:usual |normal )?${AMOUNT}`, 'gu')
// "60ml when she normally takes 150", "2oz, she usually has 6oz"
const FEED_THEN_USUAL_EN = new RegExp(`${AMOUNT}\\s*(?:,|when|whereas|but|and|while)?\\s*(?:she|he|they|baby)\\s+(?:normally|usually|would normally|would usually)\\s+(?:takes?|has|have|drinks?|finishes)\\s+(?:about |around |a full )?${AMOUNT}`, 'gu')
// "usually takes 150ml, today only 50"
const USUAL_THEN_FEED_EN = new RegExp(`(?:normally|usually)\\s+(?:takes?|has|have|drinks?|finishes)\\s+(?:about |around )?${AMOUNT}[^.\\d]{0,40}?(?:now|today|only|but)\\s+(?:only |just |barely )?(?:taking|takes|having|had|drinking|drinks|managing|manages|took)?\\s*(?:about |around )?${AMOUNT}`, 'gu')
const ZH_AMOUNT = `(\\d{1,3}|[一二三四五六七八九]?[一二三四五六七八九]十|${CN}{1,3})\\s*(毫升|ml|mL)?`
// "平时一顿能喝150毫升，现在只喝五六十"
const USUAL_THEN_FEED_ZH = new RegExp(`(?:平时|平常|以前|原来|本来|一般|往常)(?:一顿|每顿|每次|一次)?(?:能)?(?:喝|吃)(?:个)?${ZH_AMOUNT}[^。\\d]{0,12}?(?:现在|这两天|今天|昨天|只)(?:只|就|才)?(?:能)?(?:喝|吃)?(?:了)?(?:个)?${ZH_AMOUNT}`, 'gu')

/** The share of the usual feed now taken, from the two amounts a parent gives; ounces and millilitres compared as such. */
function feedFraction (text: string): number | undefined {
  const readings: Array<{ taken: number, usual: number }> = []
  const amount = (raw: string | undefined, unit: string | undefined) => {
    if (raw === undefined) return null
    const range = raw.match(/^([一二三四五六七八九])([一二三四五六七八九])十$/u)
    const value = range ? (parseNumberWord(range[1]!)! + parseNumberWord(range[2]!)!) * 5 : parseNumberWord(raw)
    return value === null ? null : (unit && /^o/u.test(unit) ? value * 30 : value)
  }
  const add = (taken: number | null, usual: number | null) => { if (taken !== null && usual !== null && usual > 0) readings.push({ taken, usual }) }
  for (const m of text.matchAll(FEED_OF_USUAL_EN)) add(amount(m[1], m[2] ?? m[4]), amount(m[3], m[4] ?? m[2]))
  for (const m of text.matchAll(FEED_THEN_USUAL_EN)) add(amount(m[1], m[2] ?? m[4]), amount(m[3], m[4] ?? m[2]))
  for (const m of text.matchAll(USUAL_THEN_FEED_EN)) add(amount(m[3], m[4] ?? m[2]), amount(m[1], m[2] ?? m[4]))
  for (const m of text.matchAll(USUAL_THEN_FEED_ZH)) add(amount(m[3], m[4] ?? m[2]), amount(m[1], m[2] ?? m[4]))
  const fractions = readings.map(({ taken, usual }) => taken / usual).filter((value) => value > 0 && value <= 1.5)
  return fractions.length === 0 ? undefined : Math.min(...fractions)
}

const URINE_CONTEXT = /\b(?:nappy|nappies|diaper|diapers|wee|weed|wees|pee|peed|urine|urinated)\b|尿不湿|尿布|纸尿裤|尿|小便/u
const CLOCK_EN = '(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.|oclock|o clock)?\\s*(last night|this morning|yesterday|tonight|this afternoon|in the morning|at night)?'
// "dry since 10 last night", "last wet at 6am", "last wee was at 7"
const DRY_SINCE_EN = new RegExp(`(?:dry since|(?:had a |last )?wet (?:nappy|diaper) (?:at|around|about)|last (?:wet|changed|wee|pee)\\w*(?: nappy| diaper)?(?: was)?(?: at| around| about)?|no (?:wet )?(?:nappy|nappies|diaper|wee|pee)s? since|(?:hasnt|hasn't|not|havent) (?:weed|peed|had a wee|had a wet nappy|wet a nappy)\\w* since)\\s+(?:about |around )?${CLOCK_EN}`, 'u')
const NOW_EN = new RegExp(`(?:its|it is|now|now its)\\s+(?:now\\s+)?(?:nearly |almost |about |around |gone |past |just after |after )?${CLOCK_EN}(?=\\s*now\\b|)`, 'gu')
const ZH_PERIOD = '(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|昨晚|昨天晚上|昨天早上|昨天下午|夜里|半夜)?'
const ZH_CLOCK = `${ZH_PERIOD}\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*(?:点|點|:00)`
const DRY_SINCE_ZH = new RegExp(`${ZH_CLOCK}(?:半)?(?:多)?(?:钟)?(?:换的|换了|尿过|尿了|撒过|解过|以后|之后|到现在|开始)`, 'u')
const NOW_ZH = new RegExp(`(?:现在|到现在|这会儿|眼下)(?:都|已经|是)?(?:快|差不多)?${ZH_CLOCK}`, 'u')

/** Hours on a 24-hour clock from a clock reading and its part of the day; null when the hour is not a clock hour. */
function hourOfDay (hour: number, minutes: number, marker: string | undefined, period: string | undefined): { hour: number, yesterday: boolean } | null {
  if (!(hour >= 0 && hour <= 24)) return null
  let value = hour + minutes / 60
  const afternoon = /pm|p\.m\.|afternoon|tonight|at night|last night|下午|傍晚|晚上|昨晚|昨天晚上|昨天下午|夜里/u.test(`${marker ?? ''} ${period ?? ''}`)
  const morning = /am|a\.m\.|morning|凌晨|早上|早晨|上午/u.test(`${marker ?? ''} ${period ?? ''}`)
  if (afternoon && value < 12) value += 12
  if (morning && value >= 12) value -= 12
  return { hour: value, yesterday: /last night|yesterday|昨/u.test(period ?? '') }
}

const HOURS_EN = '(?:about |around |nearly |almost |over |more than |at least |a good )?(\\d{1,2}|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty)\\s*(?:hours|hrs|hr|h)\\b'
const NO_WEE_EN = '(?:no (?:wet )?(?:nappy|nappies|diaper|diapers|wee|wees|pee|urine)|(?:hasnt|hasn\'t|havent|not|hadnt|didnt) (?:weed|peed|urinated|had a wee|had a pee|had a wet (?:nappy|diaper)|wet (?:a|her|his) (?:nappy|diaper)|passed (?:any )?urine)|(?:nappy|nappies|diaper|diapers) (?:has been |have been |been |is |are |stayed )?dry)'
// "no wet nappy for 9 hours", "hasn't weed in about ten hours", "9 hours without a wee"
const DRY_FOR_EN = [
  new RegExp(`${NO_WEE_EN} (?:for|in) (?:the (?:last|past) )?${HOURS_EN}`, 'u'),
  new RegExp(`${HOURS_EN} (?:without|with no) (?:a )?(?:wet )?(?:nappy|diaper|wee|pee)`, 'u')
]
const ZH_HOURS = `(?:快|差不多|已经|都|有|将近|超过|大概)?(\\d{1,2}|十几|${CN}{1,3})(?:多)?个?(?:小时|钟头|钟)`
// "九个钟头尿不湿都是干的", "快九个小时没尿了", "没尿有十个小时了"
const DRY_FOR_ZH = [
  new RegExp(`${ZH_HOURS}(?:了)?(?:都|也|一直|还)?(?:没有?|没怎么|不)(?:尿|小便|撒尿|尿尿|解小便)`, 'u'),
  new RegExp(`${ZH_HOURS}(?:了)?(?:尿不湿|尿布|纸尿裤)(?:都|也|一直|还)?(?:是)?干`, 'u'),
  new RegExp(`(?:没有?|没怎么)(?:尿|小便|撒尿|尿尿)(?:了)?(?:有|已经)?${ZH_HOURS}`, 'u')
]

/** Hours since the last wee or wet nappy: stated as a duration, or from two clock times. */
function hoursWithoutUrine (text: string): number | undefined {
  if (!URINE_CONTEXT.test(text)) return undefined
  return statedDryHours(text) ?? dryHoursFromClock(text)
}

function statedDryHours (text: string): number | undefined {
  for (const pattern of [...DRY_FOR_EN, ...DRY_FOR_ZH]) {
    const raw = text.match(pattern)?.[1]
    const hours = raw === '十几' ? 11 : raw === undefined ? null : parseNumberWord(raw)
    if (hours !== null && hours > 0 && hours <= 48) return hours
  }
  return undefined
}

function dryHoursFromClock (text: string): number | undefined {
  for (const sentence of text.split(/(?<=[.!?。！？\n])/u)) {
    const since = sentence.match(DRY_SINCE_EN)
    const sinceZh = since ? null : sentence.match(DRY_SINCE_ZH)
    if (!since && !sinceZh) continue
    const start = since
      ? hourOfDay(Number(since[1]), Number(since[2] ?? 0), since[3], since[4])
      : hourOfDay(parseNumberWord(sinceZh![2]!) ?? -1, 0, undefined, sinceZh![1])
    const rest = text.slice(text.indexOf(sentence))
    const now = since ? [...rest.matchAll(NOW_EN)].at(-1) : rest.match(NOW_ZH)
    if (!start || !now) continue
    const end = since ? hourOfDay(Number(now[1]), Number(now[2] ?? 0), now[3], now[4]) : hourOfDay(parseNumberWord(now[2]!) ?? -1, 0, undefined, now[1])
    if (!end) continue
    let hours = end.hour - start.hour + (start.yesterday ? 24 : 0)
    if (hours <= 0) hours += start.yesterday ? 0 : 12
    if (hours <= 0) hours += 24
    if (hours > 0 && hours <= 48) return Math.round(hours * 10) / 10
  }
  return undefined
}

const PUFFS_EN = /(?<![\d.])(\d{1,2}|ten|eleven|twelve|fifteen|twenty)\s+(?:more\s+)?puffs\b/gu
const PUFFS_ZH = new RegExp(`(?:喷|吸|按|摁)(?:了)?(?:有)?(十二三|十来|十几|\\d{1,2}|${CN}{1,3})(?:多)?(?:下|口|喷|次)`, 'gu')

/** The most reliever puffs the message says were taken. */
function relieverPuffs (text: string): number | undefined {
  return largestCount(text, [PUFFS_EN, PUFFS_ZH], { 十二三: 12, 十来: 10, 十几: 11 }, 40)
}

function chineseMinutes (text: string): number | undefined {
  if (/半(?:个)?小时|半个钟/u.test(text)) return 30
  const match = text.match(new RegExp(`(${CN}{1,3}|十几|几)(?:多)?分钟`, 'u'))
  if (!match) return undefined
  if (match[1] === '十几') return 15
  if (match[1] === '几') return 5
  return parseNumberWord(match[1]!) ?? undefined
}

function pregnancyWeeksZh (text: string): number | undefined {
  const match = text.match(/(?:孕|怀孕)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:周|个?星期)/u) ?? text.match(/(\d{1,2})\s*weeks?\s*pregnant/u)
  if (!match) return undefined
  return parseNumberWord(match[1]!) ?? undefined
}
