import { CHINESE_NUMERAL_CHARACTERS, parseNumberWord } from './chinese-numerals.ts'
import type { Pregnancy } from './understanding-types.ts'

const NOT_PREGNANT = /没(有)?怀孕|沒(有)?懷孕|没有怀上|不是怀孕|未孕|not pregnant|no chance (i'?m|of being) pregnant/iu
const POSSIBLY = /(可能|是不是|会不会|怀疑|担心)(是)?(怀孕|怀上|有了)|maybe pregnant|might be pregnant|could be pregnant|possibly pregnant|period is late|missed (my|a) period|月经推迟|例假推迟|月经没来|大姨妈没来/iu
const POSTPARTUM = /产后|產後|坐月子|刚生完|剛生完|生完孩子|顺产后|剖腹产后|哺乳期|喂奶|postpartum|after (giving )?birth|just gave birth|breastfeeding/iu
const PREGNANT = /怀孕|懷孕|怀上|懷上|孕期|孕妇|孕婦|孕早期|孕中期|孕晚期|孕\d|孕[一二三四五六七八九十]|胎动|胎動|胎儿|胎兒|产检|產檢|\bpregnan(t|cy)\b|expecting a baby|weeks along|\btrimester\b|\bfetal\b|\bbaby kicks?\b/iu

const WEEKS = new RegExp(`(?:孕|怀孕|懷孕|怀孕了?)(\\d{1,2}|[${CHINESE_NUMERAL_CHARACTERS}]{1,3})\\s*(?:周|週|个?星期)|(\\d{1,2})\\s*weeks? (?:pregnant|along)|(\\d{1,2})\\s*weeks? of pregnancy`, 'iu')
const MONTHS = new RegExp(`(?:孕|怀孕|懷孕|怀上|懷上)了?(\\d{1,2}|[${CHINESE_NUMERAL_CHARACTERS}]{1,2})\\s*(?:个|個)?多?月|(\\d)\\s*months? pregnant`, 'iu')

function pregnancyWeeks (text: string): number | null {
  const weeks = text.match(WEEKS)
  if (weeks !== null) return parseNumberWord(weeks[1] ?? weeks[2] ?? weeks[3] ?? '')
  const months = text.match(MONTHS)
  const monthCount = months === null ? null : parseNumberWord(months[1] ?? months[2] ?? '')
  // About 4.3 weeks a month; enough to tell the first trimester from the third.
  return monthCount === null ? null : Math.round(monthCount * 4.3)
}

/** Pregnancy status ("怀孕", "pregnant", "孕32周" → 32 weeks), possible pregnancy, postpartum or a denial. */
export function extractPregnancy (text: string): Pregnancy | null {
  if (NOT_PREGNANT.test(text)) return { status: 'not_pregnant', weeks: null }
  if (POSSIBLY.test(text)) return { status: 'possible', weeks: null }
  if (POSTPARTUM.test(text)) return { status: 'postpartum', weeks: null }
  if (PREGNANT.test(text)) return { status: 'pregnant', weeks: pregnancyWeeks(text) }
  return null
}
