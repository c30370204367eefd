import { describe, expect, it } from 'vitest'

import { extractSeverity } from '../../../src/flows/understanding/extract-severity.ts'

describe('extractSeverity', () => {
  it.each([
    ['pain is 8/10', 8, 'scale'],
    ['about 7 out of 10', 7, 'scale'],
    ["I'd rate it 6", 6, 'scale'],
    ['疼痛8分', 8, 'scale'],
    ['the worst headache of my life', 9, 'words'],
    ['疼得厉害', 8, 'words'],
    ['severe cramps', 8, 'words'],
    ['很疼', 7, 'words'],
    ['有点疼', 3, 'words'],
    ['mild headache', 3, 'words']
  ])('%s → %d', (text, value, source) => {
    expect(extractSeverity(text)).toEqual({ value, source })
  })

  it('ignores durations and text without severity', () => {
    expect(extractSeverity('headache for 3 days')).toBeNull()
    expect(extractSeverity('pain for 10 days')).toBeNull()
  })
})
