import { DateTime } from 'luxon'
import type { Database } from '../db/database.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import { labelOf } from './reminder-turn.ts'

export type AdherenceRow = {
  reminderId: string
  conversationId: string
  kind: 'medication' | 'check_in'
  label: string
  status: string
  sent: number
  taken: number
  skipped: number
  snoozed: number
  stopped: number
  answered: number
  noAnswer: number
  expired: number
}

export type AdherenceSummary = {
  clinicId: string
  timezone: string
  weekStart: string
  weekEnd: string
  reminders: AdherenceRow[]
  totals: { sent: number, taken: number, skipped: number, noAnswer: number, expired: number, takenRate: number | null }
  checkIns: Array<{ metric: string, readings: number, urgent: number, emergency: number }>
}

type Row = {
  id: string,
  conversation_id: string,
  kind: 'medication' | 'check_in',
  label_ciphertext: Buffer | null,
  label_key_id: string | null,
  status: string,
  sent: number,
  taken: number,
  skipped: number,
  snoozed: number,
  stopped: number,
  answered: number,
  no_answer: number,
  expired: number
}

/**
 * The clinic's weekly adherence summary: per reminder, what was sent in the week (Monday to
 * Sunday, clinic time) and how the patient answered; check-in readings and how many were out of the
 * clinic's range. Counts only; no readings' values.
 */
export async function weeklyAdherenceSummary (input: { database: Database, cipher: MessageCipher, clinicId: string, timezone: string, weekStart?: string | undefined, now: Date }): Promise<AdherenceSummary> {
  const monday = (input.weekStart ? DateTime.fromISO(input.weekStart, { zone: input.timezone }) : DateTime.fromJSDate(input.now, { zone: input.timezone })).startOf('week')
  const from = monday.toJSDate()
  const to = monday.plus({ weeks: 1 }).toJSDate()
  const result = await input.database.query<Row>(
    `SELECT r.id, r.conversation_id, r.kind, r.label_ciphertext, r.label_key_id, r.status,
       count(*) FILTER (WHERE d.status = 'sent')::int AS sent,
       count(*) FILTER (WHERE d.response = 'taken')::int AS taken,
       count(*) FILTER (WHERE d.response = 'skipped')::int AS skipped,
       count(*) FILTER (WHERE d.response = 'snoozed')::int AS snoozed,
       count(*) FILTER (WHERE d.response = 'stopped')::int AS stopped,
       count(*) FILTER (WHERE d.response = 'answered')::int AS answered,
       count(*) FILTER (WHERE d.status = 'sent' AND d.response IS NULL)::int AS no_answer,
       count(*) FILTER (WHERE d.status = 'expired')::int AS expired
     FROM reminders r JOIN reminder_deliveries d ON d.reminder_id = r.id AND d.occurrence_at >= $2 AND d.occurrence_at < $3
     WHERE r.clinic_id = $1 GROUP BY r.id ORDER BY min(r.created_at), r.id`, [input.clinicId, from, to])
  const readings = await input.database.query<{ metric: string, readings: number, urgent: number, emergency: number }>(
    `SELECT metric, count(*)::int AS readings, count(*) FILTER (WHERE level = 'urgent')::int AS urgent, count(*) FILTER (WHERE level = 'emergency')::int AS emergency
     FROM check_in_readings WHERE clinic_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY metric ORDER BY metric`, [input.clinicId, from, to])
  const reminders = result.rows.map((row): AdherenceRow => ({
    reminderId: row.id,
    conversationId: row.conversation_id,
    kind: row.kind,
    label: labelOf({ kind: row.kind, checkInId: null, label: row.label_ciphertext && row.label_key_id ? input.cipher.decrypt({ ciphertext: row.label_ciphertext, keyId: row.label_key_id }) : null }, 'en'),
    status: row.status,
    sent: row.sent,
    taken: row.taken,
    skipped: row.skipped,
    snoozed: row.snoozed,
    stopped: row.stopped,
    answered: row.answered,
    noAnswer: row.no_answer,
    expired: row.expired
  }))
  const medication = reminders.filter((row) => row.kind === 'medication')
  const sum = (pick: (row: AdherenceRow) => number) => medication.reduce((total, row) => total + pick(row), 0)
  const sent = sum((row) => row.sent)
  return {
    clinicId: input.clinicId,
    timezone: input.timezone,
    weekStart: monday.toISODate()!,
    weekEnd: monday.plus({ days: 6 }).toISODate()!,
    reminders,
    totals: { sent, taken: sum((row) => row.taken), skipped: sum((row) => row.skipped), noAnswer: sum((row) => row.noAnswer), expired: sum((row) => row.expired), takenRate: sent === 0 ? null : Math.round((sum((row) => row.taken) / sent) * 100) / 100 },
    checkIns: readings.rows
  }
}
