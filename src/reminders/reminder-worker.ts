import { randomUUID } from 'node:crypto'
import type { Clock } from '../clock.ts'
import type { Database, Queryable } from '../db/database.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import type { ClinicDirectory } from '../clinics/clinic-directory.ts'
import type { ConversationStore } from '../conversations/conversation-store.ts'
import type { VettedCorpus, TurnServices } from '../flows/turn-services.ts'
import { createReminderStore, REMINDER_COLUMNS, type Reminder, type ReminderRow } from './reminder-store.ts'
import { reminderSettingsOf } from './reminder-settings.ts'
import { inQuietHours, localClockTime, nextOccurrence } from './reminder-schedule.ts'
import { composeReminderMessage, type ReminderMessage } from './compose-reminder-message.ts'
import type { ReminderOutbound } from './reminder-outbound.ts'

export type ReminderWorker = {
  /** Sends every occurrence due at the clock's now, once; returns what it did. */
  tick: () => Promise<{ sent: number, expired: number }>
  /** Polls every intervalMs (main.ts); a tick never overlaps the previous one. */
  start: (intervalMs?: number) => void
  stop: () => Promise<void>
}

type WorkerDependencies = {
  database: Database
  cipher: MessageCipher
  clock: Clock
  clinics: ClinicDirectory
  corpus: VettedCorpus
  conversations: ConversationStore
  emergencyContacts: TurnServices['emergencyContacts']
  /** Channel sends (WhatsApp, WeChat) through the outbound queue; web needs none. */
  outbound?: ReminderOutbound | undefined
  guards?: TurnServices['guards'] | undefined
  logger?: { warn: (details: Record<string, unknown>, message: string) => void, error: (details: Record<string, unknown>, message: string) => void } | undefined
}

const BATCH = 20

/**
 * The table-based reminder scheduler. Each reminder row carries its next occurrence; a tick
 * (1) claims due reminders with FOR UPDATE SKIP LOCKED, records one `pending` delivery per
 * occurrence (unique per reminder, occurrence and kind) and moves the reminder to its next
 * occurrence, all in one transaction; then (2) writes each pending delivery into the conversation as a
 * bot message and hands it to the channel's outbound queue, in a second transaction that claims the
 * delivery again. Nothing lives in memory between ticks, so a restart picks up where the last
 * process stopped, and two workers never send one occurrence twice.
 */
export function createReminderWorker (dependencies: WorkerDependencies): ReminderWorker {
  const { database, clock } = dependencies
  const store = createReminderStore(database, dependencies.cipher)
  let timer: NodeJS.Timeout | null = null
  let running: Promise<unknown> | null = null

  async function tick (): Promise<{ sent: number, expired: number }> {
    const now = clock.now()
    let expired = 0
    for (;;) {
      const claimed = await claimDue(now)
      expired += claimed.expired
      if (claimed.count < BATCH) break
    }
    let sent = 0
    for (const delivery of await pendingDeliveries()) {
      if (await send(delivery, now)) sent++
    }
    return { sent, expired }
  }

  /** Step 1: due reminders become pending deliveries; each reminder moves on to its next occurrence. */
  async function claimDue (now: Date): Promise<{ count: number, expired: number }> {
    const clinicSettings = new Map<string, ReturnType<typeof reminderSettingsOf>>()
    return database.transaction(async (transaction) => {
      const due = await transaction.query<ReminderRow>(
        `SELECT ${REMINDER_COLUMNS} FROM reminders
         WHERE status = 'active' AND (next_at <= $1 OR snooze_at <= $1 OR next_at IS NULL)
         ORDER BY LEAST(next_at, snooze_at) NULLS FIRST LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`, [now])
      let expired = 0
      for (const row of due.rows) {
        const reminder = store.toReminder(row)
        const settings = clinicSettings.get(reminder.clinicId) ?? reminderSettingsOf(await clinicOf(transaction, reminder.clinicId))
        clinicSettings.set(reminder.clinicId, settings)
        const fired: Array<{ at: Date, kind: 'scheduled' | 'snooze' }> = []
        if (reminder.snoozeAt && reminder.snoozeAt <= now) fired.push({ at: reminder.snoozeAt, kind: 'snooze' })
        if (reminder.nextAt && reminder.nextAt <= now) fired.push({ at: reminder.nextAt, kind: 'scheduled' })
        for (const occurrence of fired) {
          const late = now.getTime() - occurrence.at.getTime() > settings.lateLimitMinutes * 60_000
          if (late) expired++
          await transaction.query(
            `INSERT INTO reminder_deliveries (id, reminder_id, clinic_id, conversation_id, occurrence_at, kind, status)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (reminder_id, occurrence_at, kind) DO NOTHING`,
            [randomUUID(), reminder.id, reminder.clinicId, reminder.conversationId, occurrence.at, occurrence.kind, late ? 'expired' : 'pending'])
        }
        const next = reminder.nextAt && reminder.nextAt > now ? reminder.nextAt : followingOccurrence(reminder, now, settings.quietHours)
        const snoozeDone = reminder.snoozeAt !== null && reminder.snoozeAt <= now
        await transaction.query(
          `UPDATE reminders SET next_at = $2, snooze_at = CASE WHEN $3 THEN NULL ELSE snooze_at END, updated_at = $4,
             status = CASE WHEN $2::timestamptz IS NULL AND (snooze_at IS NULL OR $3) THEN 'stopped' ELSE status END,
             stopped_at = CASE WHEN $2::timestamptz IS NULL AND (snooze_at IS NULL OR $3) THEN $4 ELSE stopped_at END
           WHERE id = $1`, [reminder.id, next, snoozeDone, now])
      }
      return { count: due.rows.length, expired }
    })
  }

  /** The next occurrence after now; an every-N-hours occurrence inside quiet hours is skipped. */
  function followingOccurrence (reminder: Reminder, now: Date, quiet: ReturnType<typeof reminderSettingsOf>['quietHours']): Date | null {
    let next = nextOccurrence(reminder.schedule, reminder.timezone, now)
    for (let guard = 0; next && reminder.schedule.frequency === 'interval' && inQuietHours(localClockTime(next, reminder.timezone), quiet) && guard < 48; guard++) {
      next = nextOccurrence(reminder.schedule, reminder.timezone, next)
    }
    return next
  }

  async function pendingDeliveries () {
    const result = await database.query<{ id: string, occurrence_at: Date } & ReminderRow>(
      `SELECT d.id AS delivery_id, d.occurrence_at, ${REMINDER_COLUMNS.split(', ').map((column) => `r.${column}`).join(', ')}
       FROM reminder_deliveries d JOIN reminders r ON r.id = d.reminder_id
       WHERE d.status = 'pending' ORDER BY d.occurrence_at LIMIT 200`)
    return result.rows.map((row) => ({ deliveryId: (row as unknown as { delivery_id: string }).delivery_id, occurrenceAt: row.occurrence_at, reminder: store.toReminder(row) }))
  }

  /** Step 2: the message goes into the conversation and to the channel, if the delivery is still pending. */
  async function send (delivery: { deliveryId: string, occurrenceAt: Date, reminder: Reminder }, now: Date): Promise<boolean> {
    const { reminder } = delivery
    try {
      const clinic = await dependencies.clinics.find(reminder.clinicId)
      if (!clinic) return false
      const message: ReminderMessage = await composeReminderMessage({ corpus: dependencies.corpus, clinic, reminder, occurrenceAt: delivery.occurrenceAt, emergencyContacts: dependencies.emergencyContacts, guards: dependencies.guards })
      const lastInboundAt = await lastPatientMessageAt(reminder.conversationId)
      return await database.transaction(async (transaction) => {
        const claimed = await transaction.query("SELECT id FROM reminder_deliveries WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED", [delivery.deliveryId])
        if (claimed.rows.length === 0) return false
        const messageId = await dependencies.conversations.appendMessage(transaction, {
          clinicId: reminder.clinicId,
          conversationId: reminder.conversationId,
          role: 'bot',
          kind: 'reminder',
          text: message.text,
          meta: { key: message.key, disclaimer: message.disclaimer ?? null, quickReplies: message.quickReplies, reminderId: reminder.id, deliveryId: delivery.deliveryId },
          now
        })
        await transaction.query("UPDATE reminder_deliveries SET status = 'sent', sent_at = $2, message_id = $3 WHERE id = $1", [delivery.deliveryId, now, messageId])
        if (reminder.channel !== 'web') {
          if (!dependencies.outbound) throw new Error(`no outbound queue for the ${reminder.channel} channel`)
          await dependencies.outbound.enqueue(transaction, { clinic, reminder, message, messageId, lastInboundAt, now })
        }
        return true
      })
    } catch (error) {
      dependencies.logger?.error({ err: error, reminderId: reminder.id, deliveryId: delivery.deliveryId }, 'a reminder could not be sent; it stays pending and is tried again')
      return false
    }
  }

  async function lastPatientMessageAt (conversationId: string): Promise<Date | null> {
    const result = await database.query<{ at: Date | null }>("SELECT max(created_at) AS at FROM messages WHERE conversation_id = $1 AND role = 'patient'", [conversationId])
    return result.rows[0]?.at ?? null
  }

  return {
    tick,
    start (intervalMs = 15_000) {
      if (timer) return
      timer = setInterval(() => {
        if (running) return
        running = tick().catch((error: unknown) => dependencies.logger?.error({ err: error }, 'reminder tick failed')).finally(() => { running = null })
      }, intervalMs)
      timer.unref()
    },
    async stop () {
      if (timer) clearInterval(timer)
      timer = null
      await running
    }
  }
}

async function clinicOf (queryable: Queryable, clinicId: string): Promise<{ settings: Record<string, unknown> }> {
  const result = await queryable.query<{ settings: Record<string, unknown> }>('SELECT settings FROM clinics WHERE id = $1', [clinicId])
  return { settings: result.rows[0]?.settings ?? {} }
}
