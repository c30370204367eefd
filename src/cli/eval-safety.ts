import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createTurnInputGuard } from '../eval/safety/turn-input-guard.ts'
import { formatSafetyReport } from '../eval/safety/format-safety-report.ts'
import { assertUniqueIds, loadSafetyCaseFile, loadSafetyCases } from '../eval/safety/load-safety-cases.ts'
import { floorBreaches, runSafetyEval } from '../eval/safety/run-safety-eval.ts'
import { runCli } from './run-cli.ts'

// Usage: node src/cli/eval-safety.ts [--json] [--file extra.jsonl ...] [--dir tests/eval/safety]
// Exits 1 when emergency or crisis recall is below 100%.
const DEFAULT_CASES_DIRECTORY = fileURLToPath(new URL('../../tests/eval/safety/', import.meta.url))

runCli(async () => {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      file: { type: 'string', multiple: true, default: [] },
      dir: { type: 'string', default: DEFAULT_CASES_DIRECTORY }
    }
  })
  const extra = await Promise.all(values.file.map((path) => loadSafetyCaseFile(path)))
  const cases = assertUniqueIds([...await loadSafetyCases(values.dir), ...extra.flat()])
  const report = runSafetyEval({ cases, guard: createTurnInputGuard() })
  const breaches = floorBreaches(report)
  process.stdout.write(values.json ? `${JSON.stringify({ ...report, breaches }, null, 2)}\n` : `${formatSafetyReport(report)}\n${breaches.map((breach) => `FLOOR: ${breach}`).join('\n')}\n`)
  const recallFloorMissed = report.categories.emergency.recall < 1 || report.categories.crisis.recall < 1
  return recallFloorMissed ? 1 : 0
})
