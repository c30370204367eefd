import { readdirSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { SYMPTOM_DEPARTMENTS_VERSION } from '../flows/triage/symptom-departments.ts'
import { buildEvalApp } from '../eval/build-eval-app.ts'
import { loadDepartmentRows, routerPredictor, runDepartmentEval, turnPredictor, type DepartmentEvalFigures } from '../eval/departments/run-department-eval.ts'
import { runCli } from './run-cli.ts'

// Usage: node src/cli/eval-departments.ts [--file data.jsonl ...] [--json] [--errors]
// Default: every *.jsonl in ../shared/data beside the repository, through the whole turn (HTTP API),
// with the department router alone beside it. Label mapping: src/eval/departments/dataset-labels.ts.

const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
const SHARED_DATA = resolve(REPO_ROOT, '..', 'shared', 'data')

const percent = (value: number) => `${(value * 100).toFixed(1)}%`

function report (name: string, turn: DepartmentEvalFigures, router: DepartmentEvalFigures, showErrors: boolean): string {
  const lines = [`\n${name}: ${turn.total} rows, whole turn ${percent(turn.accuracy)} (strict ${percent(turn.strictAccuracy)}), router alone ${percent(router.accuracy)}; answered from billing/insurance/info text: ${turn.policyAnswered}`]
  for (const [label, row] of Object.entries(turn.confusion)) {
    const cells = Object.entries(row).sort(([, first], [, second]) => (second ?? 0) - (first ?? 0)).map(([code, count]) => `${code} ${count}`)
    lines.push(`  ${label.padEnd(10)} ${percent(turn.byLabel[label]?.accuracy ?? 0).padStart(6)}  ${cells.join(', ')}`)
  }
  if (turn.unmappedLabels.length > 0) lines.push(`  unmapped labels (skipped): ${turn.unmappedLabels.join(', ')}`)
  if (showErrors) for (const error of turn.errors) lines.push(`  ✗ ${error.id} ${error.label} → ${error.predicted}: ${error.question.slice(0, 80)}`)
  return lines.join('\n')
}

runCli(async () => {
  const { values } = parseArgs({ options: { file: { type: 'string', multiple: true }, json: { type: 'boolean', default: false }, errors: { type: 'boolean', default: false } } })
  const files = values.file ?? readdirSync(SHARED_DATA).filter((name) => name.endsWith('.jsonl')).sort().map((name) => resolve(SHARED_DATA, name))
  const evalApp = await buildEvalApp()
  try {
    const results = []
    for (const file of files) {
      const rows = loadDepartmentRows(file)
      results.push({ dataset: basename(file, '.jsonl'), turn: await runDepartmentEval({ rows, predict: turnPredictor(evalApp.app) }), router: await runDepartmentEval({ rows, predict: routerPredictor }) })
    }
    if (values.json) process.stdout.write(`${JSON.stringify({ lexiconVersion: SYMPTOM_DEPARTMENTS_VERSION, results }, null, 2)}\n`)
    else process.stdout.write(`Department routing eval, lexicon ${SYMPTOM_DEPARTMENTS_VERSION}${results.map(({ dataset, turn, router }) => report(dataset, turn, router, values.errors)).join('')}\n`)
    return 0
  } finally {
    await evalApp.close()
  }
})
