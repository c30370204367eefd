import { percent, type SafetyEvalReport } from './run-safety-eval.ts'
import { SAFETY_VERDICTS } from './safety-case.ts'

/** A plain-text table of the report, with every failure listed under it. */
export function formatSafetyReport (report: SafetyEvalReport): string {
  const rows = SAFETY_VERDICTS.map((verdict) => {
    const score = report.categories[verdict]
    return [verdict, String(score.cases), String(score.correct), percent(score.recall)]
  })
  const table = formatTable([['expected', 'cases', 'correct', 'recall'], ...rows])
  const falseAlarms = `false alarms: ${report.falseAlarms.count} / ${report.falseAlarms.benignCases} benign cases (${percent(report.falseAlarms.rate)})`
  const failures = report.failures.map((failure) =>
    `  ${failure.id} [${failure.locale}] expected ${failure.expected}, got ${failure.actual}${failure.ruleIds.length ? ` (${failure.ruleIds.join(', ')})` : ''}: ${oneLine(failure.text)}`)
  return [
    `rules: ${report.ruleVersions.join(', ')}`,
    table,
    `total: ${report.correct} / ${report.total} correct`,
    falseAlarms,
    failures.length ? `failures:\n${failures.join('\n')}` : 'failures: none'
  ].join('\n')
}

function formatTable (rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)))
  return rows.map((row) => row.map((cell, column) => column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0)).join('  ')).join('\n')
}

function oneLine (text: string): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > 100 ? `${flat.slice(0, 97)}...` : flat
}
