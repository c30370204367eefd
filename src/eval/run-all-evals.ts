import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { basename, dirname, resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrate } from '../db/migrate.ts'
import { openEmbeddedDatabase } from '../db/open-database.ts'
import { createTurnInputGuard } from './safety/turn-input-guard.ts'
import { createOfflineEmbedder } from '../knowledge/embedder.ts'
import { loadDepartmentRows, routerPredictor, runDepartmentEval, turnPredictor } from './departments/run-department-eval.ts'
import { buildEvalApp, type EvalApp } from './build-eval-app.ts'
import { createFindingExtractor } from '../clinical-findings/extract-findings.ts'
import { readEvalQueries, runRetrievalEval } from './retrieval/run-retrieval-eval.ts'
import { loadSafetyCaseFile, loadSafetyCases } from './safety/load-safety-cases.ts'
import { runSafetyEval, SAFETY_FLOORS } from './safety/run-safety-eval.ts'
import { loadTriageCases } from './triage/triage-case.ts'
import { splitTriageSetFolders } from './triage/triage-case-sets.ts'
import { runTriageEval } from './triage/run-triage-eval.ts'

/** pass: every check holds; miss: a quality target is missed (not a floor); fail: a safety floor broke or the suite crashed. */
export type SuiteStatus = 'pass' | 'miss' | 'fail' | 'skipped' | 'error'

export type SuiteCheck = { name: string, value: string, target: string, ok: boolean, floor: boolean }

export type SuiteResult = {
  suite: string
  dataset: string
  status: SuiteStatus
  checks: SuiteCheck[]
  note?: string
  seconds: number
}

export type EvalSummary = {
  startedAt: string
  results: SuiteResult[]
  floorBreaches: string[]
  exitCode: number
}

export type RunAllEvalsOptions = {
  /** Triage case files (JSONL); default: the shipped vignettes and the hold-out set. */
  triageFiles?: string[]
  /** Repository root (default: this checkout). */
  root?: string
  /** Department datasets directory (default: ../shared/data beside the repository). */
  departmentDataDirectory?: string
  /** Only these suites (default: every one). */
  suites?: string[]
}

type SuiteRun = () => Promise<Array<Omit<SuiteResult, 'seconds' | 'status'> & { status?: SuiteStatus }>>

const DEFAULT_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const RETRIEVAL_HIT_AT_3_TARGET = 0.85
const TRIAGE_ACCURACY_TARGET = 0.8
const SELF_CARE_TARGET = 0.7
/** Issue 11's targets for department routing through the turn, per shared dataset. */
const DEPARTMENT_TARGETS: Record<string, number> = { department_dev_toyhom_neike: 0.7, department_dev_cmtmedqa: 0.65 }
const CONVERSATION_TIMEOUT_MS = 300_000

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`

/**
 * Runs every evaluation suite in this process (conversations in a child process, through its CLI),
 * one after another, and decides the exit code: 1 when a safety floor breaks or a suite cannot run.
 */
export async function runAllEvals (options: RunAllEvalsOptions = {}): Promise<EvalSummary> {
  const root = options.root ?? DEFAULT_ROOT
  const allSuites: Array<[string, SuiteRun]> = [
    ['safety', () => safetySuite(root)],
    ['triage', () => triageSuite(options.triageFiles ?? defaultTriageFiles(root))],
    ['departments', () => departmentSuite(options.departmentDataDirectory ?? resolvePath(root, '..', 'shared', 'data'))],
    ['retrieval', () => retrievalSuite(root)],
    ['conversations', () => conversationSuite(root)]
  ]
  const unknown = options.suites?.filter((name) => !allSuites.some(([suite]) => suite === name)) ?? []
  if (unknown.length > 0) throw new Error(`unknown suite ${unknown.join(', ')} (suites: ${allSuites.map(([suite]) => suite).join(', ')})`)
  const suites = options.suites ? allSuites.filter(([suite]) => options.suites!.includes(suite)) : allSuites
  const startedAt = new Date().toISOString()
  const results: SuiteResult[] = []
  for (const [name, run] of suites) results.push(...await timed(name, run))
  const floorBreaches = results.flatMap((result) => result.checks.filter((check) => check.floor && !check.ok)
    .map((check) => `${result.suite} (${result.dataset}): ${check.name} ${check.value}, floor ${check.target}`))
  const broken = floorBreaches.length > 0 || results.some((result) => result.status === 'error' || result.status === 'fail')
  return { startedAt, results, floorBreaches, exitCode: broken ? 1 : 0 }
}

async function timed (suite: string, run: SuiteRun): Promise<SuiteResult[]> {
  const started = performance.now()
  const seconds = () => Number(((performance.now() - started) / 1000).toFixed(1))
  try {
    const results = await run()
    return results.map((result) => ({ ...result, status: result.status ?? statusOf(result.checks), seconds: seconds() }))
  } catch (error) {
    return [{ suite, dataset: '-', status: 'error', checks: [], note: error instanceof Error ? error.message : String(error), seconds: seconds() }]
  }
}

function statusOf (checks: SuiteCheck[]): SuiteStatus {
  if (checks.some((check) => check.floor && !check.ok)) return 'fail'
  return checks.every((check) => check.ok) ? 'pass' : 'miss'
}

/** Our own triage sets: shared development vignettes, the team's cases, and every split set, each development part beside its hold-out. */
function defaultTriageFiles (root: string): string[] {
  return [
    resolvePath(root, '..', 'shared', 'data', 'triage', 'dev_vignettes.jsonl'),
    ...['vignettes.jsonl', 'vignettes-holdout.jsonl'].map((name) => resolvePath(root, 'tests', 'eval', 'triage', name)),
    ...splitTriageSetFolders(root).flatMap((folder) => ['dev.jsonl', 'holdout.jsonl'].map((name) => resolvePath(folder, name)))
  ].filter((path) => existsSync(path))
}

/** A fresh app for the whole-turn suites: the real HTTP API on an in-memory database with the sample clinic. */
async function withEvalApp<T> (run: (app: EvalApp['app']) => Promise<T>): Promise<T> {
  const evalApp = await buildEvalApp()
  try {
    return await run(evalApp.app)
  } finally {
    await evalApp.close()
  }
}

async function safetySuite (root: string): ReturnType<SuiteRun> {
  const guard = createTurnInputGuard()
  const results = [safetyResult('tests/eval/safety', runSafetyEval({ cases: await loadSafetyCases(resolvePath(root, 'tests', 'eval', 'safety')), guard }))]
  // Our hold-outs: never tuned on, reported beside the development cases.
  const holdouts = resolvePath(root, 'tests', 'eval', 'holdout')
  const files = existsSync(holdouts) ? readdirSync(holdouts).filter((name) => name.startsWith('safety-') && name.endsWith('.jsonl')).sort() : []
  for (const name of files) {
    results.push(safetyResult(`tests/eval/holdout/${name}, hold-out`, runSafetyEval({ cases: await loadSafetyCaseFile(resolvePath(holdouts, name)), guard })))
  }
  return results
}

function safetyResult (dataset: string, report: ReturnType<typeof runSafetyEval>) {
  const { emergency, crisis } = report.categories
  return {
    suite: 'safety',
    dataset: `${dataset} (${report.total} cases)`,
    checks: [
      { name: 'emergency recall', value: percent(emergency.recall), target: '100%', ok: emergency.recall >= SAFETY_FLOORS.emergencyRecall, floor: true },
      { name: 'crisis recall', value: percent(crisis.recall), target: '100%', ok: crisis.recall >= SAFETY_FLOORS.crisisRecall, floor: true },
      { name: 'false alarms', value: percent(report.falseAlarms.rate), target: '≤ 5%', ok: report.falseAlarms.rate <= SAFETY_FLOORS.maxFalseAlarmRate, floor: false },
      { name: 'all verdicts', value: `${report.correct}/${report.total}`, target: 'info', ok: true, floor: false }
    ]
  }
}

async function triageSuite (files: string[]): ReturnType<SuiteRun> {
  if (files.length === 0) return [{ suite: 'triage', dataset: '-', status: 'skipped', checks: [], note: 'no triage case file found' }]
  const extractor = createFindingExtractor()
  return withEvalApp(async (app) => {
    const results = []
    for (const file of files) {
      const figures = await runTriageEval({ app, cases: loadTriageCases(file), extractor })
      const holdout = /holdout/u.test(basename(file))
      results.push({
        suite: 'triage',
        dataset: `${basename(dirname(file))}/${basename(file)} (${figures.total} cases${holdout ? ', hold-out' : ''})`,
        checks: [
          { name: 'emergencies not answered emergency', value: String(figures.underTriageEmergency), target: '0', ok: figures.underTriageEmergency === 0, floor: true },
          { name: 'urgency accuracy (whole turn)', value: percent(figures.urgencyAccuracy), target: '≥ 80%', ok: figures.urgencyAccuracy >= TRIAGE_ACCURACY_TARGET, floor: false },
          { name: 'self-care accuracy', value: `${percent(figures.selfCareAccuracy)} of ${figures.selfCareCases}`, target: '≥ 70%', ok: figures.selfCareAccuracy >= SELF_CARE_TARGET, floor: false },
          { name: 'under-triage (any)', value: String(figures.underTriage), target: 'info', ok: true, floor: false },
          { name: 'over-triage', value: percent(figures.overTriageRate), target: 'info', ok: true, floor: false },
          { name: 'department accuracy', value: `${percent(figures.departmentAccuracy)} of ${figures.departmentCases}`, target: 'info', ok: true, floor: false },
          { name: 'component: findings + rules alone', value: percent(figures.component.urgencyAccuracy), target: 'info', ok: true, floor: false }
        ]
      })
    }
    return results
  })
}

async function departmentSuite (directory: string): ReturnType<SuiteRun> {
  const files = existsSync(directory) ? readdirSync(directory).filter((name) => name.endsWith('.jsonl')).sort() : []
  if (files.length === 0) return [{ suite: 'departments', dataset: '-', status: 'skipped', checks: [], note: `no *.jsonl dataset in ${directory}` }]
  return withEvalApp(async (app) => {
    const results = []
    for (const name of files) {
      const rows = loadDepartmentRows(resolvePath(directory, name))
      const turn = await runDepartmentEval({ rows, predict: turnPredictor(app) })
      const router = await runDepartmentEval({ rows, predict: routerPredictor })
      const target = DEPARTMENT_TARGETS[basename(name, '.jsonl')]
      results.push({
        suite: 'departments',
        dataset: `${basename(name, '.jsonl')} (${turn.total} rows)`,
        checks: [
          { name: 'accuracy (whole turn)', value: percent(turn.accuracy), target: target === undefined ? 'info' : `≥ ${percent(target)}`, ok: target === undefined || turn.accuracy >= target, floor: false },
          { name: 'answered from billing/insurance/info text', value: String(turn.policyAnswered), target: '0', ok: turn.policyAnswered === 0, floor: false },
          { name: 'strict accuracy (whole turn)', value: percent(turn.strictAccuracy), target: 'info', ok: true, floor: false },
          { name: 'component: department router alone', value: percent(router.accuracy), target: 'info', ok: true, floor: false }
        ]
      })
    }
    return results
  })
}

async function retrievalSuite (root: string): ReturnType<SuiteRun> {
  const queries = await readEvalQueries(resolvePath(root, 'tests', 'eval', 'retrieval', 'queries.jsonl'))
  const results = []
  for (const lexicalOnly of [false, true]) {
    const db = await openEmbeddedDatabase('memory://')
    try {
      await migrate(db)
      const result = await runRetrievalEval({ db, embedder: createOfflineEmbedder(), corpusDirectory: resolvePath(root, 'corpus'), queries, lexicalOnly })
      results.push({
        suite: 'retrieval',
        dataset: `queries.jsonl, ${result.mode} (${queries.length} queries)`,
        checks: [
          ...result.metrics.filter((metric) => metric.locale !== 'all').map((metric) => ({
            name: `hit@3 ${metric.locale}`,
            value: metric.hitAt3.toFixed(3),
            target: lexicalOnly ? 'info' : `≥ ${RETRIEVAL_HIT_AT_3_TARGET}`,
            ok: lexicalOnly || metric.hitAt3 >= RETRIEVAL_HIT_AT_3_TARGET,
            floor: false
          })),
          { name: 'right answer first and above the answer threshold', value: percent(result.answeredAboveThreshold), target: 'info', ok: true, floor: false }
        ]
      })
    } finally {
      await db.close()
    }
  }
  return results
}

/**
 * The conversation suite runs through its CLI (`--json`; the module is young, its CLI is the stable
 * face); a failed scenario fails the suite, as the CLI's own exit code says.
 */
async function conversationSuite (root: string): ReturnType<SuiteRun> {
  const cli = resolvePath(root, 'src', 'cli', 'eval-conversations.ts')
  if (!existsSync(cli)) return [{ suite: 'conversations', dataset: '-', status: 'skipped', checks: [], note: 'src/cli/eval-conversations.ts does not exist yet' }]
  const run = await runChild(process.execPath, [cli, '--json'], root)
  const summary = parseScenarioSummary(run.stdout)
  if (!summary) {
    const lastLine = `${run.stdout}\n${run.stderr}`.trim().split('\n').filter(Boolean).at(-1) ?? ''
    return [{ suite: 'conversations', dataset: 'tests/eval/conversations', status: 'error', checks: [], note: `exit ${run.code ?? 'timeout'}: ${lastLine.slice(0, 200)}` }]
  }
  const total = summary.passed + summary.failed + summary.skipped
  return [{
    suite: 'conversations',
    dataset: `tests/eval/conversations (${total} scenarios)`,
    status: run.code === 0 && summary.failed === 0 ? 'pass' : 'fail',
    checks: [
      { name: 'failed scenarios', value: String(summary.failed), target: '0', ok: summary.failed === 0, floor: false },
      { name: 'passed / skipped', value: `${summary.passed} / ${summary.skipped}`, target: 'info', ok: true, floor: false }
    ]
  }]
}

function parseScenarioSummary (stdout: string): { passed: number, failed: number, skipped: number } | null {
  try {
    const summary = (JSON.parse(stdout) as { summary?: { passed?: unknown, failed?: unknown, skipped?: unknown } }).summary
    if (typeof summary?.passed !== 'number' || typeof summary.failed !== 'number') return null
    return { passed: summary.passed, failed: summary.failed, skipped: typeof summary.skipped === 'number' ? summary.skipped : 0 }
  } catch {
    return null
  }
}

function runChild (command: string, args: string[], cwd: string): Promise<{ code: number | null, stdout: string, stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8') })
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8') })
    const timer = setTimeout(() => child.kill('SIGTERM'), CONVERSATION_TIMEOUT_MS)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** One table row per check; suites without checks (skipped, crashed) get one row with their note. */
export function formatEvalSummary (summary: EvalSummary): string {
  const header = ['suite', 'dataset', 'check', 'value', 'target', 'status']
  const rows = summary.results.flatMap((result) => result.checks.length === 0
    ? [[result.suite, result.dataset, '-', '-', '-', `${result.status}: ${result.note ?? ''}`]]
    : result.checks.map((check) => [result.suite, result.dataset, check.name, check.value, check.target, checkStatus(check)]))
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)))
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()
  const notes = summary.results.filter((result) => result.checks.length > 0 && result.note).map((result) => `note (${result.suite}): ${result.note}`)
  const verdict = summary.floorBreaches.length > 0
    ? summary.floorBreaches.map((breach) => `FLOOR BROKEN: ${breach}`)
    : [summary.exitCode === 0 ? 'safety floors: hold' : 'a suite failed or could not run']
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), '', ...notes, ...verdict].join('\n')
}

function checkStatus (check: SuiteCheck): string {
  if (check.ok) return check.target === 'info' ? '' : 'pass'
  return check.floor ? 'FAIL (floor)' : 'miss'
}
