import type { Database } from '../db/database.ts'
import type { JobQueue } from '../delivery/job-queue.ts'
import type { Logger } from '../logger.ts'
import type { AuditTrail } from './audit-trail.ts'
import { rotateKeys, rotationUnits } from './key-rotation.ts'
import type { MessageCipher } from './message-cipher.ts'

export const KEY_ROTATION_JOB = 'keys.rotate'

export type KeyRotationJobOptions = {
  jobs: JobQueue
  database: Database
  cipher: MessageCipher
  audit?: AuditTrail | undefined
  logger?: Pick<Logger, 'info' | 'warn'> | undefined
  /** Rows one job rewrites before it hands over to the next (a worker and a shutdown never wait long). */
  rowsPerJob?: number
  now?: () => Date
}

const DEFAULT_ROWS_PER_JOB = 5000

/**
 * Rotation in the background of the running service, on the durable job queue: the embedded
 * database cannot be opened by the CLI while the service runs, and a server deployment need not
 * run anything by hand. Each job rewrites up to `rowsPerJob` rows and enqueues the next, one at a
 * time (one order key); a crash is taken over by the queue and the work, selected by key id, is
 * simply picked up again.
 */
export function createKeyRotationJob (options: KeyRotationJobOptions) {
  const rowsPerJob = options.rowsPerJob ?? DEFAULT_ROWS_PER_JOB
  const now = options.now ?? (() => new Date())
  const enqueue = (suffix: string) => options.jobs.enqueue({
    kind: KEY_ROTATION_JOB,
    idempotencyKey: `${KEY_ROTATION_JOB}:${options.cipher.currentKeyId}:${options.cipher.lookup.currentKeyId}:${suffix}`,
    orderKey: KEY_ROTATION_JOB
  })

  options.jobs.registerHandler(KEY_ROTATION_JOB, async (job) => {
    const controller = new AbortController()
    const doneByTable = new Map<string, number>()
    const result = await rotateKeys({
      database: options.database,
      cipher: options.cipher,
      signal: controller.signal,
      audit: options.audit,
      actorId: KEY_ROTATION_JOB,
      onProgress: ({ table, done }) => {
        doneByTable.set(table, done)
        if ([...doneByTable.values()].reduce((sum, count) => sum + count, 0) >= rowsPerJob) controller.abort()
      }
    })
    if (!result.complete) await enqueue(`after-${job.id}`)
    options.logger?.info({ rewritten: result.rewritten, remaining: result.remaining }, result.complete ? 'key rotation complete' : 'key rotation goes on in the next job')
    return { complete: result.complete, rewritten: result.rewritten, remaining: result.remaining }
  })

  return {
    /** At start: queues a rotation when rows are under an older key and none is queued already; true when it did. */
    async schedule (): Promise<boolean> {
      const pending = await Promise.all(rotationUnits(options.cipher).map((unit) => unit.countPending(options.database, 'all')))
      if (pending.every((count) => count === 0)) return false
      const active = await options.database.query("SELECT 1 FROM delivery_jobs WHERE kind = $1 AND status IN ('queued', 'running') LIMIT 1", [KEY_ROTATION_JOB])
      if (active.rowCount > 0) return false
      await enqueue(now().toISOString())
      options.logger?.info({ keyId: options.cipher.currentKeyId, lookupKeyId: options.cipher.lookup.currentKeyId }, 'rows are under an older key: key rotation queued in the background')
      return true
    }
  }
}

export type KeyRotationJob = ReturnType<typeof createKeyRotationJob>
