import { AsyncLocalStorage } from 'node:async_hooks'
import type { Clock } from '../clock.ts'
import type { Database, Queryable } from '../db/database.ts'
import type { Logger } from '../logger.ts'
import { DEFAULT_BACKOFF, nextRetryDelayMs, type BackoffSettings } from './backoff.ts'
import { isPermanentJobError, retryAfterOf } from './job-errors.ts'
import { createJobStore, type ClaimedJob, type JobRecord, type JobStatus } from './job-store.ts'

export type EnqueueInput = {
  kind: string
  /** Unique for ever: enqueueing the same key again does nothing (created: false). */
  idempotencyKey: string
  payload?: Record<string, unknown>
  /** Default: now. */
  runAt?: Date
  /** Jobs sharing an order key (e.g. a conversation id) run one at a time, in enqueue order. */
  orderKey?: string | null
  /** Default: the queue's maxAttempts. */
  maxAttempts?: number
}

export type JobHandler = (job: ClaimedJob) => Promise<unknown>

export type JobQueueOptions = {
  database: Database
  clock: Clock
  logger?: Pick<Logger, 'warn' | 'error'> | undefined
  /** How long a claimed job is its worker's; after that another worker takes it over (a crash). */
  leaseMs?: number
  pollMs?: number
  concurrency?: number
  maxAttempts?: number
  backoff?: BackoffSettings
  random?: () => number
}

export type JobQueue = {
  /** Adds a job; pass a transaction as `queryable` to enqueue atomically with other writes. */
  enqueue: (job: EnqueueInput, queryable?: Queryable) => Promise<{ id: string, created: boolean }>
  /** One handler per kind. It throws PermanentJobError for no retry, RetryableJobError (or anything) to retry. */
  registerHandler: (kind: string, handler: JobHandler) => void
  cancel: (idempotencyKey: string) => Promise<boolean>
  find: (idempotencyKey: string) => Promise<JobRecord | null>
  list: (filter?: { status?: JobStatus, kind?: string, limit?: number }) => Promise<JobRecord[]>
  /** Jobs running or due now (not those scheduled for later). */
  pendingCount: () => Promise<number>
  /** Jobs running or due now, and dead letters (for /health). */
  counts: () => Promise<{ pending: number, dead: number }>
  /** Polls in the background until stop(); an enqueue in this process wakes it at once. */
  start: () => void
  /** Stops polling and waits for the jobs in hand to finish. */
  stop: () => Promise<void>
  /** Runs every job due now, one batch after another, until none is due (tests drive this with a manual clock). */
  drain: () => Promise<number>
}

const DEFAULTS = { leaseMs: 60_000, pollMs: 500, concurrency: 4, maxAttempts: 8 }

/**
 * The durable job queue on PostgreSQL or PGlite: jobs survive restarts (a job whose worker died is
 * taken over when its lease runs out; a live worker renews the lease while its handler runs), each
 * runs at most once at a time across workers (SKIP LOCKED, and a finish that presents the attempt
 * it claimed), retries back off with jitter.
 */
export function createJobQueue (options: JobQueueOptions): JobQueue {
  const store = createJobStore(options.database)
  const settings = { ...DEFAULTS, ...definedOnly({ leaseMs: options.leaseMs, pollMs: options.pollMs, concurrency: options.concurrency, maxAttempts: options.maxAttempts }) }
  const backoff = options.backoff ?? DEFAULT_BACKOFF
  const random = options.random ?? Math.random
  const handlers = new Map<string, JobHandler>()
  const inFlight = new Set<Promise<void>>()
  const runningIds = new Set<string>()
  let running = false
  let timer: NodeJS.Timeout | undefined
  let polling: Promise<void> | undefined
  let pollAgain = false
  // The context the queue was made in (no request's): an enqueue in a request that works for one
  // clinic (withClinicContext) must not make the worker run every clinic's jobs under that clinic.
  const outsideRequests = AsyncLocalStorage.snapshot()

  async function runJob (job: ClaimedJob): Promise<void> {
    const handler = handlers.get(job.kind)
    // While the handler runs, its lease is renewed: only a worker that died (or hangs) loses its job.
    const heartbeat = setInterval(() => {
      store.extendLease(job, new Date(options.clock.now().getTime() + settings.leaseMs)).catch(() => {})
    }, Math.max(50, settings.leaseMs / 3))
    heartbeat.unref()
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`)
      const result = await handler(job)
      await store.complete(job, options.clock.now(), result)
    } catch (error) {
      await recordFailure(job, error).catch((recordError: unknown) => {
        // The lease runs out and the job is retried: nothing is lost.
        options.logger?.error({ err: recordError, jobId: job.id }, 'could not record a failed job')
      })
    } finally {
      clearInterval(heartbeat)
    }
  }

  async function recordFailure (job: ClaimedJob, error: unknown): Promise<void> {
    const now = options.clock.now()
    const message = error instanceof Error ? error.message : String(error)
    if (isPermanentJobError(error)) {
      await store.bury(job, now, `permanent failure: ${message}`)
      options.logger?.warn({ jobId: job.id, kind: job.kind, key: job.idempotencyKey, reason: message }, 'job failed permanently (dead letter)')
      return
    }
    if (job.attempt >= job.maxAttempts) {
      await store.bury(job, now, `gave up after ${job.attempt} attempts: ${message}`)
      options.logger?.warn({ jobId: job.id, kind: job.kind, key: job.idempotencyKey, reason: message }, 'job ran out of attempts (dead letter)')
      return
    }
    const delay = nextRetryDelayMs(job.attempt, backoff, random, retryAfterOf(error))
    await store.retryLater(job, now, new Date(now.getTime() + delay), message)
  }

  async function claimAndStart (): Promise<number> {
    const free = settings.concurrency - inFlight.size
    const jobs = await store.claim({ kinds: [...handlers.keys()], limit: free, now: options.clock.now(), leaseMs: settings.leaseMs, runningHere: [...runningIds] })
    for (const job of jobs) {
      runningIds.add(job.id)
      const promise: Promise<void> = runJob(job).finally(() => {
        runningIds.delete(job.id)
        inFlight.delete(promise)
        if (running) wake()
      })
      inFlight.add(promise)
    }
    return jobs.length
  }

  function schedule (delayMs: number): void {
    if (!running) return
    clearTimeout(timer)
    timer = setTimeout(wake, delayMs)
    timer.unref()
  }

  function wake (): void {
    outsideRequests(poll)
  }

  function poll (): void {
    if (!running) return
    if (polling) { pollAgain = true; return }
    polling = (async () => {
      try {
        let again = true
        while (again) {
          pollAgain = false
          await claimAndStart()
          again = pollAgain && running
        }
      } catch (error) {
        options.logger?.error({ err: error }, 'job queue poll failed; trying again')
      } finally {
        polling = undefined
        schedule(settings.pollMs)
      }
    })()
  }

  return {
    async enqueue (job, queryable) {
      const now = options.clock.now()
      const created = await store.insert({
        kind: job.kind,
        idempotencyKey: job.idempotencyKey,
        payload: job.payload ?? {},
        orderKey: job.orderKey,
        runAt: job.runAt ?? now,
        maxAttempts: job.maxAttempts ?? settings.maxAttempts
      }, now, queryable)
      // Inside a caller's transaction the row is not visible yet; the next poll finds it.
      if (created.created && !queryable) wake()
      return created
    },
    registerHandler (kind, handler) {
      if (handlers.has(kind)) throw new Error(`a handler for job kind ${kind} is already registered`)
      handlers.set(kind, handler)
    },
    cancel: (idempotencyKey) => store.cancel(idempotencyKey, options.clock.now()),
    find: (idempotencyKey) => store.find(idempotencyKey),
    list: (filter) => store.list(filter),
    pendingCount: () => store.pendingCount(options.clock.now()),
    counts: () => store.counts(options.clock.now()),
    start () {
      if (running) return
      running = true
      wake()
    },
    async stop () {
      running = false
      clearTimeout(timer)
      await polling
      await Promise.all([...inFlight])
    },
    async drain () {
      let total = 0
      for (;;) {
        const claimed = await claimAndStart()
        await Promise.all([...inFlight])
        if (claimed === 0) return total
        total += claimed
      }
    }
  }
}

function definedOnly<T extends Record<string, unknown>> (values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>
}
