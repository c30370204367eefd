import { readdirSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'

import { SYMPTOM_DEPARTMENTS_VERSION } from '../flows/triage/symptom-departments.ts'
import { loadDepartmentRows, runDepartmentEval, type DepartmentEvalFigures } from '../eval/departments/run-department-eval.ts'

// Usage: node src/cli/eval-departments.ts [--file data.jsonl ...] [--json] [--errors]
// Default: every *.jsonl in ../shared/data beside the repository. Label mapping: src/eval/departments/dataset-labels.ts.

const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
const SHARED_DATA = resolve(REPO_ROOT, '..', 'shared', 'data')

function percent (value: number): string {
  return `${(value * 100).toFixed(1)}%`
}

function printReport (name: string, figures: DepartmentEvalFigures, showErrors: boolean): void {
  console.log(`\n${name}: ${figures.total} rows, accuracy ${percent(figures.accuracy)} (accepted codes), strict ${percent(figures.strictAccuracy)} (primary code)`)
  for (const [label, row] of Object.entries(figures.confusion)) {
    const cells = Object.entries(row).sort(([, first], [, second]) => (second ?? 0) - (first ?? 0)).map(([code, count]) => `${code} ${count}`)
    console.log(`  ${label.padEnd(10)} ${percent(figures.byLabel[label]?.accuracy ?? 0).padStart(6)}  ${cells.join(', ')}`)
  }
  if (figures.unmappedLabels.length > 0) console.log(`  unmapped labels (skipped): ${figures.unmappedLabels.join(', ')}`)
  if (showErrors) for (const error of figures.errors) console.log(`  ✗ ${error.id} ${error.label} → ${error.predicted}: ${error.question.slice(0, 80)}`)
}

const { values } = parseArgs({
  options: { file: { type: 'string', multiple: true }, json: { type: 'boolean', default: false }, errors: { type: 'boolean', default: false } }
})
const files = values.file ?? readdirSync(SHARED_DATA).filter((name) => name.endsWith('.jsonl')).sort().map((name) => resolve(SHARED_DATA, name))
const results = files.map((file) => ({ dataset: basename(file, '.jsonl'), figures: runDepartmentEval({ rows: loadDepartmentRows(file) }) }))
if (values.json === true) {
  console.log(JSON.stringify({ lexiconVersion: SYMPTOM_DEPARTMENTS_VERSION, results }, null, 2))
} else {
  console.log(`Department routing eval, lexicon ${SYMPTOM_DEPARTMENTS_VERSION}`)
  for (const { dataset, figures } of results) printReport(dataset, figures, values.errors === true)
}
