import { randomUUID } from 'node:crypto'
import type { Database, Queryable } from '../db/database.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import type { Channel } from '../conversations/conversation-store.ts'
import { reminderScheduleSchema, type ReminderSchedule } from './reminder-schedule.ts'

export type ReminderKind = 'medication' | 'check_in'
export type ReminderStatus = 'active' | 'paused' | 'stopped'
export type ReminderResponse = 'taken' | 'skipped' | 'snoozed' | 'stopped' | 'answered'

export type Reminder = {
  id: string
  clinicId: string
  conversationId: string
  kind: ReminderKind
  label: string | null
  schedule: ReminderSchedule
  timezone: string
  channel: Channel
  locale: string
  status: ReminderStatus
  nextAt: Date | null
  snoozeAt: Date | null
  checkInId: string | null
}

export type ReminderRow = {
  id: string
  clinic_id: string
  conversation_id: string
  kind: ReminderKind
  label_ciphertext: Buffer | null
  label_key_id: string | null
  schedule: unknown
  timezone: string
  channel: Channel
  locale: string
  status: ReminderStatus
  next_at: Date | null
  snooze_at: Date | null
  check_in_id: string | null
}

export const REMINDER_COLUMNS = 'id, clinic_id, conversation_id, kind, label_ciphertext, label_key_id, schedule, timezone, channel, locale, status, next_at, snooze_at, check_in_id'

/** The delivery a patient's "taken" / "skip" / reading answers: the latest one sent and not yet answered. */
export type PendingDelivery = { id: string, reminderId: string, kind: ReminderKind, checkInId: string | null, sentAt: Date }

/** SQL for reminders (labels encrypted with the message cipher), their deliveries and adherence. */
export function createReminderStore (database: Database, cipher: MessageCipher) {
  const toReminder = (row: ReminderRow): Reminder => ({
    id: row.id,
    clinicId: row.clinic_id,
    conversationId: row.conversation_id,
    kind: row.kind,
    label: row.label_ciphertext && row.label_key_id ? cipher.decrypt({ ciphertext: row.label_ciphertext, keyId: row.label_key_id }) : null,
    schedule: reminderScheduleSchema.parse(row.schedule),
    timezone: row.timezone,
    channel: row.channel,
    locale: row.locale,
    status: row.status,
    nextAt: row.next_at,
    snoozeAt: row.snooze_at,
    checkInId: row.check_in_id
  })

  return {
    toReminder,

    async create (input: Omit<Reminder, 'id' | 'status' | 'snoozeAt'> & { now: Date }): Promise<Reminder> {
      const id = randomUUID()
      const label = input.label ? cipher.encrypt(input.label) : null
      await database.query(
        `INSERT INTO reminders (id, clinic_id, conversation_id, kind, label_ciphertext, label_key_id, schedule, timezone, channel, locale, next_at, check_in_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`,
        [id, input.clinicId, input.conversationId, input.kind, label?.ciphertext ?? null, label?.keyId ?? null, JSON.stringify(input.schedule),
          input.timezone, input.channel, input.locale, input.nextAt, input.checkInId, input.now])
      return { ...input, id, status: 'active', snoozeAt: null }
    },

    async find (id: string): Promise<Reminder | null> {
      const result = await database.query<ReminderRow>(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE id = $1`, [id])
      return result.rows[0] ? toReminder(result.rows[0]) : null
    },

    /** The reminder, locked for this transaction (two workers on one occurrence wait for each other). */
    async lock (transaction: Queryable, id: string): Promise<Reminder | null> {
      const result = await transaction.query<ReminderRow>(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE id = $1 FOR UPDATE`, [id])
      return result.rows[0] ? toReminder(result.rows[0]) : null
    },

    /** Moves to the next occurrence; a schedule that has ended stops the reminder. */
    async moveOn (queryable: Queryable, input: { reminderId: string, nextAt: Date | null, now: Date }): Promise<void> {
      await queryable.query(
        `UPDATE reminders SET next_at = $2, updated_at = $3,
           status = CASE WHEN $2::timestamptz IS NULL THEN 'stopped' ELSE status END,
           stopped_at = CASE WHEN $2::timestamptz IS NULL THEN $3 ELSE stopped_at END
         WHERE id = $1`, [input.reminderId, input.nextAt, input.now])
    },

    async listActive (): Promise<Reminder[]> {
      const result = await database.query<ReminderRow>(`SELECT ${REMINDER_COLUMNS} FROM reminders WHERE status = 'active' ORDER BY id`)
      return result.rows.map(toReminder)
    },

    /** The message an occurrence already wrote into the conversation (a job re-run after a crash hands it over again). */
    async deliveredMessage (input: { reminderId: string, occurrenceAt: Date, kind: string }): Promise<{ id: string, text: string, disclaimer: string | null, quickReplies: Array<{ label: string, value: string }> } | null> {
      const result = await database.query<{ id: string, body_ciphertext: Buffer, body_key_id: string, meta: { disclaimer?: string | null, quickReplies?: Array<{ label: string, value: string }> } }>(
        `SELECT m.id, m.body_ciphertext, m.body_key_id, m.meta FROM reminder_deliveries d JOIN messages m ON m.id = d.message_id
         WHERE d.reminder_id = $1 AND d.occurrence_at = $2 AND d.kind = $3`, [input.reminderId, input.occurrenceAt, input.kind])
      const row = result.rows[0]
      if (!row) return null
      return { id: row.id, text: cipher.decrypt({ ciphertext: row.body_ciphertext, keyId: row.body_key_id }), disclaimer: row.meta.disclaimer ?? null, quickReplies: row.meta.quickReplies ?? [] }
    },

    async listForConversation (conversationId: string, options: { includeStopped?: boolean } = {}): Promise<Reminder[]> {
      const result = await database.query<ReminderRow>(
        `SELECT ${REMINDER_COLUMNS} FROM reminders WHERE conversation_id = $1 AND ($2 OR status <> 'stopped') ORDER BY created_at, id`,
        [conversationId, options.includeStopped === true])
      return result.rows.map(toReminder)
    },

    /** Stops the given reminders (all active ones when ids is null); returns the ones stopped. */
    async stop (input: { conversationId: string, ids: string[] | null, now: Date }): Promise<string[]> {
      const result = await database.query<{ id: string }>(
        `UPDATE reminders SET status = 'stopped', stopped_at = $3, updated_at = $3, next_at = NULL, snooze_at = NULL
         WHERE conversation_id = $1 AND status <> 'stopped' AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) RETURNING id`,
        [input.conversationId, input.ids, input.now])
      return result.rows.map((row) => row.id)
    },

    async snooze (input: { reminderId: string, at: Date, now: Date }): Promise<void> {
      await database.query("UPDATE reminders SET snooze_at = $2, updated_at = $3 WHERE id = $1 AND status = 'active'", [input.reminderId, input.at, input.now])
    },

    async pendingDelivery (input: { conversationId: string, since: Date }): Promise<PendingDelivery | null> {
      const result = await database.query<{ id: string, reminder_id: string, kind: ReminderKind, check_in_id: string | null, sent_at: Date }>(
        `SELECT d.id, d.reminder_id, r.kind, r.check_in_id, d.sent_at FROM reminder_deliveries d JOIN reminders r ON r.id = d.reminder_id
         WHERE d.conversation_id = $1 AND d.status = 'sent' AND d.response IS NULL AND d.sent_at >= $2 AND r.status = 'active'
         ORDER BY d.sent_at DESC LIMIT 1`, [input.conversationId, input.since])
      const row = result.rows[0]
      return row ? { id: row.id, reminderId: row.reminder_id, kind: row.kind, checkInId: row.check_in_id, sentAt: row.sent_at } : null
    },

    async respond (input: { deliveryId: string, response: ReminderResponse, now: Date }, queryable: Queryable = database): Promise<void> {
      await queryable.query('UPDATE reminder_deliveries SET response = $2, responded_at = $3 WHERE id = $1 AND response IS NULL', [input.deliveryId, input.response, input.now])
    },

    async saveReading (input: { clinicId: string, conversationId: string, reminderId: string | null, deliveryId: string | null, metric: string, values: Record<string, number>, level: string, now: Date }): Promise<void> {
      const sealed = cipher.encrypt(JSON.stringify(input.values))
      await database.query(
        `INSERT INTO check_in_readings (id, clinic_id, conversation_id, reminder_id, delivery_id, metric, values_ciphertext, values_key_id, level, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [randomUUID(), input.clinicId, input.conversationId, input.reminderId, input.deliveryId, input.metric, sealed.ciphertext, sealed.keyId, input.level, input.now])
    }
  }
}

export type ReminderStore = ReturnType<typeof createReminderStore>
