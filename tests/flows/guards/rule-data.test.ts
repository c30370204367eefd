import { describe, expect, it } from 'vitest'
import { createInputGuard } from '../../../src/flows/guards/input-guard.ts'
import { defaultRuleSets } from '../../../src/flows/guards/rules/default-rule-sets.ts'
import { toTraditional } from '../../../src/flows/guards/traditional-to-simplified.ts'

// Generated from the reviewed rule data: every example fires its rule, no near miss does.
for (const ruleSet of defaultRuleSets) {
  const guard = createInputGuard([ruleSet])
  const firedRules = (text: string) => guard.check(text).matches.map((match) => match.ruleId)

  describe(`${ruleSet.locale} rules ${ruleSet.version}`, () => {
    for (const rule of ruleSet.rules) {
      describe(rule.id, () => {
        it.each(rule.examples)('fires on example %j', (example) => {
          expect(firedRules(example)).toContain(rule.id)
        })
        it.each(rule.nearMisses)('stays quiet on near miss %j', (nearMiss) => {
          expect(firedRules(nearMiss)).not.toContain(rule.id)
        })
        it.each(rule.examples)('fires on the %j example written in traditional or full-width characters', (example) => {
          const variant = ruleSet.locale === 'en' ? toFullWidth(example) : toTraditional(example)
          expect(firedRules(variant)).toContain(rule.id)
        })
      })
    }
  })
}

function toFullWidth (text: string): string {
  return text.replace(/[!-~]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000')
}
