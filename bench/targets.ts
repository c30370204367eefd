import type { ColdStartResult } from './cold-start.ts'
import type { EngineResult } from './turn-bench.ts'

export const TARGETS = {
  throughputRatio: 0.5,
  p99AtHighestConcurrencyMs: 50,
  p99Patients: 64,
  rssUnderLoadBytes: 500 * 1024 * 1024,
  restartSeconds: 5
} as const

export type TargetCheck = { target: string, scope: string, value: string, ok: boolean }

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/** Peak full-turn throughput over peak reference throughput (each over the concurrency levels). */
export function throughputRatio (engine: EngineResult): number {
  const peak = (target: 'turn' | 'reference') => Math.max(0, ...engine.levels.filter((level) => level.target === target).map((level) => level.turnsPerSecond))
  const reference = peak('reference')
  return reference === 0 ? 0 : peak('turn') / reference
}

/** The targets of the issue, checked (reported as pass or miss, never asserted). */
export function checkTargets (engines: EngineResult[], coldStart: ColdStartResult | null): TargetCheck[] {
  const checks: TargetCheck[] = []
  for (const engine of engines) {
    const ratio = throughputRatio(engine)
    checks.push({ target: `full turn ≥ ${TARGETS.throughputRatio * 100}% of reference throughput`, scope: engine.engine, value: `${(ratio * 100).toFixed(1)}%`, ok: ratio >= TARGETS.throughputRatio })
    const paced = engine.pacedLevels.find((level) => level.concurrency === TARGETS.p99Patients)
    if (paced) {
      const think = paced.thinkMs!
      checks.push({ target: `full-turn p99 < ${TARGETS.p99AtHighestConcurrencyMs} ms with ${TARGETS.p99Patients} concurrent patients (paced, ${think.min / 1000}–${think.max / 1000} s between messages)`, scope: engine.engine, value: `${paced.latency.p99} ms`, ok: paced.latency.p99 < TARGETS.p99AtHighestConcurrencyMs && paced.turns > 0 })
    } else {
      const highest = Math.max(...engine.levels.map((level) => level.concurrency))
      const top = engine.levels.find((level) => level.target === 'turn' && level.concurrency === highest)
      if (top) checks.push({ target: `full-turn p99 < ${TARGETS.p99AtHighestConcurrencyMs} ms at ${highest} concurrent requests (closed loop)`, scope: engine.engine, value: `${top.latency.p99} ms`, ok: top.latency.p99 < TARGETS.p99AtHighestConcurrencyMs && top.turns > 0 })
    }
    checks.push({ target: `RSS < ${megabytes(TARGETS.rssUnderLoadBytes)} under load`, scope: engine.engine, value: megabytes(engine.rss.peakUnderLoadBytes), ok: engine.rss.peakUnderLoadBytes < TARGETS.rssUnderLoadBytes })
  }
  if (coldStart) {
    checks.push({ target: `restart < ${TARGETS.restartSeconds} s (existing data dir, median)`, scope: 'pglite, node src/main.ts', value: `${coldStart.existingMedianSeconds.toFixed(2)} s`, ok: coldStart.existingMedianSeconds < TARGETS.restartSeconds })
  }
  return checks
}
