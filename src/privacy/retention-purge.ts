import type { Clock } from '../clock.ts'
import type { Database, Queryable } from '../db/database.ts'
import type { JobQueue } from '../delivery/job-queue.ts'
import type { Logger } from '../logger.ts'
import type { AuditTrail } from './audit-trail.ts'
import { erasePatientData } from './erase-patient-data.ts'
import type { MessageCipher } from './message-cipher.ts'
import type { RetentionSettings, RetentionSettingsStore } from './retention-settings.ts'

export const RETENTION_PURGE_JOB = 'privacy.retention_purge'
const ACTOR = { kind: 'system' as const, id: 'retention-purge' }
const DAY_MS = 86_400_000

export type RetentionPurgeOptions = {
  database: Database
  cipher: MessageCipher
  clock: Clock
  jobs: JobQueue
  audit: AuditTrail
  settings: RetentionSettingsStore
  logger?: Pick<Logger, 'info' | 'warn'> | undefined
  /** Conversations erased per transaction. */
  batchSize?: number
  /** Batches per clinic and run; what is left waits for the next run. */
  maxBatches?: number
  /** How often the purge runs (on whole multiples of it, UTC). */
  intervalMs?: number
}

export type ClinicPurgeResult = { clinicId: string, conversations: number, messages: number, appointments: number, countsRows: number, guardEvents: number }

export type RetentionPurge = {
  /** Queues the next run (idempotent; every instance may call it at start). */
  start: () => Promise<void>
  /** One pass over every clinic now (the job's body; tests call it through the queue). */
  runOnce: () => Promise<ClinicPurgeResult[]>
}

/**
 * The scheduled retention purge, a self-rescheduling job on the durable queue: each run first
 * queues the next one (keyed by its instant, so instances starting together queue it once, and
 * one order key so two runs never overlap), then, clinic by clinic, erases conversations idle
 * longer than the clinic's `conversationDays` (and bookings left without a conversation, once
 * the visit is that old) in batches, through the same code as a patient's own erasure, and
 * deletes anonymous counts older than `countsDays`. Each batch and its audit
 * event (ids and counts only) commit together.
 */
export function createRetentionPurge (options: RetentionPurgeOptions): RetentionPurge {
  const { database, clock, jobs, audit } = options
  const batchSize = options.batchSize ?? 500
  const maxBatches = options.maxBatches ?? 20
  const intervalMs = options.intervalMs ?? 3_600_000

  async function scheduleNext (): Promise<void> {
    const at = new Date((Math.floor(clock.now().getTime() / intervalMs) + 1) * intervalMs)
    await jobs.enqueue({ kind: RETENTION_PURGE_JOB, idempotencyKey: `retention-purge:${at.toISOString()}`, orderKey: RETENTION_PURGE_JOB, runAt: at, maxAttempts: 3 })
  }

  async function purgeConversations (clinicId: string, settings: RetentionSettings, result: ClinicPurgeResult): Promise<void> {
    const cutoff = new Date(clock.now().getTime() - settings.conversationDays * DAY_MS)
    for (let batch = 0; batch < maxBatches; batch++) {
      const erased = await database.transaction(async (transaction) => {
        const ids = await expiredConversations(transaction, { clinicId, cutoff, limit: batchSize })
        const appointmentIds = await expiredUnlinkedAppointments(transaction, { clinicId, cutoff, limit: batchSize })
        if (ids.length + appointmentIds.length === 0) return 0
        const counts = await erasePatientData(transaction, options.cipher, { clinicId, conversationIds: ids, appointmentIds, now: clock.now() })
        await audit.record({
          clinicId,
          actor: ACTOR,
          action: 'retention.purged',
          subject: { kind: 'clinic', id: clinicId },
          detail: { conversationDays: settings.conversationDays, cutoff: cutoff.toISOString(), conversationIds: ids, appointmentIds, ...counts }
        }, transaction)
        result.conversations += counts.conversations
        result.messages += counts.messages
        result.appointments += counts.appointments
        return Math.max(ids.length, appointmentIds.length)
      })
      if (erased < batchSize) return
    }
  }

  async function purgeCounts (clinic: { clinicId: string, timezone: string, settings: RetentionSettings }, result: ClinicPurgeResult): Promise<void> {
    const cutoff = new Date(clock.now().getTime() - clinic.settings.countsDays * DAY_MS)
    await database.transaction(async (transaction) => {
      const counts = await transaction.query('DELETE FROM conversation_counts WHERE clinic_id = $1 AND day < ($2::timestamptz AT TIME ZONE $3)::date', [clinic.clinicId, cutoff, clinic.timezone])
      const guards = await transaction.query('DELETE FROM guard_events WHERE clinic_id = $1 AND created_at < $2', [clinic.clinicId, cutoff])
      result.countsRows = counts.rowCount
      result.guardEvents = guards.rowCount
      if (counts.rowCount + guards.rowCount === 0) return
      await audit.record({
        clinicId: clinic.clinicId,
        actor: ACTOR,
        action: 'retention.counts_purged',
        subject: { kind: 'clinic', id: clinic.clinicId },
        detail: { countsDays: clinic.settings.countsDays, cutoff: cutoff.toISOString(), countsRows: counts.rowCount, guardEvents: guards.rowCount }
      }, transaction)
    })
  }

  async function runOnce (): Promise<ClinicPurgeResult[]> {
    const results: ClinicPurgeResult[] = []
    for (const clinic of await options.settings.listAll()) {
      const result = { clinicId: clinic.clinicId, conversations: 0, messages: 0, appointments: 0, countsRows: 0, guardEvents: 0 }
      await purgeConversations(clinic.clinicId, clinic.settings, result)
      await purgeCounts(clinic, result)
      if (result.conversations + result.countsRows + result.guardEvents > 0) options.logger?.info({ ...result }, 'retention purge')
      results.push(result)
    }
    return results
  }

  jobs.registerHandler(RETENTION_PURGE_JOB, async () => {
    // The next run is queued before this one works, so a failure here never ends the schedule.
    await scheduleNext()
    return { clinics: await runOnce() }
  })

  return { start: scheduleNext, runOnce }
}

/**
 * A clinic's conversations past retention: idle since before the cut-off, with no active
 * reminder, and no live appointment ending after the cut-off (a booking keeps its conversation until
 * `conversationDays` after the visit). Rows in use right now are skipped, not waited for.
 */
async function expiredConversations (transaction: Queryable, input: { clinicId: string, cutoff: Date, limit: number }): Promise<string[]> {
  const result = await transaction.query<{ id: string }>(
    `SELECT c.id FROM conversations c
     WHERE c.clinic_id = $1 AND c.last_activity_at < $2
       AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.conversation_id = c.id AND r.status = 'active')
       AND NOT EXISTS (SELECT 1 FROM appointments a JOIN slots s ON s.id = a.slot_id
                       WHERE a.conversation_id = c.id AND a.status <> 'cancelled' AND s.end_at >= $2)
     ORDER BY c.last_activity_at, c.id
     LIMIT $3
     FOR UPDATE OF c SKIP LOCKED`, [input.clinicId, input.cutoff, input.limit])
  return result.rows.map((row) => row.id)
}

/**
 * Bookings whose conversation was deleted without an erasure (a WeChat unsubscribe deletes the
 * user's conversations) still name the patient: they go once the visit is past retention too.
 */
async function expiredUnlinkedAppointments (transaction: Queryable, input: { clinicId: string, cutoff: Date, limit: number }): Promise<string[]> {
  const result = await transaction.query<{ id: string }>(
    `SELECT a.id FROM appointments a JOIN slots s ON s.id = a.slot_id
     WHERE a.clinic_id = $1 AND a.conversation_id IS NULL AND a.erased_at IS NULL AND s.end_at < $2 AND a.updated_at < $2
     ORDER BY s.end_at, a.id
     LIMIT $3
     FOR UPDATE OF a SKIP LOCKED`, [input.clinicId, input.cutoff, input.limit])
  return result.rows.map((row) => row.id)
}
