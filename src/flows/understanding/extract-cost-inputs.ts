import type { CostInputs } from './understanding-types.ts'

type CostField = keyof CostInputs

// An amount: 1,200 / 1200.50 / ¥1200 / $30 / 1.2万 / 3千 / 500元 / 500块 / RMB 500.
const AMOUNT = '(?:[¥￥$]|rmb\\s*|cny\\s*|usd\\s*)?(\\d[\\d,]*(?:\\.\\d+)?)\\s*(万|千|k\\b)?\\s*(?:元|块|塊|rmb|yuan|dollars?)?'
const PERCENT = '(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|％|percent\\b)'

// Labels per field. Longer, more specific labels come first so "out-of-pocket max" is not read as "out-of-pocket paid".
const LABELS: Array<[CostField, string, 'amount' | 'percent']> = [
  ['outOfPocketMax', '(?:out[- ]of[- ]pocket (?:max(?:imum)?|limit|cap)|oop max|max(?:imum)? out[- ]of[- ]pocket|自付上限|封顶线|封頂線|年度上限|最高自付)', 'amount'],
  ['outOfPocketPaid', '(?:already paid|paid so far|spent so far|out[- ]of[- ]pocket (?:so far|paid)|已经?自付了?|已付了?|已经付了|今年已经?花了|已经?花了)', 'amount'],
  ['deductibleMet', '(?:deductible (?:met|paid)|met (?:\\$|¥)?|已满足起付线|起付线已付|已付起付线)', 'amount'],
  ['deductible', '(?:deductible|excess|起付线|起付標準|起付标准|免赔额|免賠額|自付额|自付額|门槛费)', 'amount'],
  ['coinsurancePercent', '(?:co-?insurance|coinsurance|自付比例|自付比率|个人负担比例|个人自付)', 'percent'],
  ['copay', '(?:co-?pay(?:ment)?|定额自付|每次自付|固定自付|共付额)', 'amount'],
  ['billAmount', '(?:bill(?:ed)?|total|charges?|invoice|costs?|账单|賬單|费用|費用|总共|總共|一共|花了|金额)', 'amount']
]

function amountFrom (digits: string | undefined, multiplier: string | undefined): number | null {
  if (digits === undefined) return null
  const base = Number(digits.replaceAll(',', ''))
  if (!Number.isFinite(base)) return null
  const factor = multiplier === '万' ? 10000 : multiplier === '千' || multiplier?.toLowerCase() === 'k' ? 1000 : 1
  return base * factor
}

function findValue (text: string, label: string, kind: 'amount' | 'percent', taken: Set<number>): { value: number, index: number } | null {
  const value = kind === 'percent' ? PERCENT : AMOUNT
  const after = new RegExp(`${label}\\s*(?:came to|comes to|amounts? to|is|of|was|at|=|:|：|为|是|有|达到|到|共)?\\s*${value}`, 'giu')
  const before = new RegExp(`${value}\\s*(?:的)?\\s*${label}`, 'giu')
  for (const pattern of [after, before]) {
    for (const match of text.matchAll(pattern)) {
      const index = (match.index ?? 0) + match[0].search(/\d/u)
      const parsed = kind === 'percent' ? Number(match[1]) : amountFrom(match[1], match[2])
      if (parsed !== null && !taken.has(index)) return { value: parsed, index }
    }
  }
  return null
}

/**
 * Numbers for a cost-sharing calculation: "deductible 500, bill 1200, 20% coinsurance",
 * "自付额500 账单1200 自付比例20%". A reimbursement rate (报销比例80%) becomes 20% coinsurance.
 */
export function extractCostInputs (text: string): CostInputs | null {
  const inputs: CostInputs = {}
  const taken = new Set<number>()
  for (const [field, label, kind] of LABELS) {
    const found = findValue(text, label, kind, taken)
    if (found === null) continue
    inputs[field] = found.value
    taken.add(found.index)
  }
  if (inputs.coinsurancePercent === undefined) {
    const reimbursed = findValue(text, '(?:报销比例|報銷比例|报销|reimburse(?:d|ment)?(?: rate)?|covers?|pays?)', 'percent', taken)
    if (reimbursed !== null && reimbursed.value <= 100) inputs.coinsurancePercent = 100 - reimbursed.value
  }
  return Object.keys(inputs).length > 0 ? inputs : null
}
