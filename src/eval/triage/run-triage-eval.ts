import { urgencyRank, type DepartmentCode, type Urgency } from '../../flows/triage-vocabulary.ts'
import { decideFromState, nextScreeningQuestion, recordScreeningAnswer, startTriage } from '../../flows/triage/assess-triage.ts'
import type { ScreeningQuestionId, TriageDecision } from '../../flows/triage/triage-types.ts'
import { extractSlots } from '../../flows/understanding/extract-slots.ts'
import { createInputGuard, type InputGuard } from '../../flows/guards/input-guard.ts'
import { respondToGuardVerdict } from '../../flows/safety-responses.ts'
import type { TriageCase } from './triage-case.ts'

export type TriageCaseResult = {
  id: string
  gold: { urgency: Urgency, department: DepartmentCode | null }
  decision: TriageDecision
  asked: ScreeningQuestionId[]
}

export type TriageEvalFigures = {
  total: number
  urgencyAccuracy: number
  /** Gold emergency cases not answered emergency. Must be 0. */
  underTriageEmergency: number
  /** Any case answered less urgent than gold. */
  underTriage: number
  /** Share of cases answered more urgent than gold. */
  overTriageRate: number
  /** Over the cases that have a gold department. */
  departmentAccuracy: number
  departmentCases: number
  /** gold urgency → predicted urgency → count. */
  urgencyConfusion: Record<string, Record<string, number>>
  misses: TriageCaseResult[]
}

// Slots do not depend on the date for triage; a fixed instant keeps runs reproducible.
const FIXED_NOW = new Date('2026-01-01T00:00:00Z')
const MAX_TURNS = 5

/**
 * Runs one case as the dialogue would: the input guard first (an emergency or crisis it catches is
 * answered as an emergency before triage starts), then startTriage, then each screening question answered from the
 * case's `answers`. A question the case does not list is answered "no" (the vignettes list every
 * answer that is not a plain no), so the figures measure the rules, not a guess about missing answers.
 */
export function runTriageCase (triageCase: TriageCase, guard: InputGuard): TriageCaseResult {
  const gold = { urgency: triageCase.gold_urgency, department: triageCase.gold_department ?? null }
  const guarded = guard.check(triageCase.text)
  // The engine's own answer to the verdict: emergencies and crises end the turn before triage.
  const answered = guarded.verdict === 'emergency' || guarded.verdict === 'crisis' ? respondToGuardVerdict(guarded)?.triage : undefined
  if (answered?.department) {
    return { id: triageCase.id, gold, decision: { urgency: answered.urgency, department: answered.department, reasons: answered.redFlags }, asked: [] }
  }
  const slots = extractSlots({ text: triageCase.text, now: FIXED_NOW, timezone: 'Asia/Shanghai' })
  let state = startTriage({ text: triageCase.text, locale: triageCase.locale, slots })
  const asked: ScreeningQuestionId[] = []
  for (let turn = 0; turn < MAX_TURNS; turn += 1) {
    const question = nextScreeningQuestion(state)
    if (question === null) break
    asked.push(question)
    state = recordScreeningAnswer({ state, questionId: question, answer: triageCase.answers?.[question] ?? 'no' })
  }
  return {
    id: triageCase.id,
    gold,
    decision: decideFromState(state),
    asked
  }
}

function ratio (part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000
}

/** Runs every case and returns accuracy, under- and over-triage, department accuracy and the misses. */
export function runTriageEval ({ cases, guard = createInputGuard() }: { cases: TriageCase[], guard?: InputGuard }): TriageEvalFigures {
  const results = cases.map((triageCase) => runTriageCase(triageCase, guard))
  const confusion: Record<string, Record<string, number>> = {}
  for (const { gold, decision } of results) {
    const row = confusion[gold.urgency] ?? {}
    row[decision.urgency] = (row[decision.urgency] ?? 0) + 1
    confusion[gold.urgency] = row
  }
  const rank = (urgency: Urgency) => urgencyRank(urgency)
  const withDepartment = results.filter((result) => result.gold.department !== null)
  return {
    total: results.length,
    urgencyAccuracy: ratio(results.filter((result) => result.decision.urgency === result.gold.urgency).length, results.length),
    underTriageEmergency: results.filter((result) => result.gold.urgency === 'emergency' && result.decision.urgency !== 'emergency').length,
    underTriage: results.filter((result) => rank(result.decision.urgency) < rank(result.gold.urgency)).length,
    overTriageRate: ratio(results.filter((result) => rank(result.decision.urgency) > rank(result.gold.urgency)).length, results.length),
    departmentAccuracy: ratio(withDepartment.filter((result) => result.decision.department === result.gold.department).length, withDepartment.length),
    departmentCases: withDepartment.length,
    urgencyConfusion: confusion,
    misses: results.filter((result) => result.decision.urgency !== result.gold.urgency ||
      (result.gold.department !== null && result.decision.department !== result.gold.department))
  }
}
