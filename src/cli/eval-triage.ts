import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createFindingExtractor } from '../clinical-findings/extract-findings.ts'
import { buildEvalApp } from '../eval/build-eval-app.ts'
import { loadTriageCases } from '../eval/triage/triage-case.ts'
import { runTriageEval, type TriageEvalFigures } from '../eval/triage/run-triage-eval.ts'
import { runCli } from './run-cli.ts'

// Usage: node src/cli/eval-triage.ts [--file cases.jsonl ...] [--json]
// Cases: {"id","locale","text","gold_urgency","gold_department"?} per line, played through the whole
// turn (HTTP API) with every follow-up answered "not sure". Default: the shared development
// vignettes. Exits 1 when a gold emergency is not answered emergency.

const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
const DEFAULT_FILE = resolve(REPO_ROOT, '..', 'shared', 'data', 'triage', 'dev_vignettes.jsonl')

const percent = (value: number) => `${(value * 100).toFixed(1)}%`

function report (file: string, figures: TriageEvalFigures): string {
  return [
    `Triage eval (whole turn): ${file}`,
    `cases                      ${figures.total}`,
    `urgency accuracy           ${percent(figures.urgencyAccuracy)}   (findings + rules alone: ${percent(figures.component.urgencyAccuracy)})`,
    `self-care accuracy         ${percent(figures.selfCareAccuracy)} of ${figures.selfCareCases}`,
    `emergencies not emergency  ${figures.underTriageEmergency}  (must be 0)`,
    `any under-triage           ${figures.underTriage}`,
    `over-triage rate           ${percent(figures.overTriageRate)}`,
    `department accuracy        ${percent(figures.departmentAccuracy)}  (${figures.departmentCases} cases with a gold department)`,
    'urgency confusion (gold → answered):',
    ...Object.entries(figures.urgencyConfusion).map(([gold, row]) => `  ${gold.padEnd(10)} ${JSON.stringify(row)}`),
    'misses:',
    ...figures.misses.map((miss) => `  ${miss.id}: urgency ${miss.gold.urgency} → ${miss.predicted.urgency}, department ${miss.gold.department ?? '-'} → ${miss.predicted.department ?? '-'} [${miss.redFlags.join(', ')}]`)
  ].join('\n')
}

runCli(async () => {
  const { values } = parseArgs({ options: { file: { type: 'string', multiple: true }, json: { type: 'boolean', default: false } } })
  const files = (values.file ?? [DEFAULT_FILE]).map((file) => resolve(file))
  const evalApp = await buildEvalApp()
  try {
    const extractor = createFindingExtractor()
    const results = []
    for (const file of files) results.push({ file, figures: await runTriageEval({ app: evalApp.app, cases: loadTriageCases(file), extractor }) })
    process.stdout.write(values.json ? `${JSON.stringify(results, null, 2)}\n` : `${results.map(({ file, figures }) => report(file, figures)).join('\n\n')}\n`)
    return results.some(({ figures }) => figures.underTriageEmergency > 0) ? 1 : 0
  } finally {
    await evalApp.close()
  }
})
