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

// Injection wording is never negated. Crisis wording is negated only by a denial right before it
// ("no thoughts of hurting myself"); "I'm not suicidal, but I want to end it all" is still a crisis.
const NEGATABLE: ReadonlySet<GuardCategory> = new Set(['emergency', 'crisis', 'sensitive', 'medical_advice'])

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

// English patterns match whole words ("bee" is not in "been"), and a space in a pattern also matches
// no space ("chest pain" finds "chestpain"). Chinese patterns run on the text without spaces.
function compilePattern (source: string, locale: RuleSet['locale']): RegExp {
  if (locale !== 'en') return new RegExp(source, 'gu')
  const wholeWord = /[a-z)?]$/u.test(source) ? '(?![a-z])' : ''
  return new RegExp(`(?<![a-z0-9])(?:${source.replaceAll(' ', ' ?')})${wholeWord}`, 'gu')
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
