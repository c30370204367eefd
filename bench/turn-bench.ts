import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBenchDatabase, type BenchEngine } from './bench-databases.ts'
import { summarizeCpuProfile, type ProfileSummary } from './cpu-profile-summary.ts'
import { runLoad, type LoadResult, type LoadTarget } from './load-generator.ts'
import { startBenchServer, type BenchServer } from './server-process.ts'
import type { QueryCounters } from './timed-database.ts'

/**
 * CPU over the window, 100 = one core busy: the server process (with PGlite inside it), this load
 * generator, and the whole machine (so the share of everything else, e.g. PostgreSQL and other work, shows).
 */
export type LevelResult = LoadResult & { peakRssBytes: number, serverCpuPercent: number, loadGeneratorCpuPercent: number, machineCpuPercent: number, /** Server CPU time (user + system, PGlite included) per answered request. */ serverCpuMsPerTurn: number }

/** Per turn at concurrency 1: how much of it is spent waiting on the database. */
export type StageBreakdown = { target: LoadTarget, turns: number, meanTurnMs: number, queriesPerTurn: number, queryMsPerTurn: number, transactionsPerTurn: number, transactionMsPerTurn: number }

export type EngineResult = {
  engine: BenchEngine
  database: string
  vector: boolean
  poolSize: number
  /** First start on the new database: migrate and load the sample data. */
  setupSeconds: number
  /** RSS high-water mark of that first start. */
  setupHighWaterBytes: number
  rss: { idleAfterStartBytes: number, idleAfterLoadBytes: number, peakUnderLoadBytes: number, highWaterMarkBytes: number }
  levels: LevelResult[]
  /** Full turns from patients who pause to read and type between messages (see PacedOptions). */
  pacedLevels: LevelResult[]
  stages: StageBreakdown[]
}

/** Paced patients: how many at once, their pause between messages, and the window per level. */
export type PacedOptions = { patients: number[], thinkMs: { min: number, max: number }, durationMs: number }

export type TurnBenchOptions = { engine: BenchEngine, adminUrl: string, concurrencies: number[], durationMs: number, warmupMs: number, sequence: number, paced: PacedOptions | null }

/** One engine: its own fresh database and bench server, then each concurrency level for the full turn and the reference. */
export async function benchEngine (options: TurnBenchOptions): Promise<EngineResult> {
  const database = await createBenchDatabase(options.engine, options.adminUrl, options.sequence)
  try {
    // The first start creates and fills the database; a running service is a restarted one (with
    // PGlite the WASM heap keeps its set-up high-water mark), so the load goes to a second start.
    const installation = await startBenchServer(database.environment)
    const setupSeconds = installation.ready.setupSeconds
    const setupHighWaterBytes = installation.peakRss()
    await installation.stop()
    const server = await startBenchServer(database.environment)
    try {
      return { ...await measure(server, database.label, options), setupSeconds: Number(setupSeconds.toFixed(1)), setupHighWaterBytes }
    } finally {
      await server.stop()
    }
  } finally {
    await database.remove()
  }
}

async function measure (server: BenchServer, label: string, options: TurnBenchOptions): Promise<Omit<EngineResult, 'setupSeconds' | 'setupHighWaterBytes'>> {
  // Let the background compilation of PGlite's WebAssembly finish (a few hundred MB, for seconds).
  await new Promise((resolve) => setTimeout(resolve, 3000))
  const idleAfterStartBytes = server.rss()
  for (const target of ['turn', 'reference'] as const) await runLoad({ port: portOf(server, target), target, concurrency: 4, durationMs: options.warmupMs })
  const levels: LevelResult[] = []
  const stages: StageBreakdown[] = []
  for (const concurrency of options.concurrencies) {
    for (const target of ['turn', 'reference'] as const) {
      const { level, counters } = await measureLevel(server, { target, concurrency, durationMs: options.durationMs })
      levels.push(level)
      if (concurrency === 1) stages.push(stageBreakdown(level, counters))
      logLevel(options.engine, level)
    }
  }
  const pacedLevels: LevelResult[] = []
  for (const patients of options.paced?.patients ?? []) {
    const { level } = await measureLevel(server, { target: 'turn', concurrency: patients, durationMs: options.paced!.durationMs, thinkMs: options.paced!.thinkMs })
    pacedLevels.push(level)
    logLevel(options.engine, level)
  }
  await new Promise((resolve) => setTimeout(resolve, 1000))
  return {
    engine: options.engine,
    database: label,
    vector: server.ready.vector,
    poolSize: server.ready.poolSize,
    rss: {
      idleAfterStartBytes,
      idleAfterLoadBytes: server.rss(),
      peakUnderLoadBytes: Math.max(...levels.map((level) => level.peakRssBytes)),
      highWaterMarkBytes: server.peakRss()
    },
    levels,
    pacedLevels,
    stages
  }
}

/** One load level against the app or the reference route, with CPU and RSS over its window. */
async function measureLevel (server: BenchServer, load: { target: LoadTarget, concurrency: number, durationMs: number, thinkMs?: { min: number, max: number } }) {
  const before = await server.stats()
  const machineBefore = machineCpu()
  const generatorBefore = process.cpuUsage()
  let peakRssBytes = server.rss()
  const result = await runLoad({ port: portOf(server, load.target), ...load, onTick: () => { peakRssBytes = Math.max(peakRssBytes, server.rss()) } })
  const after = await server.stats()
  const machineAfter = machineCpu()
  const generator = process.cpuUsage(generatorBefore)
  // The window ends at the deadline; the last in-flight requests finish a little later, so these are slightly high.
  const percentOfWindow = (microseconds: number) => Number((microseconds / 1000 / load.durationMs * 100).toFixed(0))
  const machineTotal = Math.max(1, machineAfter.total - machineBefore.total)
  const level: LevelResult = {
    ...result,
    peakRssBytes,
    serverCpuPercent: percentOfWindow(after.cpuMicroseconds - before.cpuMicroseconds),
    serverCpuMsPerTurn: Number(((after.cpuMicroseconds - before.cpuMicroseconds) / 1000 / Math.max(1, result.turns)).toFixed(2)),
    loadGeneratorCpuPercent: percentOfWindow(generator.user + generator.system),
    machineCpuPercent: Number(((machineAfter.busy - machineBefore.busy) / machineTotal * cpus().length * 100).toFixed(0))
  }
  return { level, counters: difference(after.counters, before.counters) }
}

function logLevel (engine: BenchEngine, level: LevelResult): void {
  const mode = level.thinkMs ? `paced ${level.concurrency} patients` : `${level.target.padEnd(9)} c=${String(level.concurrency).padStart(2)}`
  log(`${engine} ${mode}: ${level.turnsPerSecond.toFixed(1)} turns/s, p50 ${level.latency.p50} ms, p99 ${level.latency.p99} ms, server CPU ${level.serverCpuMsPerTurn} ms/turn, CPU server ${level.serverCpuPercent}% / load generator ${level.loadGeneratorCpuPercent}% / machine ${level.machineCpuPercent}%${Object.keys(level.failures).length ? `, failures ${JSON.stringify(level.failures)}` : ''}`)
}

function difference (after: QueryCounters, before: QueryCounters): QueryCounters {
  return {
    queries: after.queries - before.queries,
    transactions: after.transactions - before.transactions,
    queryMilliseconds: after.queryMilliseconds - before.queryMilliseconds,
    transactionMilliseconds: after.transactionMilliseconds - before.transactionMilliseconds
  }
}

function stageBreakdown (result: LoadResult, counters: QueryCounters): StageBreakdown {
  // The counters also saw conversation starts; per turn is an upper bound that is close enough.
  const turns = Math.max(1, result.turns)
  const perTurn = (value: number) => Number((value / turns).toFixed(2))
  return {
    target: result.target,
    turns: result.turns,
    meanTurnMs: result.latency.mean,
    queriesPerTurn: perTurn(counters.queries),
    queryMsPerTurn: perTurn(counters.queryMilliseconds),
    transactionsPerTurn: perTurn(counters.transactions),
    transactionMsPerTurn: perTurn(counters.transactionMilliseconds)
  }
}

export type ProfileResult = { engine: BenchEngine, concurrency: number, seconds: number, turnsPerSecond: number, summary: ProfileSummary }

/** A CPU profile of the bench server during a bounded full-turn load (start-up excluded). */
export async function profileTurns (options: { engine: BenchEngine, adminUrl: string, concurrency: number, durationMs: number, sequence: number }): Promise<ProfileResult> {
  const database = await createBenchDatabase(options.engine, options.adminUrl, options.sequence)
  const directory = mkdtempSync(join(tmpdir(), 'bench-profile-'))
  try {
    const server = await startBenchServer(database.environment)
    try {
      await runLoad({ port: server.ready.appPort, target: 'turn', concurrency: 4, durationMs: 1000 })
      server.startProfile()
      await new Promise((resolve) => setTimeout(resolve, 200))
      const result = await runLoad({ port: server.ready.appPort, target: 'turn', concurrency: options.concurrency, durationMs: options.durationMs })
      const path = join(directory, `${options.engine}.cpuprofile`)
      await server.stopProfile(path)
      return { engine: options.engine, concurrency: options.concurrency, seconds: options.durationMs / 1000, turnsPerSecond: Number(result.turnsPerSecond.toFixed(1)), summary: summarizeCpuProfile(path) }
    } finally {
      await server.stop()
    }
  } finally {
    rmSync(directory, { recursive: true, force: true })
    await database.remove()
  }
}

/** Busy and total jiffies of all CPUs since boot, from /proc/stat (zeros elsewhere). */
function machineCpu (): { busy: number, total: number } {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    const total = fields.reduce((sum, value) => sum + value, 0)
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0)
    return { busy: total - idle, total }
  } catch {
    return { busy: 0, total: 0 }
  }
}

function portOf (server: BenchServer, target: LoadTarget): number {
  return target === 'turn' ? server.ready.appPort : server.ready.referencePort
}

function log (line: string): void {
  process.stderr.write(`${line}\n`)
}
