import { resolve } from 'node:path'
import { parseArgs } from 'node:util'

import { loadTriageCases } from '../eval/triage/triage-case.ts'
import { runTriageEval, type TriageEvalFigures } from '../eval/triage/run-triage-eval.ts'

// Usage: node src/cli/eval-triage.ts [--file cases.jsonl] [--json]
// Cases: {"id","locale","text","gold_urgency","gold_department"?,"answers"?} per line. Screening
// questions a case does not answer are answered "no". Exits 1 when a gold emergency is under-triaged.

const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
const DEFAULT_FILE = resolve(REPO_ROOT, 'tests', 'eval', 'triage', 'vignettes.jsonl')

function percent (value: number): string {
  return `${(value * 100).toFixed(1)}%`
}

function printReport (file: string, figures: TriageEvalFigures): void {
  const lines = [
    `Triage eval: ${file}`,
    `cases                      ${figures.total}`,
    `urgency accuracy           ${percent(figures.urgencyAccuracy)}`,
    `emergencies under-triaged  ${figures.underTriageEmergency}  (must be 0)`,
    `any under-triage           ${figures.underTriage}`,
    `over-triage rate           ${percent(figures.overTriageRate)}`,
    `department accuracy        ${percent(figures.departmentAccuracy)}  (${figures.departmentCases} cases with a gold department)`,
    'urgency confusion (gold → predicted):',
    ...Object.entries(figures.urgencyConfusion).map(([gold, row]) => `  ${gold.padEnd(10)} ${JSON.stringify(row)}`),
    'misses:',
    ...figures.misses.map((miss) => `  ${miss.id}: urgency ${miss.gold.urgency} → ${miss.decision.urgency}, department ${miss.gold.department ?? '-'} → ${miss.decision.department} [${miss.decision.reasons.join(', ')}]`)
  ]
  console.log(lines.join('\n'))
}

const { values } = parseArgs({ options: { file: { type: 'string' }, json: { type: 'boolean', default: false } } })
const file = resolve(values.file ?? DEFAULT_FILE)
const figures = runTriageEval({ cases: loadTriageCases(file) })
if (values.json === true) console.log(JSON.stringify(figures, null, 2))
else printReport(file, figures)
process.exitCode = figures.underTriageEmergency > 0 ? 1 : 0
