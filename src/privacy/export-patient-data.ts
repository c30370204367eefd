import type { Database } from '../db/database.ts'
import { createAppointmentStore } from '../appointments/appointment-store.ts'
import { createChannelStore } from '../channels/channel-store.ts'
import type { ExternalChannel } from '../channels/channel-adapter.ts'
import { CONVERSATION_RECORD_COLUMNS, toConversationRecord, type ConversationRecord, type ConversationStore } from '../conversations/conversation-store.ts'
import { toFeedMessage, type FeedMessage } from '../conversations/public-shapes.ts'
import { departmentName, type DepartmentCode } from '../flows/triage-vocabulary.ts'
import { createReminderStore, REMINDER_COLUMNS, type Reminder, type ReminderRow } from '../reminders/reminder-store.ts'
import type { MessageCipher } from './message-cipher.ts'

export const EXPORT_FORMAT = 'clinic-chat-patient-data/1'

/** Everything the service keeps about a patient's conversations, decrypted, as one JSON document. */
export type PatientDataExport = {
  format: typeof EXPORT_FORMAT
  exportedAt: string
  clinic: { id: string, name: Record<string, string> }
  conversations: ExportedConversation[]
  appointments: Array<{ reference: string, status: string, department: { code: string, name: Record<string, string> }, doctor: { id: string, name: Record<string, string> } | null, start: string, end: string, patient: { name: string, phone: string }, createdAt: string, updatedAt: string }>
  channelIdentities: Array<{ channel: string, userId: string, lastInboundAt: string | null }>
}

export type ExportedConversation = {
  id: string
  channel: string
  channelUserId: string | null
  locale: string
  status: string
  startedAt: string
  lastActivityAt: string
  turns: number
  triage: { urgency: string, department: { code: string, name: string } | null, redFlags: string[] } | null
  /** The dialogue's working state as stored (the flow in progress and what it has collected). */
  dialogueState: Record<string, unknown>
  messages: FeedMessage[]
  reminders: Array<Omit<Reminder, 'clinicId' | 'conversationId' | 'nextAt' | 'snoozeAt'> & { nextAt: string | null, createdAt: string, stoppedAt: string | null, deliveries: ExportedDelivery[] }>
  checkInReadings: Array<{ metric: string, values: unknown, level: string, createdAt: string }>
  handoffs: Array<{ priority: string, reason: string | null, requestedAt: string, claimedAt: string | null, firstAgentReplyAt: string | null, resolvedAt: string | null, outcome: string | null, note: string | null }>
  safetyChecks: Array<{ guard: string, category: string, ruleId: string, at: string }>
}

type ExportedDelivery = { occurrenceAt: string, kind: string, status: string, sentAt: string | null, response: string | null, respondedAt: string | null }

type ExportedRecord = ConversationRecord & { createdAt: Date }

type ExportDependencies = { database: Database, cipher: MessageCipher, conversations: ConversationStore, now: () => Date }

// A conversation's whole transcript, however long (the store's own listing has a default page).
const ALL_MESSAGES = 1_000_000

/**
 * Builds the export of some of a clinic's conversations (and verified appointments): the patient's
 * own copy of what the clinic holds. Read-only; the caller audits it.
 */
export function createPatientDataExporter ({ database, cipher, conversations, now }: ExportDependencies) {
  const appointments = createAppointmentStore(database, cipher)
  const channelUsers = createChannelStore(database, cipher)
  const reminders = createReminderStore(database, cipher)
  const decrypt = (ciphertext: Buffer | null, keyId: string | null) => ciphertext && keyId ? cipher.decrypt({ ciphertext, keyId }) : null

  async function exportConversation (row: ExportedRecord): Promise<ExportedConversation> {
    const [messages, reminderList, readings, handoffs, guards] = await Promise.all([
      conversations.listMessages(row.id, ALL_MESSAGES),
      exportReminders(row.id),
      database.query<{ metric: string, values_ciphertext: Buffer, values_key_id: string, level: string, created_at: Date }>(
        'SELECT metric, values_ciphertext, values_key_id, level, created_at FROM check_in_readings WHERE conversation_id = $1 ORDER BY created_at', [row.id]),
      database.query<{ priority: string, reason: string | null, requested_at: Date, claimed_at: Date | null, first_agent_reply_at: Date | null, resolved_at: Date | null, outcome: string | null, note_ciphertext: Buffer | null, note_key_id: string | null }>(
        `SELECT priority, reason, requested_at, claimed_at, first_agent_reply_at, resolved_at, outcome, note_ciphertext, note_key_id
         FROM handoffs WHERE conversation_id = $1 ORDER BY requested_at`, [row.id]),
      database.query<{ guard: string, category: string, rule_id: string, created_at: Date }>(
        'SELECT guard, category, rule_id, created_at FROM guard_events WHERE conversation_id = $1 ORDER BY created_at, id', [row.id])
    ])
    return {
      id: row.id,
      channel: row.channel,
      channelUserId: row.channelUserId,
      locale: row.locale,
      status: row.status,
      startedAt: row.createdAt.toISOString(),
      lastActivityAt: row.lastActivityAt.toISOString(),
      turns: row.turnCount,
      triage: triageOf(row),
      dialogueState: row.state,
      messages: messages.map(toFeedMessage),
      reminders: reminderList,
      checkInReadings: readings.rows.map((reading) => ({ metric: reading.metric, values: JSON.parse(decrypt(reading.values_ciphertext, reading.values_key_id)!), level: reading.level, createdAt: reading.created_at.toISOString() })),
      handoffs: handoffs.rows.map((handoff) => ({
        priority: handoff.priority,
        reason: handoff.reason,
        requestedAt: handoff.requested_at.toISOString(),
        claimedAt: iso(handoff.claimed_at),
        firstAgentReplyAt: iso(handoff.first_agent_reply_at),
        resolvedAt: iso(handoff.resolved_at),
        outcome: handoff.outcome,
        note: decrypt(handoff.note_ciphertext, handoff.note_key_id)
      })),
      safetyChecks: guards.rows.map((event) => ({ guard: event.guard, category: event.category, ruleId: event.rule_id, at: event.created_at.toISOString() }))
    }
  }

  async function exportReminders (conversationId: string): Promise<ExportedConversation['reminders']> {
    const [rows, deliveries] = await Promise.all([
      database.query<ReminderRow & { created_at: Date, stopped_at: Date | null }>(
        `SELECT ${REMINDER_COLUMNS}, created_at, stopped_at FROM reminders WHERE conversation_id = $1 ORDER BY created_at, id`, [conversationId]),
      database.query<{ reminder_id: string, occurrence_at: Date, kind: string, status: string, sent_at: Date | null, response: string | null, responded_at: Date | null }>(
        `SELECT reminder_id, occurrence_at, kind, status, sent_at, response, responded_at FROM reminder_deliveries
         WHERE conversation_id = $1 ORDER BY occurrence_at, kind`, [conversationId])
    ])
    return rows.rows.map((row) => {
      const { clinicId: _clinic, conversationId: _conversation, nextAt, snoozeAt: _snooze, ...reminder } = reminders.toReminder(row)
      return {
        ...reminder,
        nextAt: iso(nextAt),
        createdAt: row.created_at.toISOString(),
        stoppedAt: iso(row.stopped_at),
        deliveries: deliveries.rows.filter((delivery) => delivery.reminder_id === row.id).map((delivery) => ({
          occurrenceAt: delivery.occurrence_at.toISOString(), kind: delivery.kind, status: delivery.status, sentAt: iso(delivery.sent_at), response: delivery.response, respondedAt: iso(delivery.responded_at)
        }))
      }
    })
  }

  return {
    async export (scope: { clinicId: string, conversationIds: string[], appointmentIds?: string[] | undefined }): Promise<PatientDataExport> {
      const [clinic, rows, booked] = await Promise.all([
        database.query<{ id: string, name: Record<string, string> }>('SELECT id, name FROM clinics WHERE id = $1', [scope.clinicId]),
        database.query<Record<string, unknown> & { created_at: Date }>(
          `SELECT ${CONVERSATION_RECORD_COLUMNS.join(', ')}, created_at FROM conversations
           WHERE clinic_id = $1 AND id = ANY($2::uuid[]) ORDER BY created_at, id`, [scope.clinicId, scope.conversationIds]),
        appointments.listWithPatientDetails({ clinicId: scope.clinicId, conversationIds: scope.conversationIds, appointmentIds: scope.appointmentIds ?? [] })
      ])
      const records = rows.rows.map((row) => ({ ...toConversationRecord(row, cipher), createdAt: row.created_at }))
      const exported: ExportedConversation[] = []
      for (const record of records) exported.push(await exportConversation(record))
      return {
        format: EXPORT_FORMAT,
        exportedAt: now().toISOString(),
        clinic: { id: clinic.rows[0]?.id ?? scope.clinicId, name: clinic.rows[0]?.name ?? {} },
        conversations: exported,
        appointments: booked.map(({ patient, patientPhone, reference, status, department, doctor, start, end, createdAt, updatedAt }) => ({
          reference, status, department, doctor, start, end, patient: { name: patient.name, phone: patientPhone }, createdAt, updatedAt
        })),
        channelIdentities: await channelIdentitiesOf(records)
      }
    }
  }

  /** Each channel account of these conversations once, by channel and user id, with its last inbound time. */
  async function channelIdentitiesOf (records: ConversationRecord[]): Promise<PatientDataExport['channelIdentities']> {
    const users = new Map<string, { clinicId: string, channel: ExternalChannel, userId: string }>()
    for (const record of records) {
      if (record.channel === 'web' || !record.channelUserId) continue
      users.set(`${record.channel}\u0000${record.channelUserId}`, { clinicId: record.clinicId, channel: record.channel, userId: record.channelUserId })
    }
    const sorted = [...users.values()].sort((a, b) => a.channel.localeCompare(b.channel) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
    return Promise.all(sorted.map(async (user) => ({ channel: user.channel, userId: user.userId, lastInboundAt: iso(await channelUsers.lastInboundAt(user)) })))
  }
}

export type PatientDataExporter = ReturnType<typeof createPatientDataExporter>

function triageOf (row: ConversationRecord): ExportedConversation['triage'] {
  const last = row.state.lastTriage as { urgency?: string, department?: string | null, redFlags?: string[] } | undefined
  if (!last?.urgency) return null
  const locale = row.locale === 'zh-CN' ? 'zh-CN' : 'en'
  return {
    urgency: last.urgency,
    department: last.department ? { code: last.department, name: departmentName(last.department as DepartmentCode, locale) } : null,
    redFlags: last.redFlags ?? []
  }
}

function iso (date: Date | null): string | null {
  return date ? date.toISOString() : null
}
