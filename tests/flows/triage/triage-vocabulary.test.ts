import { describe, expect, it } from 'vitest'

import { DEPARTMENT_CODES, departmentName, maxUrgency, urgencyRank } from '../../../src/flows/triage-vocabulary.ts'

describe('triage vocabulary', () => {
  it('has the 28 canonical departments', () => {
    expect(DEPARTMENT_CODES).toHaveLength(28)
    expect(departmentName('cardiology', 'zh-CN')).toBe('心内科')
    expect(departmentName('stomatology', 'en')).toBe('Dental')
  })

  it('orders urgencies', () => {
    expect(urgencyRank('emergency')).toBeGreaterThan(urgencyRank('urgent'))
    expect(urgencyRank('routine')).toBeGreaterThan(urgencyRank('self_care'))
    expect(maxUrgency('routine', 'urgent')).toBe('urgent')
    expect(maxUrgency('emergency', 'self_care')).toBe('emergency')
  })
})
