import type { Queryable } from '../db/database.ts'
import { createAppointmentStore } from '../appointments/appointment-store.ts'
import { inboundOrderKey, outboundOrderKey } from '../channels/channel-store.ts'
import type { ExternalChannel } from '../channels/channel-adapter.ts'
import type { MessageCipher } from './message-cipher.ts'

export type ErasureScope = {
  clinicId: string
  /** Conversations to erase; ids of another clinic or unknown ids are ignored. */
  conversationIds: string[]
  /** Appointments to anonymise besides those of the conversations (an agent-verified booking). */
  appointmentIds?: string[] | undefined
  now: Date
}

/** What one erasure removed: counts only, fit for the audit trail. */
export type ErasureCounts = {
  conversations: number
  messages: number
  appointments: number
  reminders: number
  handoffs: number
  jobsWithdrawn: number
  channelIdentities: number
}

type ErasedConversation = { id: string, channel: string, channel_user_id: string | null }

/**
 * Erases patients' data inside the caller's transaction (so the erasure and its audit event commit
 * together). Where patient data lives, and what happens to it:
 *
 * - conversations (slots, flow state, triage summary, channel user id, token hash): deleted, after
 *   their anonymous counts are added to conversation_counts; the token stops working (404);
 * - messages, inbound_receipts (stored answers), reminders, reminder_deliveries,
 *   check_in_readings, handoffs (agent notes): deleted with the conversation (ON DELETE CASCADE);
 * - appointments: name, phone and phone hash blanked; the row keeps the slot occupied;
 * - delivery_jobs: payloads naming the conversation are emptied and queued ones cancelled; the
 *   channel user's finished jobs lose their (sealed) texts and their order keys (which hold the
 *   channel user id); queued reminder jobs are cancelled;
 * - channel_users, channel_deliveries: the channel user's rows, once no conversation of theirs is left;
 * - guard_events: kept (rule ids only), unlinked by ON DELETE SET NULL;
 * - audit_events: kept (ids and counts only, append-only).
 *
 * Agents' consoles are told (NOTIFY, status 'erased') so an open transcript disappears.
 */
export async function erasePatientData (transaction: Queryable, cipher: MessageCipher, scope: ErasureScope): Promise<ErasureCounts> {
  const locked = await transaction.query<ErasedConversation>(
    'SELECT id, channel, channel_user_id FROM conversations WHERE clinic_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE',
    [scope.clinicId, scope.conversationIds])
  const conversations = locked.rows
  const ids = conversations.map((conversation) => conversation.id)
  await addAnonymousCounts(transaction, ids)
  const linked = await countLinkedRows(transaction, ids)
  const appointments = await createAppointmentStore(transaction, cipher)
    .erasePatientDetails({ clinicId: scope.clinicId, conversationIds: ids, appointmentIds: scope.appointmentIds ?? [], now: scope.now })
  const jobsWithdrawn = await withdrawJobs(transaction, { clinicId: scope.clinicId, ids, reminderIds: linked.reminderIds, channelUsers: channelUsersOf(conversations), now: scope.now })
  await transaction.query(
    `SELECT pg_notify('conv_events_' || current_schema(), json_build_object(
       'type', 'conversation', 'clinicId', $1::text, 'conversationId', id, 'status', 'erased', 'priority', NULL, 'assignedTo', NULL)::text)
     FROM unnest($2::uuid[]) AS id`, [scope.clinicId, ids])
  const deleted = await transaction.query('DELETE FROM conversations WHERE id = ANY($1::uuid[])', [ids])
  const channelIdentities = await forgetChannelUsersWithoutConversations(transaction, scope.clinicId, channelUsersOf(conversations))
  return {
    conversations: deleted.rowCount,
    messages: linked.messages,
    appointments,
    reminders: linked.reminderIds.length,
    handoffs: linked.handoffs,
    jobsWithdrawn,
    channelIdentities
  }
}

/** One row per clinic, local start day, channel, urgency and department: nothing that names a person. */
async function addAnonymousCounts (transaction: Queryable, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  await transaction.query(
    `INSERT INTO conversation_counts AS counts (clinic_id, day, channel, urgency, department, conversations, patient_messages, handoffs, appointments)
     SELECT c.clinic_id, (c.created_at AT TIME ZONE cl.timezone)::date, c.channel,
            COALESCE(c.state->'lastTriage'->>'urgency', ''), COALESCE(c.state->'lastTriage'->>'department', ''),
            count(*), sum(m.n), sum(h.n), sum(a.n)
     FROM conversations c
     JOIN clinics cl ON cl.id = c.clinic_id
     CROSS JOIN LATERAL (SELECT count(*) AS n FROM messages WHERE conversation_id = c.id AND role = 'patient') m
     CROSS JOIN LATERAL (SELECT count(*) AS n FROM handoffs WHERE conversation_id = c.id) h
     CROSS JOIN LATERAL (SELECT count(*) AS n FROM appointments WHERE conversation_id = c.id) a
     WHERE c.id = ANY($1::uuid[])
     GROUP BY 1, 2, 3, 4, 5
     -- Rows upserted in key order: two erasures touching the same counts lock them in the same order.
     ORDER BY 1, 2, 3, 4, 5
     ON CONFLICT (clinic_id, day, channel, urgency, department) DO UPDATE SET
       conversations = counts.conversations + EXCLUDED.conversations,
       patient_messages = counts.patient_messages + EXCLUDED.patient_messages,
       handoffs = counts.handoffs + EXCLUDED.handoffs,
       appointments = counts.appointments + EXCLUDED.appointments`,
    [ids])
}

async function countLinkedRows (transaction: Queryable, ids: string[]): Promise<{ messages: number, handoffs: number, reminderIds: string[] }> {
  const result = await transaction.query<{ messages: number, handoffs: number, reminder_ids: string[] }>(
    `SELECT (SELECT count(*) FROM messages WHERE conversation_id = ANY($1::uuid[]))::int AS messages,
            (SELECT count(*) FROM handoffs WHERE conversation_id = ANY($1::uuid[]))::int AS handoffs,
            ARRAY(SELECT id::text FROM reminders WHERE conversation_id = ANY($1::uuid[])) AS reminder_ids`, [ids])
  const row = result.rows[0]!
  return { messages: row.messages, handoffs: row.handoffs, reminderIds: row.reminder_ids }
}

type ChannelUser = { channel: ExternalChannel, userId: string }

function channelUsersOf (conversations: ErasedConversation[]): ChannelUser[] {
  const seen = new Map<string, ChannelUser>()
  for (const conversation of conversations) {
    if (conversation.channel === 'web' || !conversation.channel_user_id) continue
    seen.set(`${conversation.channel}:${conversation.channel_user_id}`, { channel: conversation.channel as ExternalChannel, userId: conversation.channel_user_id })
  }
  return [...seen.values()]
}

/**
 * Jobs may carry patient text: channel sends (the reply, sealed) name their conversation; a channel
 * user's inbound jobs hold what they wrote (sealed). Pending inbound jobs are left to run: they are
 * messages written after the erasure was asked for, and start a new conversation.
 */
async function withdrawJobs (transaction: Queryable, input: { clinicId: string, ids: string[], reminderIds: string[], channelUsers: ChannelUser[], now: Date }): Promise<number> {
  // A finished job's order key (it names the channel user) is no longer needed; a running one keeps it.
  const sends = await transaction.query<{ idempotency_key: string }>(
    `UPDATE delivery_jobs SET payload = '{}', status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
       order_key = CASE WHEN status = 'running' THEN order_key END, updated_at = $2
     WHERE payload ? 'conversationId' AND payload->>'conversationId' = ANY($1::text[])
     RETURNING idempotency_key`, [input.ids, input.now])
  const sendKeys = sends.rows.map((row) => row.idempotency_key)
  if (sendKeys.length > 0) {
    await transaction.query('DELETE FROM channel_deliveries WHERE clinic_id = $1 AND idempotency_key = ANY($2::text[])', [input.clinicId, sendKeys])
  }
  const reminders = await transaction.query(
    `UPDATE delivery_jobs SET status = 'cancelled', updated_at = $2
     WHERE payload ? 'reminderId' AND payload->>'reminderId' = ANY($1::text[]) AND status = 'queued'`, [input.reminderIds, input.now])
  const userKeys = input.channelUsers.flatMap((user) => {
    const key = { clinicId: input.clinicId, channel: user.channel, userId: user.userId }
    return [inboundOrderKey(key), outboundOrderKey(key)]
  })
  const inbound = await transaction.query(
    `UPDATE delivery_jobs SET payload = '{}', order_key = NULL, updated_at = $2
     WHERE order_key = ANY($1::text[]) AND status IN ('done', 'dead', 'cancelled')`, [userKeys, input.now])
  return sends.rowCount + reminders.rowCount + inbound.rowCount
}

/** The channel user's delivery statuses and last-inbound time, unless another conversation of theirs remains. */
async function forgetChannelUsersWithoutConversations (transaction: Queryable, clinicId: string, users: ChannelUser[]): Promise<number> {
  if (users.length === 0) return 0
  const values = [clinicId, users.map((user) => user.channel), users.map((user) => user.userId)]
  const orphans = `SELECT u.channel, u.user_id FROM unnest($2::text[], $3::text[]) AS u(channel, user_id)
    WHERE NOT EXISTS (SELECT 1 FROM conversations c WHERE c.clinic_id = $1 AND c.channel = u.channel AND c.channel_user_id = u.user_id)`
  await transaction.query(`DELETE FROM channel_deliveries d USING (${orphans}) o WHERE d.clinic_id = $1 AND d.channel = o.channel AND d.user_id = o.user_id`, values)
  const forgotten = await transaction.query(`DELETE FROM channel_users cu USING (${orphans}) o WHERE cu.clinic_id = $1 AND cu.channel = o.channel AND cu.user_id = o.user_id`, values)
  return forgotten.rowCount
}
