import { describe, expect, it } from 'vitest'

import { extractChronicConditions } from '../../../src/flows/understanding/extract-chronic-conditions.ts'
import { extractPregnancy } from '../../../src/flows/understanding/extract-pregnancy.ts'
import { extractSex } from '../../../src/flows/understanding/extract-sex.ts'

describe('extractSex', () => {
  it.each([
    ['我是女性，30岁', 'female'],
    ['男 29岁', 'male'],
    ["I'm a woman", 'female'],
    ['my husband has chest pain', 'male'],
    ['我老婆肚子疼', 'female'],
    ['I have a headache', null]
  ])('%s → %s', (text, sex) => {
    expect(extractSex(text)).toBe(sex)
  })
})

describe('extractPregnancy', () => {
  it.each([
    ['我怀孕了', { status: 'pregnant', weeks: null }],
    ['孕32周，胎动少', { status: 'pregnant', weeks: 32 }],
    ['怀孕三个月', { status: 'pregnant', weeks: 13 }],
    ["I'm 30 weeks pregnant", { status: 'pregnant', weeks: 30 }],
    ['I might be pregnant', { status: 'possible', weeks: null }],
    ['月经推迟了一周', { status: 'possible', weeks: null }],
    ['产后腰疼', { status: 'postpartum', weeks: null }],
    ['没怀孕', { status: 'not_pregnant', weeks: null }],
    ["I'm not pregnant", { status: 'not_pregnant', weeks: null }]
  ])('%s', (text, expected) => {
    expect(extractPregnancy(text)).toEqual(expected)
  })

  it('returns null without a pregnancy mention', () => {
    expect(extractPregnancy('头痛')).toBeNull()
  })
})

describe('extractChronicConditions', () => {
  it('finds conditions in both languages', () => {
    expect(extractChronicConditions('我有高血压和糖尿病')).toEqual(['diabetes', 'hypertension'])
    expect(extractChronicConditions('I have asthma and take insulin')).toEqual(['diabetes', 'asthma'])
    expect(extractChronicConditions('正在化疗')).toEqual(['cancer'])
  })

  it('skips denied conditions', () => {
    expect(extractChronicConditions('没有高血压')).toEqual([])
    expect(extractChronicConditions("I don't have diabetes")).toEqual([])
  })
})
