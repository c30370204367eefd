import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFindingExtractor } from '../../../src/clinical-findings/extract-findings.ts'
import { loadDepartmentRows, runDepartmentEval, turnPredictor } from '../../../src/eval/departments/run-department-eval.ts'
import { runTriageEval } from '../../../src/eval/triage/run-triage-eval.ts'
import { loadTriageCases } from '../../../src/eval/triage/triage-case.ts'
import { buildTestApp, type TestApp } from '../../helpers/test-app.ts'

// Development data only: the patient-written hold-outs (tests/eval/triage-patient-written*/holdout.jsonl)
// are reported by `npm run eval` and never asserted here. Understanding does not depend on the
// database engine, so these whole-turn runs happen once, on PGlite.
const SHARED = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data')
const onPglite = process.env.TEST_DB_ENGINE !== 'postgres'

describe.runIf(onPglite)('triage through the whole turn on development data', () => {
  let testApp: TestApp
  const extractor = createFindingExtractor()
  beforeAll(async () => { testApp = await buildTestApp('triage-eval') })
  afterAll(async () => { await testApp.close() })

  it.each([
    ['shared development vignettes', resolve(SHARED, 'triage', 'dev_vignettes.jsonl')],
    ['patient-written development set', resolve(import.meta.dirname, '..', 'triage-patient-written', 'dev.jsonl')],
    ['second patient-written development set', resolve(import.meta.dirname, '..', 'triage-patient-written-2', 'dev.jsonl')]
  ])('%s: every emergency answered emergency, urgency ≥ 80%, self-care ≥ 70%', async (_name, file) => {
    expect(existsSync(file), `${file} is missing`).toBe(true)
    const figures = await runTriageEval({ app: testApp.app, cases: loadTriageCases(file), extractor })
    expect(figures.misses.filter((miss) => miss.gold.urgency === 'emergency' && miss.predicted.urgency !== 'emergency').map((miss) => `${miss.id} → ${miss.predicted.urgency}`)).toEqual([])
    expect(figures.urgencyAccuracy).toBeGreaterThanOrEqual(0.8)
    expect(figures.selfCareAccuracy).toBeGreaterThanOrEqual(0.7)
  }, 300_000)

  it.each([
    ['department_dev_toyhom_neike.jsonl', 0.7],
    ['department_dev_cmtmedqa.jsonl', 0.65]
  ])('real questions %s: department through the turn ≥ %s, none answered from billing, insurance or clinic text', async (name, target) => {
    const figures = await runDepartmentEval({ rows: loadDepartmentRows(resolve(SHARED, name)), predict: turnPredictor(testApp.app) })
    expect(figures.accuracy).toBeGreaterThanOrEqual(target)
    expect(figures.policyAnswered).toBe(0)
  }, 300_000)
})
