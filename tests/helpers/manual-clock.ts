import type { Clock } from '../../src/clock.ts'

export type ManualClock = Clock & { set: (at: Date | string) => void, advance: (ms: number) => void }

/** A clock that moves only when the test says so (job run-at times, backoff, leases). */
export function manualClock (start: Date | string = '2026-12-01T08:00:00Z'): ManualClock {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    set (at) { current = new Date(at) },
    advance (ms) { current = new Date(current.getTime() + ms) }
  }
}
