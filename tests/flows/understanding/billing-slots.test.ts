import { describe, expect, it } from 'vitest'

import { extractBillItems } from '../../../src/flows/understanding/extract-bill-items.ts'
import { extractCostInputs } from '../../../src/flows/understanding/extract-cost-inputs.ts'
import { extractInsurancePlan } from '../../../src/flows/understanding/extract-insurance-plan.ts'

describe('extractInsurancePlan', () => {
  it.each([
    ['Is the MRI covered by my premium plan?', 'premium'],
    ['I have the basic plan', 'basic'],
    ['医保能报销吗', 'social_medical'],
    ['我有商业保险', 'commercial'],
    ['how much is it', null]
  ])('%s → %s', (text, plan) => {
    expect(extractInsurancePlan(text)).toBe(plan)
  })
})

describe('extractBillItems', () => {
  it('names items in both languages', () => {
    expect(extractBillItems('挂号费多少钱')).toEqual(['registration'])
    expect(extractBillItems('检查费和药费')).toEqual(['lab', 'medication'])
    expect(extractBillItems('how much is a consultation and an X-ray')).toEqual(['consultation', 'imaging'])
    expect(extractBillItems('ask my doctor')).toEqual([])
  })
})

describe('extractCostInputs', () => {
  it.each([
    ['deductible 500, bill 1200, 20% coinsurance', { deductible: 500, billAmount: 1200, coinsurancePercent: 20 }],
    ['自付额500 账单1200 自付比例20%', { deductible: 500, billAmount: 1200, coinsurancePercent: 20 }],
    ['my copay is $30 and out-of-pocket max 3000, already paid 800', { copay: 30, outOfPocketMax: 3000, outOfPocketPaid: 800 }],
    ['the bill was ¥1,200; deductible of 500; insurance covers 80%', { billAmount: 1200, deductible: 500, coinsurancePercent: 20 }],
    ['医保报销比例70%，费用2万', { billAmount: 20000, coinsurancePercent: 30 }],
    ['起付线800元，已经自付了1500，封顶线5000', { deductible: 800, outOfPocketPaid: 1500, outOfPocketMax: 5000 }]
  ])('%s', (text, expected) => {
    expect(extractCostInputs(text)).toEqual(expected)
  })

  it('returns null without numbers for a calculation', () => {
    expect(extractCostInputs('does insurance cover this?')).toBeNull()
  })
})
