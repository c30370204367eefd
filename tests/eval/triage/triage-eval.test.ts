import { resolve } from 'node:path'

import { describe, expect, it } from 'vitest'

import { runTriageEval } from '../../../src/eval/triage/run-triage-eval.ts'
import { loadTriageCases } from '../../../src/eval/triage/triage-case.ts'

const vignettes = loadTriageCases(resolve(import.meta.dirname, 'vignettes.jsonl'))
const holdout = loadTriageCases(resolve(import.meta.dirname, 'vignettes-holdout.jsonl'))

describe('triage vignettes', () => {
  it('covers both locales and enough emergencies', () => {
    expect(vignettes.length).toBeGreaterThanOrEqual(160)
    expect(vignettes.filter((vignette) => vignette.locale === 'en').length).toBeGreaterThanOrEqual(70)
    expect(vignettes.filter((vignette) => vignette.locale === 'zh-CN').length).toBeGreaterThanOrEqual(70)
    expect(vignettes.filter((vignette) => vignette.gold_urgency === 'emergency').length).toBeGreaterThanOrEqual(25)
  })

  it.each([['vignettes', vignettes], ['held-out vignettes', holdout]])('%s: no emergency is under-triaged and urgency accuracy ≥ 0.8', (_name, cases) => {
    const figures = runTriageEval({ cases })
    expect(figures.misses.filter((miss) => miss.gold.urgency === 'emergency' && miss.decision.urgency !== 'emergency').map((miss) => miss.id)).toEqual([])
    expect(figures.underTriageEmergency).toBe(0)
    expect(figures.urgencyAccuracy).toBeGreaterThanOrEqual(0.8)
    expect(figures.departmentAccuracy).toBeGreaterThanOrEqual(0.7)
  })
})
