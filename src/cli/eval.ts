import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { formatEvalSummary, runAllEvals } from '../eval/run-all-evals.ts'
import { runCli } from './run-cli.ts'

// Usage: node src/cli/eval.ts [--json] [--file triage-cases.jsonl ...] [--suite safety,triage,...]
// Runs every evaluation suite and prints one table. Exit code 1 when a safety floor breaks
// (emergency or crisis recall below 100%, any triage under-triage) or a suite fails or cannot run.
runCli(async () => {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, file: { type: 'string', multiple: true }, suite: { type: 'string', multiple: true } } })
  const suites = values.suite?.flatMap((list) => list.split(',')).map((name) => name.trim()).filter(Boolean)
  const summary = await runAllEvals({
    ...(values.file ? { triageFiles: values.file.map((file) => resolve(file)) } : {}),
    ...(suites?.length ? { suites } : {})
  })
  process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatEvalSummary(summary)}\n`)
  return summary.exitCode
})
