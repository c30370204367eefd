import { describe, expect, it } from 'vitest'
import { parseRuleSet } from '../../../src/flows/guards/rule-schema.ts'
import { defaultRuleSets } from '../../../src/flows/guards/rules/default-rule-sets.ts'

const validRule = {
  id: 'emergency.test_rule',
  category: 'emergency',
  priority: 'emergency',
  patterns: ['test pain'],
  examples: ['test pain'],
  nearMisses: ['no problem']
}
const ruleSet = (rules: unknown[]) => ({ version: '2026-11-24.1', locale: 'en', rules })

describe('rule data validation', () => {
  it('accepts the shipped rule sets, one per locale, each versioned', () => {
    expect(defaultRuleSets.map((set) => set.locale)).toEqual(['en', 'zh-CN'])
    for (const set of defaultRuleSets) expect(set.version).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/)
  })

  it('accepts a well-formed rule', () => {
    expect(parseRuleSet(ruleSet([validRule])).rules[0]?.id).toBe('emergency.test_rule')
  })

  it.each([
    ['no examples', { ...validRule, examples: [] }],
    ['no near misses', { ...validRule, nearMisses: [] }],
    ['an invalid regex', { ...validRule, patterns: ['(unclosed'] }],
    ['no patterns at all', { ...validRule, patterns: [] }],
    ['a priority that does not fit the category', { ...validRule, priority: 'normal' }],
    ['an id outside its category', { ...validRule, id: 'crisis.test_rule' }],
    ['a sensitive rule without subtype', { ...validRule, id: 'sensitive.x', category: 'sensitive', priority: 'normal' }],
    ['a subtype from another category', { ...validRule, id: 'sensitive.x', category: 'sensitive', subtype: 'dosage', priority: 'normal' }],
    ['a single co-occurrence group', { ...validRule, patterns: [], all: [['a']] }]
  ])('rejects a rule with %s', (_, rule) => {
    expect(() => parseRuleSet(ruleSet([rule]))).toThrow(/invalid guard rule set/)
  })

  it('requires high priority for complaints and legal threats', () => {
    const complaint = { ...validRule, id: 'sensitive.x', category: 'sensitive', subtype: 'complaint', priority: 'high' }
    expect(parseRuleSet(ruleSet([complaint])).rules[0]?.priority).toBe('high')
    expect(() => parseRuleSet(ruleSet([{ ...complaint, priority: 'normal' }]))).toThrow()
  })

  it('rejects duplicate rule ids and a missing version', () => {
    expect(() => parseRuleSet(ruleSet([validRule, validRule]))).toThrow(/duplicate rule id/)
    expect(() => parseRuleSet({ locale: 'en', rules: [validRule] })).toThrow()
  })
})
