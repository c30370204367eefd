import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createJobQueue, type JobQueue } from '../../src/delivery/job-queue.ts'
import { PermanentJobError, RetryableJobError } from '../../src/delivery/job-errors.ts'
import type { ClaimedJob } from '../../src/delivery/job-store.ts'
import type { Database } from '../../src/db/database.ts'
import { openEmbeddedDatabase } from '../../src/db/open-database.ts'
import { migrate } from '../../src/db/migrate.ts'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.ts'
import { manualClock } from '../helpers/manual-clock.ts'

const SECOND = 1000

describe('the durable job queue', () => {
  let testDatabase: TestDatabase
  let database: Database
  const clock = manualClock()
  let counter = 0
  const unique = (name: string) => `${name}-${++counter}`
  const newQueue = (options: Partial<Parameters<typeof createJobQueue>[0]> = {}) =>
    createJobQueue({ database, clock, random: () => 0.5, backoff: { baseMs: 10 * SECOND, maxMs: 600 * SECOND }, ...options })

  beforeAll(async () => {
    testDatabase = await createTestDatabase('job-queue')
    database = testDatabase.database
  })
  afterAll(async () => { await testDatabase.cleanup() })
  beforeEach(() => { clock.set('2026-12-01T08:00:00Z') })

  it('runs a job enqueued twice with one idempotency key once', async () => {
    const queue = newQueue()
    const runs: string[] = []
    const kind = unique('once')
    queue.registerHandler(kind, async (job) => { runs.push(job.idempotencyKey) })
    const first = await queue.enqueue({ kind, idempotencyKey: `${kind}:a`, payload: { text: 'hello' } })
    const second = await queue.enqueue({ kind, idempotencyKey: `${kind}:a`, payload: { text: 'hello again' } })
    expect(first.created).toBe(true)
    expect(second).toEqual({ id: first.id, created: false })
    await queue.drain()
    // Also after the job is done: the key is remembered for ever, not only while pending.
    expect((await queue.enqueue({ kind, idempotencyKey: `${kind}:a` })).created).toBe(false)
    await queue.drain()
    expect(runs).toEqual([`${kind}:a`])
    expect((await queue.find(`${kind}:a`))?.status).toBe('done')
  })

  it('does not run a job before its run-at time', async () => {
    const queue = newQueue()
    const kind = unique('scheduled')
    const runs: unknown[] = []
    queue.registerHandler(kind, async (job) => { runs.push(job.payload) })
    await queue.enqueue({ kind, idempotencyKey: `${kind}:1`, payload: { n: 1 }, runAt: new Date(clock.now().getTime() + 3600 * SECOND) })
    await queue.drain()
    expect(runs).toEqual([])
    clock.advance(3600 * SECOND)
    await queue.drain()
    expect(runs).toEqual([{ n: 1 }])
  })

  it('retries a retryable failure later with backoff, then succeeds', async () => {
    const queue = newQueue()
    const kind = unique('retry')
    let calls = 0
    queue.registerHandler(kind, async () => {
      calls++
      if (calls === 1) throw new RetryableJobError('provider answered 500')
      return { delivered: true }
    })
    await queue.enqueue({ kind, idempotencyKey: `${kind}:1` })
    await queue.drain()
    const waiting = await queue.find(`${kind}:1`)
    expect(waiting).toMatchObject({ status: 'queued', attempt: 1, lastError: 'provider answered 500' })
    // Equal jitter with random 0.5: three quarters of the 10 s base.
    expect(waiting!.runAt.getTime() - clock.now().getTime()).toBe(7.5 * SECOND)
    clock.advance(5 * SECOND)
    await queue.drain()
    expect(calls).toBe(1)
    clock.advance(5 * SECOND)
    await queue.drain()
    expect(calls).toBe(2)
    expect(await queue.find(`${kind}:1`)).toMatchObject({ status: 'done', attempt: 2, result: { delivered: true } })
  })

  it('treats an unknown error (a network failure) as retryable', async () => {
    const queue = newQueue()
    const kind = unique('network')
    queue.registerHandler(kind, async () => { throw new TypeError('fetch failed') })
    await queue.enqueue({ kind, idempotencyKey: `${kind}:1` })
    await queue.drain()
    expect(await queue.find(`${kind}:1`)).toMatchObject({ status: 'queued', lastError: 'fetch failed' })
  })

  it('honours a longer Retry-After', async () => {
    const queue = newQueue()
    const kind = unique('retry-after')
    queue.registerHandler(kind, async () => { throw new RetryableJobError('429 too many requests', { retryAfterMs: 120 * SECOND }) })
    await queue.enqueue({ kind, idempotencyKey: `${kind}:1` })
    await queue.drain()
    const job = await queue.find(`${kind}:1`)
    expect(job!.runAt.getTime() - clock.now().getTime()).toBe(120 * SECOND)
  })

  it('does not retry a permanent failure: a dead letter with the reason', async () => {
    const queue = newQueue()
    const kind = unique('permanent')
    let calls = 0
    queue.registerHandler(kind, async () => { calls++; throw new PermanentJobError('provider answered 400: (#131030) Recipient phone number not in allowed list') })
    await queue.enqueue({ kind, idempotencyKey: `${kind}:1` })
    await queue.drain()
    clock.advance(24 * 3600 * SECOND)
    await queue.drain()
    expect(calls).toBe(1)
    const dead = await queue.list({ status: 'dead', kind })
    expect(dead).toHaveLength(1)
    expect(dead[0]!.lastError).toBe('permanent failure: provider answered 400: (#131030) Recipient phone number not in allowed list')
  })

  it('gives up after the last attempt with a visible reason', async () => {
    const queue = newQueue({ maxAttempts: 3 })
    const kind = unique('exhausted')
    let calls = 0
    queue.registerHandler(kind, async () => { calls++; throw new RetryableJobError('provider answered 503') })
    await queue.enqueue({ kind, idempotencyKey: `${kind}:1` })
    for (let step = 0; step < 6; step++) {
      await queue.drain()
      clock.advance(3600 * SECOND)
    }
    expect(calls).toBe(3)
    expect(await queue.find(`${kind}:1`)).toMatchObject({ status: 'dead', lastError: 'gave up after 3 attempts: provider answered 503' })
  })

  it('keeps the order of jobs that share an order key, even while the first is retried', async () => {
    const queue = newQueue()
    const kind = unique('ordered')
    const sent: string[] = []
    let failFirst = true
    queue.registerHandler(kind, async (job) => {
      if (job.payload.text === 'first' && failFirst) { failFirst = false; throw new RetryableJobError('503') }
      sent.push(String(job.payload.text))
    })
    await queue.enqueue({ kind, idempotencyKey: `${kind}:1`, orderKey: 'conversation-1', payload: { text: 'first' } })
    await queue.enqueue({ kind, idempotencyKey: `${kind}:2`, orderKey: 'conversation-1', payload: { text: 'second' } })
    await queue.enqueue({ kind, idempotencyKey: `${kind}:3`, orderKey: 'conversation-2', payload: { text: 'other conversation' } })
    await queue.drain()
    expect(sent).toEqual(['other conversation'])
    clock.advance(60 * SECOND)
    await queue.drain()
    expect(sent).toEqual(['other conversation', 'first', 'second'])
  })

  it('takes over the job of a worker that died once its lease runs out, and ignores the dead worker\'s late finish', async () => {
    const kind = unique('takeover')
    const crashed = newQueue({ leaseMs: 30 * SECOND })
    let claimedByCrashed: ClaimedJob | undefined
    let releaseCrashed: () => void = () => {}
    crashed.registerHandler(kind, (job) => {
      claimedByCrashed = job
      return new Promise((resolve) => { releaseCrashed = () => resolve('late') })
    })
    await crashed.enqueue({ kind, idempotencyKey: `${kind}:1` })
    const hanging = crashed.drain()
    await expect.poll(() => claimedByCrashed).toBeDefined()

    const restarted = newQueue({ leaseMs: 30 * SECOND })
    const runs: number[] = []
    restarted.registerHandler(kind, async (job) => { runs.push(job.attempt); return 'second worker' })
    await restarted.drain()
    expect(runs).toEqual([])
    clock.advance(31 * SECOND)
    await restarted.drain()
    expect(runs).toEqual([2])
    releaseCrashed()
    await hanging
    expect(await restarted.find(`${kind}:1`)).toMatchObject({ status: 'done', attempt: 2, result: 'second worker' })
  })

  it('cancels a job that has not run', async () => {
    const queue = newQueue()
    const kind = unique('cancel')
    let calls = 0
    queue.registerHandler(kind, async () => { calls++ })
    await queue.enqueue({ kind, idempotencyKey: `${kind}:1`, runAt: new Date(clock.now().getTime() + 60 * SECOND) })
    expect(await queue.cancel(`${kind}:1`)).toBe(true)
    clock.advance(120 * SECOND)
    await queue.drain()
    expect(calls).toBe(0)
    expect((await queue.find(`${kind}:1`))?.status).toBe('cancelled')
  })

  it('runs jobs in the background after start() until stop()', async () => {
    const queue = newQueue({ pollMs: 20 })
    const kind = unique('background')
    const runs: string[] = []
    queue.registerHandler(kind, async (job) => { runs.push(job.idempotencyKey) })
    queue.start()
    try {
      await queue.enqueue({ kind, idempotencyKey: `${kind}:1` })
      await queue.enqueue({ kind, idempotencyKey: `${kind}:2` })
      await expect.poll(() => runs.length).toBe(2)
    } finally {
      await queue.stop()
    }
    expect(runs.sort()).toEqual([`${kind}:1`, `${kind}:2`])
  })
})

describe.skipIf(testEngine !== 'pglite')('the queue in an embedded database on disk', () => {
  it('keeps a queued job across a restart of the database', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'job-queue-'))
    const clock = manualClock()
    try {
      const first = await openEmbeddedDatabase(directory)
      await migrate(first)
      await createJobQueue({ database: first, clock }).enqueue({ kind: 'send', idempotencyKey: 'reply:1', payload: { text: 'kept' } })
      await first.close()

      const second = await openEmbeddedDatabase(directory)
      const queue = createJobQueue({ database: second, clock })
      const runs: unknown[] = []
      queue.registerHandler('send', async (job) => { runs.push(job.payload) })
      await queue.drain()
      await second.close()
      expect(runs).toEqual([{ text: 'kept' }])
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  })
})

// Needs real concurrent connections; PGlite has one connection per process.
describe.skipIf(testEngine !== 'postgres')('several workers on the server PostgreSQL', () => {
  let testDatabase: TestDatabase
  let pools: Database[] = []
  beforeAll(async () => {
    testDatabase = await createTestDatabase('job-queue-workers')
    pools = await Promise.all([1, 2, 3].map(() => testDatabase.openAnother()))
  })
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.close()))
    await testDatabase.cleanup()
  })

  it('runs each of 60 jobs exactly once with three workers polling side by side', async () => {
    const runs = new Map<string, number>()
    const queues: JobQueue[] = pools.map((database) => {
      const queue = createJobQueue({ database, clock: { now: () => new Date() }, pollMs: 5, concurrency: 5 })
      queue.registerHandler('count', async (job) => {
        runs.set(job.idempotencyKey, (runs.get(job.idempotencyKey) ?? 0) + 1)
        await new Promise((resolve) => setTimeout(resolve, 2))
      })
      return queue
    })
    for (let index = 0; index < 60; index++) await queues[0]!.enqueue({ kind: 'count', idempotencyKey: `job-${index}` })
    queues.forEach((queue) => queue.start())
    try {
      await expect.poll(() => queues[0]!.pendingCount(), { timeout: 20_000 }).toBe(0)
    } finally {
      await Promise.all(queues.map((queue) => queue.stop()))
    }
    expect(runs.size).toBe(60)
    expect([...runs.values()].every((count) => count === 1)).toBe(true)
  })
})
