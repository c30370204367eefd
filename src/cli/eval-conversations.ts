import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { buildEvalApp } from '../eval/build-eval-app.ts'
import { formatScenarioReport, summarizeScenarios } from '../eval/conversations/format-scenario-report.ts'
import { assertUniqueScenarioIds, loadScenarioFile, loadScenarios } from '../eval/conversations/load-scenarios.ts'
import { runConversationScenarios } from '../eval/conversations/run-conversation-scenarios.ts'
import { runCli } from './run-cli.ts'

// Usage: node src/cli/eval-conversations.ts [--json] [--file clinic.yaml ...] [--dir scenarios/] [--run-skipped] [--at ISO-instant]
// Plays scripted conversations through the HTTP API of a fresh in-memory app with the sample
// clinic. With --file or --dir only those scenarios run. Exits 1 when any scenario fails.
const DEFAULT_SCENARIO_DIRECTORY = fileURLToPath(new URL('../../tests/eval/conversations/', import.meta.url))

runCli(async () => {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      file: { type: 'string', multiple: true, default: [] },
      dir: { type: 'string' },
      'run-skipped': { type: 'boolean', default: false },
      at: { type: 'string' }
    }
  })
  const scenarios = await loadSelectedScenarios(values.file, values.dir)
  // --at 2026-12-07T01:30:00Z: the app's clock stands still at that instant (the real clock by default).
  const at = values.at === undefined ? null : new Date(values.at)
  if (at && Number.isNaN(at.getTime())) throw new Error(`--at ${values.at} is no date and time`)
  const evalApp = await buildEvalApp(at ? { clock: { now: () => at } } : {})
  try {
    const results = await runConversationScenarios({ app: evalApp.app, scenarios, runSkipped: values['run-skipped'] })
    const summary = summarizeScenarios(results)
    process.stdout.write(values.json ? `${JSON.stringify({ summary, results }, null, 2)}\n` : `${formatScenarioReport(results)}\n`)
    return summary.failed > 0 ? 1 : 0
  } finally {
    await evalApp.close()
  }
})

async function loadSelectedScenarios (files: string[], directory: string | undefined) {
  const fromFiles = await Promise.all(files.map((path) => loadScenarioFile(path)))
  const fromDirectory = directory !== undefined || files.length === 0 ? await loadScenarios(directory ?? DEFAULT_SCENARIO_DIRECTORY) : []
  const scenarios = assertUniqueScenarioIds([...fromDirectory, ...fromFiles.flat()])
  if (scenarios.length === 0) throw new Error('no scenarios found')
  return scenarios
}
