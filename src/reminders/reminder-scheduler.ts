import type { Queryable } from '../db/database.ts'
import type { JobQueue } from '../delivery/job-queue.ts'

export const REMINDER_JOB = 'reminder.occurrence'

export type OccurrenceKind = 'scheduled' | 'snooze'

export type ReminderScheduler = {
  /** Queues one occurrence to run at its instant; the same occurrence twice is one job. */
  schedule: (occurrence: { reminderId: string, at: Date, kind: OccurrenceKind }, transaction?: Queryable) => Promise<void>
}

/** Occurrences as jobs on the durable queue, keyed by reminder, kind and instant. */
export function createReminderScheduler (jobs: Pick<JobQueue, 'enqueue'>): ReminderScheduler {
  return {
    async schedule ({ reminderId, at, kind }, transaction) {
      await jobs.enqueue({
        kind: REMINDER_JOB,
        idempotencyKey: `reminder:${reminderId}:${kind}:${at.toISOString()}`,
        payload: { reminderId, occurrenceAt: at.toISOString(), kind },
        runAt: at
      }, transaction)
    }
  }
}
