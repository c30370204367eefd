import type { ScenarioResult } from './run-conversation-scenarios.ts'

export type ScenarioSummary = { passed: number, failed: number, skipped: number }

export function summarizeScenarios (results: ScenarioResult[]): ScenarioSummary {
  const count = (status: ScenarioResult['status']) => results.filter((result) => result.status === status).length
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped') }
}

/** One line per scenario (PASS, FAIL with the turn and reason, SKIP with its reason), then the totals. */
export function formatScenarioReport (results: ScenarioResult[]): string {
  const lines = results.map(formatResult)
  const summary = summarizeScenarios(results)
  lines.push(`${summary.passed} passed, ${summary.failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`)
  const heldOut = results.filter((result) => isHoldOut(result.file))
  if (heldOut.length > 0) {
    const development = summarizeScenarios(results.filter((result) => !isHoldOut(result.file)))
    const holdOut = summarizeScenarios(heldOut)
    lines.push(`dev: ${development.passed}/${development.passed + development.failed} passed; hold-out: ${holdOut.passed}/${holdOut.passed + holdOut.failed} passed`)
  }
  return lines.join('\n')
}

/** Hold-out scenarios live in files named *-holdout.yaml, chosen before any result was seen. */
export function isHoldOut (file: string | undefined): boolean {
  return file !== undefined && /-holdout\.ya?ml$/u.test(file)
}

function formatResult (result: ScenarioResult): string {
  if (result.status === 'passed') return `PASS ${result.id}`
  if (result.status === 'failed') return `FAIL ${result.id}: ${failure(result)}`
  return `SKIP ${result.id}: ${result.skipReason}${rerunNote(result)}`
}

// A skipped scenario that was run anyway says whether the bug it documents is still there.
function rerunNote (result: ScenarioResult): string {
  if (result.rerun === 'now_passes') return ' [now passes: remove the skip]'
  if (result.rerun === 'still_fails') return ` [still fails at ${failure(result)}]`
  return ''
}

function failure (result: ScenarioResult): string {
  return result.failedTurn === 0 ? result.reason ?? '' : `turn ${result.failedTurn}: ${result.reason}`
}
