import { describe, expect, it } from 'vitest'

import { extractOnset } from '../../../src/flows/understanding/extract-onset.ts'

describe('extractOnset', () => {
  it.each([
    ['突然头痛', 'sudden'],
    ['it came on suddenly', 'sudden'],
    ['all of a sudden my chest hurt', 'sudden'],
    ['慢慢越来越疼', 'gradual'],
    ['getting worse over the past week', 'gradual'],
    ['headache', null],
    ['not sure if it came on suddenly', null],
    ['不清楚是不是突然开始的', null]
  ])('%s → %s', (text, onset) => {
    expect(extractOnset(text)).toBe(onset)
  })
})
