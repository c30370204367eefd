// npm run bench [-- options]: turn throughput and latency through the real HTTP API on PGlite and
// on the server PostgreSQL next to a bare reference route, retrieval at corpus sizes, RSS, and cold
// start. Writes bench/results/<name>.json, bench/results/REPORT.md and bench/results/latency.svg.
// Every part is bounded by default (turns ≈ 60 s per engine, retrieval ≤ 400 s, cold start ≈ 30 s).
// Options: --name, --engines pglite,postgres, --concurrency 1,8,32,64, --seconds <per level>,
// --patients 16,64,128 (paced patients), --think-ms 1000-3000, --paced-seconds <per level>,
// --postgres-url <admin URL>, --skip-retrieval, --retrieval-sizes, --retrieval-timeout <s>,
// --skip-cold-start, --restarts <n>, --profile | --no-profile, --profile-seconds <s>.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { BenchEngine } from './bench-databases.ts'
import { measureColdStarts, type ColdStartResult } from './cold-start.ts'
import { latencyChartSvg, type ChartSeries } from './latency-chart.ts'
import { runRetrievalBench, type RetrievalRun } from './retrieval-runner.ts'
import { checkTargets, TARGETS } from './targets.ts'
import { benchEngine, profileTurns, type EngineResult, type ProfileResult } from './turn-bench.ts'
import { reportMarkdown, type BenchReport } from './write-report.ts'

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url))

const { values } = parseArgs({
  allowNegative: true,
  options: {
    name: { type: 'string', default: `bench-${new Date().toISOString().slice(0, 10)}` },
    engines: { type: 'string', default: 'pglite,postgres' },
    concurrency: { type: 'string', default: '1,8,32,64' },
    seconds: { type: 'string', default: '3' },
    patients: { type: 'string', default: '16,64,128' },
    'think-ms': { type: 'string', default: '1000-3000' },
    'paced-seconds': { type: 'string', default: '8' },
    'postgres-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
    'skip-retrieval': { type: 'boolean', default: false },
    'retrieval-sizes': { type: 'string', default: '1000,10000,100000' },
    // Building the 100k corpus takes about two minutes on 2 cores (RETRIEVAL_BENCH_CACHE keeps it).
    'retrieval-timeout': { type: 'string', default: '400' },
    'skip-cold-start': { type: 'boolean', default: false },
    restarts: { type: 'string', default: '3' },
    profile: { type: 'boolean' },
    'profile-seconds': { type: 'string', default: '5' }
  }
})

const engines = values.engines.split(',').map((engine) => engine.trim()).filter((engine): engine is BenchEngine => engine === 'pglite' || engine === 'postgres')
const concurrencies = values.concurrency.split(',').map(Number).filter((value) => Number.isInteger(value) && value > 0)
const secondsPerLevel = Number(values.seconds)
const [thinkMin, thinkMax] = values['think-ms'].split('-').map(Number)
const patients = values.patients.split(',').map(Number).filter((value) => Number.isInteger(value) && value > 0)
const paced = patients.length > 0 && Number.isFinite(thinkMin) && Number.isFinite(thinkMax)
  ? { patients, thinkMs: { min: thinkMin!, max: thinkMax! }, durationMs: Number(values['paced-seconds']) * 1000 }
  : null
const notes: string[] = []
const loadAverageBefore = loadavg()

const engineResults: EngineResult[] = []
for (const [index, engine] of engines.entries()) {
  log(`== turns on ${engine}`)
  try {
    engineResults.push(await benchEngine({ engine, adminUrl: values['postgres-url'], concurrencies, durationMs: secondsPerLevel * 1000, warmupMs: 1500, sequence: index, paced }))
  } catch (error) {
    notes.push(`${engine}: the turn benchmark failed: ${(error as Error).message.split('\n')[0]}`)
    log(`${engine} failed: ${(error as Error).message}`)
  }
}

let retrieval: RetrievalRun | null = null
if (!values['skip-retrieval']) {
  log('== retrieval (bench/retrieval-bench.ts)')
  retrieval = await runRetrievalBench(values['retrieval-sizes'].split(',').map(Number), Number(values['retrieval-timeout']) * 1000)
}

let coldStart: ColdStartResult | null = null
if (!values['skip-cold-start']) {
  log('== cold start')
  try {
    coldStart = await measureColdStarts(Number(values.restarts))
  } catch (error) {
    notes.push(`cold start failed: ${(error as Error).message.split('\n')[0]}`)
  }
}

const targets = checkTargets(engineResults, coldStart)
const turnTargetMissed = targets.some((check) => !check.ok && !check.target.startsWith('restart'))
const profiles: ProfileResult[] = []
if (values.profile === true || (values.profile !== false && turnTargetMissed)) {
  for (const [index, engine] of engineResults.map((result) => result.engine).entries()) {
    log(`== CPU profile on ${engine}`)
    try {
      profiles.push(await profileTurns({ engine, adminUrl: values['postgres-url'], concurrency: 8, durationMs: Number(values['profile-seconds']) * 1000, sequence: 10 + index }))
    } catch (error) {
      notes.push(`${engine}: the CPU profile failed: ${(error as Error).message.split('\n')[0]}`)
    }
  }
}

const report: BenchReport = {
  name: values.name,
  measuredAt: new Date().toISOString(),
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  machine: { node: process.version, cpus: cpus().length, loadAverageBefore, loadAverageAfter: loadavg(), totalMemoryBytes: totalmem() },
  settings: { concurrencies, secondsPerLevel, warmupSeconds: 1.5, paced: paced ? { patients: paced.patients, thinkMs: paced.thinkMs, secondsPerLevel: paced.durationMs / 1000 } : null },
  targets,
  engines: engineResults,
  profiles,
  retrieval,
  coldStart,
  notes
}

mkdirSync(RESULTS, { recursive: true })
const resultFile = `bench/results/${values.name}.json`
writeFileSync(new URL(`./results/${values.name}.json`, import.meta.url), `${JSON.stringify(report, null, 2)}\n`)
writeFileSync(new URL('./results/latency.svg', import.meta.url), latencyChartSvg(chartSeries(engineResults), { title: 'Message turn latency against concurrency', targetMilliseconds: TARGETS.p99AtHighestConcurrencyMs }))
writeFileSync(new URL('./results/REPORT.md', import.meta.url), reportMarkdown(report, resultFile))
for (const check of targets) log(`${check.ok ? 'pass' : 'MISS'}  ${check.target} [${check.scope}]: ${check.value}`)
log(`wrote ${resultFile}, bench/results/REPORT.md, bench/results/latency.svg`)

function chartSeries (results: EngineResult[]): ChartSeries[] {
  const colors: Record<BenchEngine, { turn: string, reference: string, paced: string }> = {
    pglite: { turn: '#1f77b4', reference: '#9ecae1', paced: '#2ca02c' },
    postgres: { turn: '#d62728', reference: '#fc9272', paced: '#9467bd' }
  }
  const closedLoop = results.flatMap((engine) => (['turn', 'reference'] as const).flatMap((target) => (['p50', 'p99'] as const).map((statistic) => ({
    label: `${engine.engine} ${target === 'turn' ? 'full turn' : 'reference'} ${statistic}`,
    color: colors[engine.engine][target],
    dashed: statistic === 'p50',
    points: engine.levels.filter((level) => level.target === target).map((level) => ({ concurrency: level.concurrency, milliseconds: level.latency[statistic] }))
  }))))
  const pacedPatients = results.filter((engine) => engine.pacedLevels.length > 0).flatMap((engine) => (['p50', 'p99'] as const).map((statistic) => ({
    label: `${engine.engine} paced patients ${statistic}`,
    color: colors[engine.engine].paced,
    dashed: statistic === 'p50',
    points: engine.pacedLevels.map((level) => ({ concurrency: level.concurrency, milliseconds: level.latency[statistic] }))
  })))
  return [...closedLoop, ...pacedPatients]
}

function log (line: string): void {
  process.stderr.write(`${line}\n`)
}
