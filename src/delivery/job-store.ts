import type { Database, Queryable } from '../db/database.ts'

export type JobStatus = 'queued' | 'running' | 'done' | 'dead' | 'cancelled'

export type NewJob = {
  kind: string
  /** Unique for ever: a second enqueue with the same key is ignored (and says so). */
  idempotencyKey: string
  payload: Record<string, unknown>
  /** Jobs with the same order key run one at a time, in the order they were enqueued. */
  orderKey?: string | null | undefined
  runAt: Date
  maxAttempts: number
}

export type ClaimedJob = {
  id: string
  kind: string
  idempotencyKey: string
  orderKey: string | null
  payload: Record<string, unknown>
  /** 1 on the first run; also the fencing token that finishing the job must present. */
  attempt: number
  maxAttempts: number
}

export type JobRecord = ClaimedJob & { status: JobStatus, runAt: Date, lastError: string | null, result: unknown, updatedAt: Date }

type JobRow = {
  id: string, kind: string, idempotency_key: string, order_key: string | null, payload: Record<string, unknown>, attempts: number, max_attempts: number, status: JobStatus, run_at: Date, last_error: string | null, result: unknown, updated_at: Date
}

const JOB_COLUMNS = 'id::text AS id, kind, idempotency_key, order_key, payload, attempts, max_attempts, status, run_at, last_error, result, updated_at'

/** SQL of the durable job queue (table delivery_jobs, migration 0012). */
export function createJobStore (database: Database) {
  return {
    /** Inserts unless the key exists; `queryable` may be a caller's transaction (an outbox write). */
    async insert (job: NewJob, now: Date, queryable: Queryable = database): Promise<{ id: string, created: boolean }> {
      const inserted = await queryable.query<{ id: string }>(
        `INSERT INTO delivery_jobs (kind, idempotency_key, order_key, payload, run_at, max_attempts, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id::text AS id`,
        [job.kind, job.idempotencyKey, job.orderKey ?? null, JSON.stringify(job.payload), job.runAt, job.maxAttempts, now])
      if (inserted.rows[0]) return { id: inserted.rows[0].id, created: true }
      const existing = await queryable.query<{ id: string }>('SELECT id::text AS id FROM delivery_jobs WHERE idempotency_key = $1', [job.idempotencyKey])
      return { id: existing.rows[0]?.id ?? '', created: false }
    },

    /**
     * Claims up to `limit` due jobs of the given kinds in one statement: queued ones whose run_at has
     * come, and running ones whose lease ran out (their worker died). SKIP LOCKED lets several
     * workers claim side by side without taking the same row; a job waits while an earlier job of
     * its order key is still pending. A worker never takes over a job it is running itself (its
     * lease renewal may only be late, e.g. behind PGlite's single connection).
     */
    async claim (input: { kinds: string[], limit: number, now: Date, leaseMs: number, runningHere?: string[] }): Promise<ClaimedJob[]> {
      if (input.kinds.length === 0 || input.limit <= 0) return []
      const result = await database.query<JobRow>(
        `WITH candidate AS (
           SELECT j.id FROM delivery_jobs j
           WHERE j.kind = ANY($1::text[])
             AND ((j.status = 'queued' AND j.run_at <= $2) OR (j.status = 'running' AND j.locked_until <= $2 AND NOT j.id = ANY($5::bigint[])))
             AND (j.order_key IS NULL OR NOT EXISTS (
               SELECT 1 FROM delivery_jobs e WHERE e.order_key = j.order_key AND e.id < j.id AND e.status IN ('queued', 'running')))
           ORDER BY j.run_at, j.id
           LIMIT $3
           FOR UPDATE SKIP LOCKED
         )
         UPDATE delivery_jobs SET status = 'running', attempts = delivery_jobs.attempts + 1, locked_until = $4, updated_at = $2
         FROM candidate WHERE delivery_jobs.id = candidate.id
         RETURNING delivery_jobs.${JOB_COLUMNS}`,
        [input.kinds, input.now, input.limit, new Date(input.now.getTime() + input.leaseMs), input.runningHere ?? []])
      return result.rows.sort((a, b) => Number(a.id) - Number(b.id)).map(toClaimed)
    },

    /** Each finish presents the attempt it claimed: a worker whose lease was taken over changes nothing. */
    async complete (job: ClaimedJob, now: Date, result: unknown): Promise<boolean> {
      return finish(database, job, "status = 'done', locked_until = NULL, result = $3::jsonb, updated_at = $4", [JSON.stringify(result ?? null), now])
    },

    /** Keeps a job that is still running its worker's (the heartbeat of a live worker). */
    async extendLease (job: ClaimedJob, lockedUntil: Date): Promise<boolean> {
      return finish(database, job, 'locked_until = $3', [lockedUntil])
    },

    async retryLater (job: ClaimedJob, now: Date, runAt: Date, error: string): Promise<boolean> {
      return finish(database, job, "status = 'queued', locked_until = NULL, run_at = $3, last_error = $4, updated_at = $5", [runAt, error, now])
    },

    async bury (job: ClaimedJob, now: Date, reason: string): Promise<boolean> {
      return finish(database, job, "status = 'dead', locked_until = NULL, last_error = $3, updated_at = $4", [reason, now])
    },

    /** Cancels a job that has not run yet (e.g. a reminder stopped before it was due). */
    async cancel (idempotencyKey: string, now: Date): Promise<boolean> {
      const result = await database.query("UPDATE delivery_jobs SET status = 'cancelled', updated_at = $2 WHERE idempotency_key = $1 AND status = 'queued'", [idempotencyKey, now])
      return result.rowCount > 0
    },

    async find (idempotencyKey: string): Promise<JobRecord | null> {
      const result = await database.query<JobRow>(`SELECT ${JOB_COLUMNS} FROM delivery_jobs WHERE idempotency_key = $1`, [idempotencyKey])
      return result.rows[0] ? toRecord(result.rows[0]) : null
    },

    async list (filter: { status?: JobStatus, kind?: string, limit?: number } = {}): Promise<JobRecord[]> {
      const result = await database.query<JobRow>(
        `SELECT ${JOB_COLUMNS} FROM delivery_jobs WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR kind = $2)
         ORDER BY id DESC LIMIT $3`, [filter.status ?? null, filter.kind ?? null, filter.limit ?? 100])
      return result.rows.map(toRecord)
    },

    /** Jobs still to run (queued or running): for health and shutdown reports. */
    async pendingCount (now: Date): Promise<number> {
      return (await this.counts(now)).pending
    },

    /**
     * Pending: running, or queued and due. A job scheduled for later (tomorrow's reminder, the next
     * retention purge) is not a backlog.
     */
    async counts (now: Date): Promise<{ pending: number, dead: number }> {
      const result = await database.query<{ pending: number, dead: number }>(
        `SELECT count(*) FILTER (WHERE status = 'running' OR (status = 'queued' AND run_at <= $1))::int AS pending,
           count(*) FILTER (WHERE status = 'dead')::int AS dead FROM delivery_jobs`, [now])
      return { pending: result.rows[0]?.pending ?? 0, dead: result.rows[0]?.dead ?? 0 }
    }
  }
}

export type JobStore = ReturnType<typeof createJobStore>

async function finish (database: Database, job: ClaimedJob, assignments: string, values: unknown[]): Promise<boolean> {
  const result = await database.query(
    `UPDATE delivery_jobs SET ${assignments} WHERE id = $1 AND attempts = $2 AND status = 'running'`, [job.id, job.attempt, ...values])
  return result.rowCount > 0
}

function toClaimed (row: JobRow): ClaimedJob {
  return { id: row.id, kind: row.kind, idempotencyKey: row.idempotency_key, orderKey: row.order_key, payload: row.payload, attempt: row.attempts, maxAttempts: row.max_attempts }
}

function toRecord (row: JobRow): JobRecord {
  return { ...toClaimed(row), status: row.status, runAt: row.run_at, lastError: row.last_error, result: row.result, updatedAt: row.updated_at }
}
