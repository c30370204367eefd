import type { FindingExtractor } from '../clinical-findings/extract-findings.ts'
import type { ClinicalReading } from '../clinical-findings/finding-types.ts'
import { createInputGuard, GUARD_PRECEDENCE, type InputGuard } from './guards/input-guard.ts'
import { KEYWORD_RULE_CONCEPTS } from './guards/keyword-rule-concepts.ts'
import { checkOutput } from './guards/output-guard.ts'
import { decideUrgency } from './triage/decide-urgency.ts'
import { TRIAGE_RULES } from './triage/rules/triage-rules.ts'
import type { InputGuardVerdict, SafetyGuards } from './turn-services.ts'

const EMERGENCY_RULES = TRIAGE_RULES.filter((rule) => rule.level === 'emergency')

/**
 * The deterministic guards of every turn: the keyword rule sets (compiled once per process) and
 * the emergency rules over clinical findings, which catch an emergency told as a combination of
 * ordinary words ("chest infection, now muddled and shivering, no wee since yesterday").
 */
export function createSafetyGuards ({ findings, inputGuard = createInputGuard() }: { findings: FindingExtractor, inputGuard?: InputGuard }): SafetyGuards {
  return {
    checkInput: (text) => checkInputText(inputGuard, findings, text),
    checkOutput: ({ text, locale, medical, disclaimer }) => {
      const verdict = checkOutput({ text, locale })
      // The disclaimer travels beside the text (its own field), so its presence is checked here.
      if (medical && !disclaimer?.trim()) return { ok: false, problems: [...verdict.problems, 'missing_disclaimer'] }
      return verdict
    }
  }
}

function checkInputText (inputGuard: InputGuard, findings: FindingExtractor, text: string): InputGuardVerdict {
  const reading = findings.read(text)
  const keyword = withoutPastOrDenied(inputGuard.check(text), reading)
  if (keyword.verdict === 'emergency' || keyword.verdict === 'crisis') return keyword
  const decision = decideUrgency(reading, EMERGENCY_RULES, [])
  if (decision.urgency !== 'emergency') return keyword
  const redFlags = decision.reasons.map((reason) => `triage.${reason}`)
  return {
    verdict: 'emergency',
    matches: [...redFlags.map((ruleId) => ({ ruleId, category: 'emergency' as const, priority: 'emergency' })), ...keyword.matches],
    redFlags
  }
}

/** Sets aside keyword emergencies whose findings are all negated, past, hypothetical or (where that settles it) over. */
function withoutPastOrDenied (verdict: InputGuardVerdict, reading: ClinicalReading): InputGuardVerdict {
  const kept = verdict.matches.filter((match) => match.category !== 'emergency' || !contextSetsAside(match.ruleId, reading))
  if (kept.length === verdict.matches.length) return verdict
  const ranked = [...kept].sort((left, right) => GUARD_PRECEDENCE.indexOf(left.category) - GUARD_PRECEDENCE.indexOf(right.category))
  return { verdict: ranked[0]?.category ?? 'pass', matches: ranked, redFlags: verdict.redFlags.filter((flag) => kept.some((match) => match.ruleId === flag)) }
}

function contextSetsAside (ruleId: string, reading: ClinicalReading): boolean {
  const mapping = KEYWORD_RULE_CONCEPTS[ruleId]
  if (!mapping) return false
  const mentions = reading.findings.filter((finding) => mapping.concepts.includes(finding.concept))
  if (mentions.length === 0) return false
  // Someone else's emergency is still one: only negation, the past and the hypothetical set a match aside.
  return mentions.every((finding) => finding.negated || finding.historical || finding.hypothetical || (mapping.passes && (finding.resolved || finding.recurrent)))
}
