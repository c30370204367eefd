import { compileRuleSet, type CompiledRule, type PreparedClause } from './compile-rules.ts'
import { normalizeText, removeSpaces } from './normalize-text.ts'
import type { GuardCategory, GuardSubtype, HandoffPriority, RuleSet } from './rule-schema.ts'
import { defaultRuleSets } from './rules/default-rule-sets.ts'
import { splitClauses } from './split-clauses.ts'
import { withoutBookingReferences } from '../understanding/extract-booking-reference.ts'

export type InputVerdict = GuardCategory | 'pass'

export interface GuardMatch {
  ruleId: string
  category: GuardCategory
  subtype?: GuardSubtype
  priority: HandoffPriority
}

export interface InputCheck {
  verdict: InputVerdict
  matches: GuardMatch[]
  /** Rule ids of the emergency and crisis matches. */
  redFlags: string[]
}

export interface InputGuard {
  check: (text: string) => InputCheck
  /** "locale@version" of each rule set, for the audit log. */
  versions: string[]
}

// Injection comes last: it is recorded, but an injection that mentions crushing chest pain is an emergency.
export const GUARD_PRECEDENCE: readonly GuardCategory[] = ['emergency', 'crisis', 'sensitive', 'medical_advice', 'injection']
const RED_FLAG_CATEGORIES: ReadonlySet<GuardCategory> = new Set(['emergency', 'crisis'])

/** Builds a deterministic input guard; regexes are compiled once here, not per message. */
export function createInputGuard (ruleSets: readonly RuleSet[] = defaultRuleSets): InputGuard {
  const compiled = ruleSets.flatMap(compileRuleSet)
  return {
    check: (text) => checkCompiled(compiled, text),
    versions: ruleSets.map((ruleSet) => `${ruleSet.locale}@${ruleSet.version}`)
  }
}

/** One-off check; compiles the rules on each call, so keep a guard from createInputGuard for traffic. */
export function checkInput ({ text, rules }: { text: string, rules?: readonly RuleSet[] }): InputCheck {
  return createInputGuard(rules).check(text)
}

function checkCompiled (compiled: readonly CompiledRule[], text: string): InputCheck {
  const clauses = prepareClauses(text)
  const matches = uniqueMatches(compiled.filter((entry) => entry.matches(clauses)).map(({ rule }) => toMatch(rule)))
    .sort((left, right) => GUARD_PRECEDENCE.indexOf(left.category) - GUARD_PRECEDENCE.indexOf(right.category))
  return {
    verdict: matches[0]?.category ?? 'pass',
    matches,
    redFlags: matches.filter((match) => RED_FLAG_CATEGORIES.has(match.category)).map((match) => match.ruleId)
  }
}

// A booking reference is a random code: the "GMC" in APT-GMCCFH is no complaint to a regulator.
function prepareClauses (text: string): PreparedClause[] {
  return splitClauses(normalizeText(withoutBookingReferences(text)).text).map((clause) => ({ text: clause, compact: removeSpaces(clause) }))
}

function toMatch (rule: CompiledRule['rule']): GuardMatch {
  const match: GuardMatch = { ruleId: rule.id, category: rule.category, priority: rule.priority }
  if (rule.subtype) match.subtype = rule.subtype
  return match
}

// The same concept id may exist in several locales' rule sets; report it once.
function uniqueMatches (matches: GuardMatch[]): GuardMatch[] {
  const seen = new Set<string>()
  return matches.filter((match) => !seen.has(match.ruleId) && Boolean(seen.add(match.ruleId)))
}
