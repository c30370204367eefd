import { isNegated } from './negation.ts'
import { isRemotePast } from './remote-past.ts'
import type { GuardCategory, GuardRule, RuleSet } from './rule-schema.ts'
import { segmentAround } from './split-clauses.ts'

export interface PreparedClause {
  text: string
  compact: string
}

export interface CompiledRule {
  rule: GuardRule
  matches: (clauses: readonly PreparedClause[]) => boolean
}

// Crisis and injection wording is never negated: "I'm not suicidal, but..." still reaches a human.
const NEGATABLE: ReadonlySet<GuardCategory> = new Set(['emergency', 'sensitive', 'medical_advice'])

/** Compiles every pattern of a rule set once; the result is reused for every message. */
export function compileRuleSet (ruleSet: RuleSet): CompiledRule[] {
  return ruleSet.rules.map((rule) => {
    const compile = (source: string) => compilePattern(source, ruleSet.locale)
    const anyOf = rule.patterns.map(compile)
    const allOf = (rule.all ?? []).map((group) => group.map(compile))
    const options = { compact: ruleSet.locale !== 'en', category: rule.category }
    const affirmed = (pattern: RegExp, clauses: readonly PreparedClause[]) => hasAffirmedMatch(pattern, clauses, options)
    return {
      rule,
      matches: (clauses) => anyOf.some((pattern) => affirmed(pattern, clauses)) ||
        (allOf.length > 0 && allOf.every((group) => group.some((pattern) => affirmed(pattern, clauses))))
    }
  })
}

// English patterns match at a word start, and a space in a pattern also matches no space
// ("chest pain" finds "chestpain"). Chinese patterns run on the text without spaces.
function compilePattern (source: string, locale: RuleSet['locale']): RegExp {
  if (locale !== 'en') return new RegExp(source, 'gu')
  return new RegExp(`(?<![a-z0-9])(?:${source.replaceAll(' ', ' ?')})`, 'gu')
}

function hasAffirmedMatch (pattern: RegExp, clauses: readonly PreparedClause[], options: { compact: boolean, category: GuardCategory }): boolean {
  for (const clause of clauses) {
    const subject = options.compact ? clause.compact : clause.text
    for (const match of subject.matchAll(pattern)) {
      if (NEGATABLE.has(options.category) && isNegated(subject.slice(0, match.index))) continue
      if (options.category === 'emergency' && isRemotePast(segmentAround(subject, match.index))) continue
      return true
    }
  }
  return false
}
