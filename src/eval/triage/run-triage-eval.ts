import type { FastifyInstance } from 'fastify'
import type { FindingExtractor } from '../../clinical-findings/extract-findings.ts'
import { assessTriage } from '../../flows/triage/assess-findings.ts'
import { urgencyRank, type Urgency } from '../../flows/triage-vocabulary.ts'
import { playCase } from '../product-path/play-case.ts'
import type { TriageCase } from './triage-case.ts'

export type TriageCaseResult = {
  id: string
  locale: string
  gold: { urgency: Urgency, department: string | null }
  /** What the whole turn answered; `none` when the conversation never reported a triage. */
  predicted: { urgency: Urgency | 'none', department: string | null }
  redFlags: string[]
  /** The vetted phrases the bot answered with. */
  phraseKeys: string[]
}

export type TriageEvalFigures = {
  total: number
  urgencyAccuracy: number
  /** Gold self-care cases answered self-care (the positive pathway, reported on its own). */
  selfCareAccuracy: number
  selfCareCases: number
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
  /** The finding extractor and triage rules alone (no guard, routing or follow-ups), for comparison. */
  component: { urgencyAccuracy: number }
  misses: TriageCaseResult[]
}

function ratio (part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000
}

/**
 * Plays every case through the whole turn (HTTP API: guards, understanding, flows), answering each
 * follow-up question "I'm not sure, I've told you everything I know", and scores what the patient
 * was told. The finding rules alone are scored beside it.
 */
export async function runTriageEval ({ app, cases, extractor }: { app: FastifyInstance, cases: readonly TriageCase[], extractor: FindingExtractor }): Promise<TriageEvalFigures> {
  const results: TriageCaseResult[] = []
  let componentCorrect = 0
  for (const triageCase of cases) {
    const played = await playCase(app, { locale: triageCase.locale, text: triageCase.text })
    results.push({
      id: triageCase.id,
      locale: triageCase.locale,
      gold: { urgency: triageCase.gold_urgency, department: triageCase.gold_department ?? null },
      predicted: { urgency: played.triage?.urgency as Urgency | undefined ?? 'none', department: played.triage?.department?.code ?? null },
      redFlags: played.triage?.redFlags ?? [],
      phraseKeys: played.phraseKeys
    })
    const component = assessTriage(extractor, { texts: [triageCase.text], answers: {}, locale: triageCase.locale })
    if (component.urgency === triageCase.gold_urgency) componentCorrect += 1
  }
  return figuresOf(results, componentCorrect)
}

function figuresOf (results: TriageCaseResult[], componentCorrect: number): TriageEvalFigures {
  const confusion: Record<string, Record<string, number>> = {}
  for (const { gold, predicted } of results) {
    const row = confusion[gold.urgency] ?? {}
    row[predicted.urgency] = (row[predicted.urgency] ?? 0) + 1
    confusion[gold.urgency] = row
  }
  const rank = (urgency: Urgency | 'none') => urgency === 'none' ? -1 : urgencyRank(urgency)
  const correct = (result: TriageCaseResult) => result.predicted.urgency === result.gold.urgency
  const withDepartment = results.filter((result) => result.gold.department !== null)
  const selfCare = results.filter((result) => result.gold.urgency === 'self_care')
  return {
    total: results.length,
    urgencyAccuracy: ratio(results.filter(correct).length, results.length),
    selfCareAccuracy: ratio(selfCare.filter(correct).length, selfCare.length),
    selfCareCases: selfCare.length,
    underTriageEmergency: results.filter((result) => result.gold.urgency === 'emergency' && result.predicted.urgency !== 'emergency').length,
    underTriage: results.filter((result) => rank(result.predicted.urgency) < rank(result.gold.urgency)).length,
    overTriageRate: ratio(results.filter((result) => rank(result.predicted.urgency) > rank(result.gold.urgency)).length, results.length),
    departmentAccuracy: ratio(withDepartment.filter((result) => result.predicted.department === result.gold.department).length, withDepartment.length),
    departmentCases: withDepartment.length,
    urgencyConfusion: confusion,
    component: { urgencyAccuracy: ratio(componentCorrect, results.length) },
    misses: results.filter((result) => !correct(result) || (result.gold.department !== null && result.predicted.department !== result.gold.department))
  }
}
