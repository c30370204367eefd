import { extractCostInputs } from '../understanding/extract-cost-inputs.ts'
import type { CostInputs } from '../understanding/understanding-types.ts'

const AMOUNT = '(?:[¥￥$]|rmb\\s*)?(\\d[\\d,]*(?:\\.\\d+)?)\\s*(?:元|块|yuan|dollars?)?'
const DEDUCTIBLE = '(?:deductible|excess|免赔额|起付线|起付标准)'
// "my deductible is already met", "met my deductible", "起付线已经付满了".
const DEDUCTIBLE_MET = new RegExp(`${DEDUCTIBLE}[^,，。.;；]{0,30}(?:already met|been met|is met|met already|was met|fully paid|paid off|已经?(?:满|付满|交满|达到|满足|付清))|met (?:my|the) (?:\\w+ )?deductible|(?:付满|交满|达到)了?${DEDUCTIBLE}`, 'iu')
// "already paid 600 of my deductible", "今年已经付过600的免赔额", "起付线已付了600".
const DEDUCTIBLE_PART_PAID = [
  new RegExp(`(?:already paid|paid|put|spent|付过|付了|交了|交过|用掉了?)\\s*${AMOUNT}\\s*(?:of|towards?|toward|on|的)?\\s*(?:(?:my|the|this year'?s)\\s+)?${DEDUCTIBLE}`, 'iu'),
  new RegExp(`${DEDUCTIBLE}\\s*(?:已经?|already)\\s*(?:付|交|paid|met|用)[了过]?\\s*${AMOUNT}`, 'iu')
]
// Words for the yearly out-of-pocket cap that the shared extractor does not know.
const CAP = new RegExp(`(?:\\bcap\\b|annual (?:max(?:imum)?|limit)|yearly (?:max(?:imum)?|limit)|most i (?:can|would|will) pay|max(?:imum)? i pay|封顶|上限)\\D{0,15}?${AMOUNT}`, 'iu')
// The patient's own percentage ("I pay 10%", "我自己付30%"), never the insurer's.
const PATIENT_PERCENT = /(?:\b(?:i|we)\s+(?:pay|cover|owe|am responsible for)|(?:我|自己)(?:要|得)?(?:付|出|承担|负担)|自付)\s*(\d{1,3}(?:\.\d+)?)\s*(?:%|％|percent)/iu
const EVERY_AMOUNT = /(?<![\d.])(\d[\d,]*(?:\.\d+)?)(?![\d.,]*\s*(?:%|％|percent))/gu

export type CostField = keyof CostInputs

/**
 * Cost-sharing numbers read by their role, not their position: a deductible "already met" is
 * met in full, "paid 600 of my deductible" is what is met, cap synonyms are the out-of-pocket
 * maximum, and one amount nobody labelled is the bill.
 */
export function readCostInputs (text: string): CostInputs | null {
  const inputs: CostInputs = { ...extractCostInputs(text) }
  const partPaid = DEDUCTIBLE_PART_PAID.map((pattern) => pattern.exec(text)).find((match) => match !== null)
  if (partPaid) {
    inputs.deductibleMet = toNumber(partPaid[1])
    if (inputs.outOfPocketPaid === inputs.deductibleMet) delete inputs.outOfPocketPaid
  } else if (DEDUCTIBLE_MET.test(text) && inputs.deductible !== undefined) inputs.deductibleMet = inputs.deductible
  const patientPercent = PATIENT_PERCENT.exec(text)
  if (patientPercent) inputs.coinsurancePercent = Number(patientPercent[1])
  const cap = CAP.exec(text)
  if (cap && inputs.outOfPocketMax === undefined) inputs.outOfPocketMax = toNumber(cap[1])
  if (inputs.billAmount === undefined) {
    const unlabelled = unusedAmounts(text, inputs)
    if (unlabelled.length === 1) inputs.billAmount = unlabelled[0]
  }
  return Object.keys(inputs).length > 0 ? inputs : null
}

/** Amounts in the text that no role took (each role's value is used once). */
function unusedAmounts (text: string, inputs: CostInputs): number[] {
  const used = Object.entries(inputs).filter(([field]) => field !== 'coinsurancePercent').map(([, value]) => value as number)
  const amounts = [...text.matchAll(EVERY_AMOUNT)].map((match) => toNumber(match[1]))
  return amounts.filter((amount) => {
    const index = used.indexOf(amount)
    if (index < 0) return amount > 0
    used.splice(index, 1)
    return false
  })
}

function toNumber (digits: string | undefined): number {
  return Number((digits ?? '').replaceAll(',', ''))
}

const NAMES: Record<CostField, { en: string, zh: string }> = {
  billAmount: { en: 'bill', zh: '账单' },
  deductible: { en: 'deductible', zh: '起付线（免赔额）' },
  deductibleMet: { en: 'deductible already met', zh: '已付起付线' },
  copay: { en: 'copay', zh: '定额自付' },
  coinsurancePercent: { en: 'coinsurance', zh: '自付比例' },
  outOfPocketMax: { en: 'out-of-pocket maximum', zh: '自付上限' },
  outOfPocketPaid: { en: 'paid so far this year', zh: '今年已自付' }
}

/** "bill 1000; deductible 500; deductible already met 500; coinsurance 20%": the numbers used, by role. */
export function describeCostInputs (inputs: CostInputs, locale: string, format: (amount: number) => string): string {
  const zh = locale === 'zh-CN'
  const parts = (Object.keys(NAMES) as CostField[]).filter((field) => inputs[field] !== undefined).map((field) => {
    const value = field === 'coinsurancePercent' ? `${inputs[field]}%` : format(inputs[field]!)
    return zh ? `${NAMES[field].zh}${value}` : `${NAMES[field].en} ${value}`
  })
  return parts.join(zh ? '；' : '; ')
}

/** The bill amount, asked for by name when the patient gave cost sharing but not the bill. */
export function missingBillName (locale: string): string {
  return locale === 'zh-CN' ? '账单总金额（保险报销前）' : 'the bill amount (the total before insurance)'
}
