import type { Queryable } from '../db/database.ts'
import { createAppointmentStore } from '../appointments/appointment-store.ts'
import { orderKeyCandidates, type ChannelUser } from '../channels/channel-job-payload.ts'
import type { ExternalChannel } from '../channels/channel-adapter.ts'
import { CONVERSATION_RECORD_COLUMNS, toConversationRecord, type ConversationRecord } from '../conversations/conversation-store.ts'
import { readConversationState } from '../flows/turn-types.ts'
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

/**
 * Erases patients' data inside the caller's transaction (so the erasure and its audit event commit
 * together). Where patient data lives, and what happens to it:
 *
 * - conversations (slots, flow state, triage summary, channel user id, token hash): deleted, after
 *   their anonymous counts are added to conversation_counts; the token stops working (404);
 * - messages, inbound_receipts (stored answers), reminders, reminder_deliveries,
 *   check_in_readings, handoffs (agent notes): deleted with the conversation (ON DELETE CASCADE);
 * - appointments: name, phone and phone hash blanked; the row keeps the slot occupied;
 * - delivery_jobs: payloads naming the conversation are emptied (with their results, which hold the
 *   provider's message id as a lookup hash) and queued ones cancelled; the channel user's finished
 *   jobs lose their (sealed) texts, results and order keys (which hold the channel user's lookup
 *   hash); queued reminder jobs are cancelled;
 * - channel_users, channel_deliveries: the channel user's rows, once no other conversation of
 *   theirs is left (found by lookup hash under every lookup key, so a rotation in progress misses none);
 * - guard_events: kept (rule ids only), unlinked by ON DELETE SET NULL;
 * - audit_events: kept (ids and counts only, append-only).
 *
 * Agents' consoles are told (NOTIFY, status 'erased') so an open transcript disappears.
 */
export async function erasePatientData (transaction: Queryable, cipher: MessageCipher, scope: ErasureScope): Promise<ErasureCounts> {
  const locked = await transaction.query<Record<string, unknown>>(
    `SELECT ${CONVERSATION_RECORD_COLUMNS.join(', ')} FROM conversations WHERE clinic_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
    [scope.clinicId, scope.conversationIds])
  const conversations = locked.rows.map((row) => toConversationRecord(row, cipher))
  const ids = conversations.map((conversation) => conversation.id)
  const channelUsers = channelUsersOf(conversations)
  await addAnonymousCounts(transaction, conversations)
  const linked = await countLinkedRows(transaction, ids)
  const appointments = await createAppointmentStore(transaction, cipher)
    .erasePatientDetails({ clinicId: scope.clinicId, conversationIds: ids, appointmentIds: scope.appointmentIds ?? [], now: scope.now })
  // Before the jobs are withdrawn: a user's delivery statuses are found through their jobs' order keys, which withdrawal clears.
  const channelIdentities = await forgetChannelUsersWithoutOtherConversations(transaction, cipher, { users: channelUsers, erasing: ids })
  const jobsWithdrawn = await withdrawJobs(transaction, cipher, { clinicId: scope.clinicId, ids, reminderIds: linked.reminderIds, channelUsers, now: scope.now })
  await transaction.query(
    `SELECT pg_notify('conv_events_' || current_schema(), json_build_object(
       'type', 'conversation', 'clinicId', $1::text, 'conversationId', id, 'status', 'erased', 'priority', NULL, 'assignedTo', NULL)::text)
     FROM unnest($2::uuid[]) AS id`, [scope.clinicId, ids])
  const deleted = await transaction.query('DELETE FROM conversations WHERE id = ANY($1::uuid[])', [ids])
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

/**
 * One row per clinic, local start day, channel, urgency and department: nothing that names a person.
 * The last triage is read from the decrypted flow state and passed in beside each conversation's id.
 */
async function addAnonymousCounts (transaction: Queryable, conversations: ConversationRecord[]): Promise<void> {
  if (conversations.length === 0) return
  const triages = conversations.map((conversation) => readConversationState(conversation).lastTriage)
  await transaction.query(
    `INSERT INTO conversation_counts AS counts (clinic_id, day, channel, urgency, department, conversations, patient_messages, handoffs, appointments)
     SELECT c.clinic_id, (c.created_at AT TIME ZONE cl.timezone)::date, c.channel, t.urgency, t.department,
            count(*), sum(m.n), sum(h.n), sum(a.n)
     FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, urgency, department)
     JOIN conversations c ON c.id = t.id
     JOIN clinics cl ON cl.id = c.clinic_id
     CROSS JOIN LATERAL (SELECT count(*) AS n FROM messages WHERE conversation_id = c.id AND role = 'patient') m
     CROSS JOIN LATERAL (SELECT count(*) AS n FROM handoffs WHERE conversation_id = c.id) h
     CROSS JOIN LATERAL (SELECT count(*) AS n FROM appointments WHERE conversation_id = c.id) a
     GROUP BY 1, 2, 3, 4, 5
     -- Rows upserted in key order: two erasures touching the same counts lock them in the same order.
     ORDER BY 1, 2, 3, 4, 5
     ON CONFLICT (clinic_id, day, channel, urgency, department) DO UPDATE SET
       conversations = counts.conversations + EXCLUDED.conversations,
       patient_messages = counts.patient_messages + EXCLUDED.patient_messages,
       handoffs = counts.handoffs + EXCLUDED.handoffs,
       appointments = counts.appointments + EXCLUDED.appointments`,
    [conversations.map((conversation) => conversation.id), triages.map((triage) => triage?.urgency ?? ''), triages.map((triage) => triage?.department ?? '')])
}

async function countLinkedRows (transaction: Queryable, ids: string[]): Promise<{ messages: number, handoffs: number, reminderIds: string[] }> {
  const result = await transaction.query<{ messages: number, handoffs: number, reminder_ids: string[] }>(
    `SELECT (SELECT count(*) FROM messages WHERE conversation_id = ANY($1::uuid[]))::int AS messages,
            (SELECT count(*) FROM handoffs WHERE conversation_id = ANY($1::uuid[]))::int AS handoffs,
            ARRAY(SELECT id::text FROM reminders WHERE conversation_id = ANY($1::uuid[])) AS reminder_ids`, [ids])
  const row = result.rows[0]!
  return { messages: row.messages, handoffs: row.handoffs, reminderIds: row.reminder_ids }
}

function channelUsersOf (conversations: ConversationRecord[]): ChannelUser[] {
  const seen = new Map<string, ChannelUser>()
  for (const conversation of conversations) {
    if (conversation.channel === 'web' || !conversation.channelUserId) continue
    seen.set(`${conversation.channel}:${conversation.channelUserId}`, { clinicId: conversation.clinicId, channel: conversation.channel as ExternalChannel, userId: conversation.channelUserId })
  }
  return [...seen.values()]
}

/**
 * Jobs may carry patient text: channel sends (the reply, sealed) name their conversation; a channel
 * user's inbound jobs hold what they wrote (sealed). Pending inbound jobs are left to run: they are
 * messages written after the erasure was asked for, and start a new conversation.
 */
async function withdrawJobs (transaction: Queryable, cipher: MessageCipher, input: { clinicId: string, ids: string[], reminderIds: string[], channelUsers: ChannelUser[], now: Date }): Promise<number> {
  // A finished job's order key (it names the channel user) is no longer needed; a running one keeps it.
  const sends = await transaction.query<{ idempotency_key: string }>(
    `UPDATE delivery_jobs SET payload = '{}', result = NULL, status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
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
  const userKeys = input.channelUsers.flatMap((user) => orderKeyCandidates(cipher.lookup, user))
  const inbound = await transaction.query(
    `UPDATE delivery_jobs SET payload = '{}', result = NULL, order_key = NULL, updated_at = $2
     WHERE order_key = ANY($1::text[]) AND status IN ('done', 'dead', 'cancelled')`, [userKeys, input.now])
  return sends.rowCount + reminders.rowCount + inbound.rowCount
}

/**
 * The channel user's delivery statuses (through their jobs) and last-inbound time, unless a
 * conversation of theirs other than those being erased remains. How many channel users went.
 */
async function forgetChannelUsersWithoutOtherConversations (transaction: Queryable, cipher: MessageCipher, input: { users: ChannelUser[], erasing: string[] }): Promise<number> {
  let forgotten = 0
  for (const user of input.users) {
    const hashes = cipher.lookup.candidates('channel-user', user.userId)
    const others = await transaction.query(
      'SELECT 1 FROM conversations WHERE clinic_id = $1 AND channel = $2 AND channel_user_hash = ANY($3::text[]) AND id <> ALL($4::uuid[]) LIMIT 1',
      [user.clinicId, user.channel, hashes, input.erasing])
    if (others.rowCount > 0) continue
    await transaction.query(
      'DELETE FROM channel_deliveries WHERE idempotency_key IN (SELECT idempotency_key FROM delivery_jobs WHERE order_key = ANY($1::text[]))',
      [orderKeyCandidates(cipher.lookup, user)])
    const deleted = await transaction.query('DELETE FROM channel_users WHERE clinic_id = $1 AND channel = $2 AND user_hash = ANY($3::text[])', [user.clinicId, user.channel, hashes])
    forgotten += deleted.rowCount
  }
  return forgotten
}
