import type { ColdStartResult } from './cold-start.ts'
import type { RetrievalRun } from './retrieval-runner.ts'
import { TARGETS, throughputRatio, type TargetCheck } from './targets.ts'
import type { EngineResult, ProfileResult } from './turn-bench.ts'

export type BenchReport = {
  name: string
  measuredAt: string
  command: string
  machine: { node: string, cpus: number, loadAverageBefore: number[], loadAverageAfter: number[], totalMemoryBytes: number }
  settings: { concurrencies: number[], secondsPerLevel: number, warmupSeconds: number, paced: { patients: number[], thinkMs: { min: number, max: number }, secondsPerLevel: number } | null }
  targets: TargetCheck[]
  engines: EngineResult[]
  profiles: ProfileResult[]
  retrieval: RetrievalRun | null
  coldStart: ColdStartResult | null
  notes: string[]
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)}`
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`

/** REPORT.md: targets first, then the figures behind them and where the time goes. */
export function reportMarkdown (report: BenchReport, resultFile: string): string {
  return [
    `# Benchmark report: ${report.name}`,
    '',
    `Measured ${report.measuredAt} with \`${report.command}\` on Node ${report.machine.node}, ${report.machine.cpus} CPUs, ` +
      `load average ${report.machine.loadAverageBefore.map((value) => value.toFixed(1)).join(' / ')} before and ${report.machine.loadAverageAfter.map((value) => value.toFixed(1)).join(' / ')} after ` +
      '(the machine is shared: figures are indicative, compare runs made under similar load). ' +
      `Raw figures: \`${resultFile}\`. Load generator and servers share the same machine over loopback.`,
    '',
    '## Targets',
    '',
    row(['target', 'scope', 'measured', 'result']),
    row(['---', '---', '---', '---']),
    ...report.targets.map((check) => row([check.target, check.scope, check.value, check.ok ? 'pass' : '**miss**'])),
    '',
    ...turnSection(report),
    ...pacedSection(report),
    ...stageSection(report),
    ...profileSection(report),
    ...memorySection(report),
    ...retrievalSection(report.retrieval),
    ...coldStartSection(report.coldStart),
    ...(report.notes.length ? ['## Notes', '', ...report.notes.map((note) => `- ${note}`), ''] : []),
    '## Reproduce',
    '',
    '```',
    'npm run bench                          # everything, each part bounded (about 5-6 minutes in all)',
    'npm run bench -- --seconds 10          # longer windows per concurrency level',
    'npm run bench -- --engines pglite --skip-retrieval --skip-cold-start',
    'npm run bench -- --retrieval-sizes 1000,10000 --retrieval-timeout 60   # skip the 100k corpus',
    'npm run bench -- --profile             # CPU profile even when every target passes',
    '```',
    ''
  ].join('\n')
}

function turnSection (report: BenchReport): string[] {
  const lines = ['## Turn throughput and latency, closed loop (real HTTP API)', '',
    'Each simulated patient starts a conversation and sends its journey of messages (zh-CN and en: clinic information, insurance, ' +
    'symptoms with screening answers), waiting for each answer, then starts again. "reference" is a bare Fastify route on the same ' +
    'database doing one INSERT and one full-text query over the approved phrases. Latency is per message turn.', '',
    'CPU % is CPU time over the window, 100 = one core (this machine has ' + report.machine.cpus + '): the bench server process (PGlite runs inside it, ' +
    'the server PostgreSQL does not), the load generator, and the whole machine; machine minus the other two is PostgreSQL plus whatever else ' +
    'ran on the machine at the time.', '',
    '![latency against concurrency](latency.svg)', '']
  for (const engine of report.engines) {
    lines.push(`### ${engine.engine}: ${engine.database}`, '',
      `pgvector: ${engine.vector ? 'yes (hybrid retrieval)' : 'no (lexical retrieval)'}; pool size ${engine.poolSize}; first start (migrate + sample data) ${engine.setupSeconds} s, then measured on a restart; ` +
      `throughput ratio (peak turn / peak reference) **${(throughputRatio(engine) * 100).toFixed(1)}%**.`, '',
      row(['concurrency', 'route', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'turns', 'failures', 'CPU % server / load gen / machine', 'turn/reference']),
      row(['---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---:', '---:']))
    for (const level of engine.levels) {
      const reference = engine.levels.find((other) => other.target === 'reference' && other.concurrency === level.concurrency)
      const ratio = level.target === 'turn' && reference?.turnsPerSecond ? `${(level.turnsPerSecond / reference.turnsPerSecond * 100).toFixed(1)}%` : ''
      const failures = Object.entries(level.failures).map(([status, count]) => `${status}×${count}`).join(' ') || '0'
      lines.push(row([level.concurrency, level.target, level.turnsPerSecond.toFixed(1), level.latency.p50, level.latency.p95, level.latency.p99, level.latency.max, level.turns, failures, `${level.serverCpuPercent} / ${level.loadGeneratorCpuPercent} / ${level.machineCpuPercent}`, ratio]))
    }
    lines.push('')
  }
  return lines
}

function pacedSection (report: BenchReport): string[] {
  const paced = report.settings.paced
  if (!paced || report.engines.every((engine) => engine.pacedLevels.length === 0)) return []
  const lines = ['## Latency with paced patients', '',
    `Real patients read the answer and type the next message. Here each simulated patient pauses ${paced.thinkMs.min / 1000}–${paced.thinkMs.max / 1000} s ` +
    '(uniformly at random) after every answer, and first speaks after a random pause, so the patients do not all start at once; ' +
    `${paced.secondsPerLevel} s per level. The closed loop above has no pause: it measures saturation, where latency is queueing ` +
    '(Little\'s law: latency = concurrency / throughput), not the time a patient waits in a clinic\'s day.', '',
    row(['engine', 'patients', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'turns', 'failures', 'CPU % server / load gen / machine']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---:'])]
  for (const engine of report.engines) {
    for (const level of engine.pacedLevels) {
      const failures = Object.entries(level.failures).map(([status, count]) => `${status}×${count}`).join(' ') || '0'
      lines.push(row([engine.engine, level.concurrency, level.turnsPerSecond.toFixed(1), level.latency.p50, level.latency.p95, level.latency.p99, level.latency.max, level.turns, failures, `${level.serverCpuPercent} / ${level.loadGeneratorCpuPercent} / ${level.machineCpuPercent}`]))
    }
  }
  lines.push('')
  return lines
}

function stageSection (report: BenchReport): string[] {
  const lines = ['## Where the time goes', '', '### Database share of a turn (concurrency 1)', '',
    'Counted by wrapping the app\'s Database port in the bench server: queries and wall time inside them per message turn ' +
    '(conversation starts included, so slightly high). With PGlite the "database" time is WASM work on the same thread as the app.', '',
    row(['engine', 'route', 'mean turn ms', 'queries/turn', 'query ms/turn', 'transactions/turn', 'transaction ms/turn', 'rest (app) ms/turn']),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:'])]
  for (const engine of report.engines) {
    for (const stage of engine.stages) {
      const rest = Math.max(0, stage.meanTurnMs - stage.queryMsPerTurn)
      lines.push(row([engine.engine, stage.target, stage.meanTurnMs, stage.queriesPerTurn, stage.queryMsPerTurn, stage.transactionsPerTurn, stage.transactionMsPerTurn, rest.toFixed(2)]))
    }
  }
  lines.push('')
  return lines
}

function profileSection (report: BenchReport): string[] {
  if (report.profiles.length === 0) return ['No CPU profile was taken (every target passed; `--profile` forces one).', '']
  const lines: string[] = []
  for (const profile of report.profiles) {
    const { summary } = profile
    lines.push(`### CPU profile, ${profile.engine}: full turns at concurrency ${profile.concurrency} for ${profile.seconds} s (${profile.turnsPerSecond} turns/s)`, '',
      `Sampled ${summary.totalMilliseconds} ms of the server's main thread; idle (waiting on I/O) ${summary.idlePercent}%.`, '',
      row(['area (self time)', 'ms', '% of window']), row(['---', '---:', '---:']),
      ...summary.byArea.slice(0, 12).map((share) => row([share.name, share.milliseconds, share.percent])), '',
      row(['function (self time)', 'ms', '% of window']), row(['---', '---:', '---:']),
      ...summary.topFunctions.map((share) => row([`\`${share.name.replaceAll('|', '\\|')}\``, share.milliseconds, share.percent])), '')
  }
  return lines
}

function memorySection (report: BenchReport): string[] {
  return ['## Memory (RSS of the bench server process: the app and the reference route)', '',
    'Measured on a restarted server (the database made by a first start), from 3 s after it is ready (V8 compiles PGlite\'s WebAssembly in the background for a second or two after start, at a few hundred MB); the first start, which creates the database and loads the sample corpus, has its own high-water mark.', '',
    row(['engine', 'idle after start MB', 'peak under load MB', 'idle after load MB', 'high-water mark MB', 'first start (install) high-water MB']),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
    ...report.engines.map((engine) => row([engine.engine, megabytes(engine.rss.idleAfterStartBytes), megabytes(engine.rss.peakUnderLoadBytes), megabytes(engine.rss.idleAfterLoadBytes), megabytes(engine.rss.highWaterMarkBytes), megabytes(engine.setupHighWaterBytes)])),
    '', `Target: under ${megabytes(TARGETS.rssUnderLoadBytes)} MB under load.`, '']
}

function retrievalSection (run: RetrievalRun | null): string[] {
  if (run === null) return ['## Retrieval and quick replies', '', 'Skipped (`--skip-retrieval`).', '']
  if (run.status === 'skipped') return ['## Retrieval and quick replies', '', `Skipped: ${run.note}.`, '']
  return ['## Retrieval and quick replies (bench/retrieval-bench.ts, in-memory PGlite)', '',
    `Sizes requested: ${run.requestedSizes.join(', ')}; ${run.status}${run.note ? ` (${run.note})` : ''}; ${run.seconds} s.`, '',
    row(['approved phrases', 'load s', 'retrieval p50 ms', 'retrieval p95 ms', 'quick reply p50 ms', 'quick reply p95 ms']),
    row(['---:', '---:', '---:', '---:', '---:', '---:']),
    ...run.sizes.map((size) => row([size.phrases, size.loadSeconds, size.retrieval.p50, size.retrieval.p95, size.quickReply.p50, size.quickReply.p95])), '']
}

function coldStartSection (coldStart: ColdStartResult | null): string[] {
  if (coldStart === null) return ['## Cold start', '', 'Skipped (`--skip-cold-start`).', '']
  return ['## Cold start (`node src/main.ts`, PGlite, spawn → first 200 from GET /health)', '',
    row(['data directory', 'seconds', 'RSS at the first 200 MB', 'RSS 3 s later, idle MB']), row(['---', '---:', '---:', '---:']),
    row(['empty (creates the database, migrates, loads the sample clinic, corpus and schedules)', coldStart.empty.seconds, megabytes(coldStart.empty.rssBytes), megabytes(coldStart.empty.settledRssBytes)]),
    ...coldStart.existing.map((start, index) => row([`existing, restart ${index + 1}`, start.seconds, megabytes(start.rssBytes), megabytes(start.settledRssBytes)])),
    '', 'Right after start RSS is sometimes several hundred MB higher for a second or two, then falls (most likely V8 optimising PGlite\'s WebAssembly in background threads: with --no-wasm-tier-up the spike does not appear).',
    '', `Median restart: ${coldStart.existingMedianSeconds.toFixed(2)} s (target < ${TARGETS.restartSeconds} s).`, '',
    ...(coldStart.restartStages
      ? ['Where a restart spends its time (the steps of src/main.ts, timed one by one on the same data directory by bench/start-stages.ts):', '',
          row(['step', 'ms']), row(['---', '---:']), ...coldStart.restartStages.map((stage) => row([stage.stage, stage.milliseconds])), '']
      : [])]
}
