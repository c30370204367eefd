import type { ClinicDirectory } from '../clinics/clinic-directory.ts'
import { toConversationRecord } from '../conversations/conversation-store.ts'
import type { Database, Queryable } from '../db/database.ts'
import type { Logger } from '../logger.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import type { ConversationEvents } from './conversation-events.ts'
import type { HandoffNotices } from './handoff-notices.ts'
import { nextStaffedOpening, type StaffedHours } from './staffed-hours.ts'

export type HandoffSettings = {
  staffedHours?: StaffedHours
  /** The expected wait per conversation ahead when the clinic has no recent claims to go by. */
  minutesPerConversation?: number
}

type IntakeServices = {
  database: Database
  cipher: MessageCipher
  events: ConversationEvents
  notices: HandoffNotices
  clinics: ClinicDirectory
  now: () => Date
  logger: Pick<Logger, 'warn'>
  /** An emergency still waiting this long re-alerts supervisors and gets the emergency phrase again. */
  emergencyRealertMinutes: number
}

const DEFAULT_MINUTES_PER_CONVERSATION = 5
const SWEEP_INTERVAL_MS = 30_000

/**
 * Every instance watches conversations enter the queue (LISTEN/NOTIFY). The first to open the
 * handoff's SLA record (one open row per conversation, enforced by a unique index) tells the
 * patient the expected wait, or outside staffed hours when someone will answer and the emergency
 * number; the others find the record open and stay quiet. A timer re-alerts emergencies left waiting.
 */
export function createHandoffIntake (services: IntakeServices) {
  const { database, cipher, events, notices, now } = services
  let unsubscribe: (() => void) | null = null
  let timer: NodeJS.Timeout | null = null

  async function intake (conversationId: string): Promise<boolean> {
    const at = now()
    const waiting = await database.query(`SELECT c.* FROM conversations c WHERE c.id = $1 AND c.status = 'waiting_agent'
      AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.conversation_id = c.id AND h.resolved_at IS NULL)`, [conversationId])
    if (!waiting.rows[0]) return false
    const conversation = toConversationRecord(waiting.rows[0], cipher)
    // Composed first: composing reads the corpus, which must not wait on our own open transaction.
    const notice = await notices.compose(conversation, await expectedWaitNotice(conversation, at))
    return database.transaction(async (transaction) => {
      const opened = await transaction.query(`INSERT INTO handoffs (id, clinic_id, conversation_id, priority, reason, requested_at)
          SELECT gen_random_uuid(), c.clinic_id, c.id, COALESCE(c.handoff_priority, 'normal'), c.handoff_reason, COALESCE(c.waiting_since, $2)
          FROM conversations c WHERE c.id = $1 AND c.status = 'waiting_agent'
          ON CONFLICT (conversation_id) WHERE resolved_at IS NULL DO NOTHING
          RETURNING conversation_id`, [conversationId, at])
      if (opened.rowCount === 0) return false
      await notices.append(transaction, conversation, notice, at)
      return true
    })
  }

  async function expectedWaitNotice (conversation: ReturnType<typeof toConversationRecord>, at: Date): Promise<{ key: string, variables: Record<string, string> }> {
    const clinic = await services.clinics.find(conversation.clinicId)
    const settings = (clinic?.settings as { handoff?: HandoffSettings } | undefined)?.handoff ?? {}
    const opening = clinic ? nextStaffedOpening(settings.staffedHours, clinic.timezone, at) : null
    if (opening) return { key: 'handoff.out_of_hours_until', variables: { date: opening.date, time: opening.time } }
    const minutes = await expectedWaitMinutes(database, conversation, settings.minutesPerConversation ?? DEFAULT_MINUTES_PER_CONVERSATION)
    return { key: 'handoff.expected_wait', variables: { minutes: String(minutes) } }
  }

  /** Conversations ahead (same or higher priority, waiting longer) times the clinic's recent time to claim. */
  async function expectedWaitMinutes (transaction: Queryable, conversation: { id: string, clinicId: string }, fallbackMinutes: number): Promise<number> {
    const result = await transaction.query<{ ahead: number, recent: number | null }>(`SELECT
        (SELECT count(*) FROM conversations o, conversations me WHERE me.id = $2 AND o.clinic_id = $1 AND o.status = 'waiting_agent' AND o.id <> me.id
          AND CASE o.handoff_priority WHEN 'emergency' THEN 0 WHEN 'high' THEN 1 ELSE 2 END <= CASE me.handoff_priority WHEN 'emergency' THEN 0 WHEN 'high' THEN 1 ELSE 2 END
          AND o.waiting_since <= me.waiting_since)::int AS ahead,
        (SELECT avg(extract(epoch FROM claimed_at - requested_at)) / 60 FROM (SELECT claimed_at, requested_at FROM handoffs
          WHERE clinic_id = $1 AND claimed_at IS NOT NULL ORDER BY claimed_at DESC LIMIT 20) recent)::float AS recent`, [conversation.clinicId, conversation.id])
    const { ahead = 0, recent = null } = result.rows[0] ?? {}
    const perConversation = recent && recent > 0 ? recent : fallbackMinutes
    return Math.min(240, Math.max(1, Math.ceil(perConversation * (ahead + 1))))
  }

  /** Emergencies waiting longer than the limit since the request or the last alert: alert again. */
  async function realertEmergencies (): Promise<string[]> {
    const at = now()
    // Claimed by one statement, so with several instances each emergency is re-alerted once.
    const due = await database.query(`UPDATE handoffs h SET last_alert_at = $1 FROM conversations c
      WHERE c.id = h.conversation_id AND h.resolved_at IS NULL AND c.status = 'waiting_agent' AND c.handoff_priority = 'emergency'
        AND COALESCE(h.last_alert_at, h.requested_at) <= $1::timestamptz - make_interval(mins => $2)
      RETURNING c.*`, [at, services.emergencyRealertMinutes])
    const channel = await events.channel()
    for (const row of due.rows) {
      const conversation = toConversationRecord(row, cipher)
      await notices.send(conversation, { key: 'safety.emergency', kind: 'emergency', now: at })
      await database.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify({ type: 'alert', clinicId: conversation.clinicId, conversationId: conversation.id, reason: 'emergency_waiting' })])
    }
    return due.rows.map((row) => String(row.id))
  }

  async function sweep (): Promise<void> {
    // Only recent ones: a patient who asked days ago (before this version ran) is not told "5 minutes" now.
    const waiting = await database.query<{ id: string }>(`SELECT c.id FROM conversations c WHERE c.status = 'waiting_agent'
      AND c.waiting_since > $1::timestamptz - interval '1 day'
      AND NOT EXISTS (SELECT 1 FROM handoffs h WHERE h.conversation_id = c.id AND h.resolved_at IS NULL) LIMIT 500`, [now()])
    for (const { id } of waiting.rows) await intake(id)
  }

  const report = (error: unknown) => services.logger.warn({ err: error }, 'handoff intake failed')

  return {
    intake,
    realertEmergencies,
    async start (): Promise<void> {
      unsubscribe = events.subscribe({}, (event) => {
        if (event.type === 'resync') sweep().catch(report)
        else if (event.type === 'conversation' && event.status === 'waiting_agent') intake(event.conversationId).catch(report)
      })
      await sweep().catch(report)
      timer = setInterval(() => { realertEmergencies().catch(report) }, SWEEP_INTERVAL_MS)
      timer.unref()
    },
    stop (): void {
      unsubscribe?.()
      if (timer) clearInterval(timer)
    }
  }
}

export type HandoffIntake = ReturnType<typeof createHandoffIntake>
