import { parseRuleSet, type RuleSet } from '../rule-schema.ts'
import { englishRules } from './en.ts'
import { chineseRules } from './zh.ts'

/** The shipped rule sets, validated when this module loads: bad rule data fails at start-up. */
export const defaultRuleSets: readonly RuleSet[] = Object.freeze([parseRuleSet(englishRules), parseRuleSet(chineseRules)])
