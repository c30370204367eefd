import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { Database, Queryable } from '../db/database.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'

export type ConversationStatus = 'bot' | 'waiting_agent' | 'with_agent' | 'closed'
export type HandoffPriority = 'emergency' | 'high' | 'normal'
export type Channel = 'web' | 'wechat' | 'whatsapp'

export type ConversationRecord = {
  id: string
  clinicId: string
  channel: Channel
  channelUserId: string | null
  locale: string
  status: ConversationStatus
  flow: string | null
  state: Record<string, unknown>
  turnCount: number
  handoffPriority: HandoffPriority | null
  handoffReason: string | null
  waitingSince: Date | null
  lastActivityAt: Date
  version: number
}

export type StoredMessage = {
  id: string
  role: 'patient' | 'bot' | 'agent' | 'system'
  kind: string
  text: string
  meta: Record<string, unknown>
  createdAt: Date
}

/** A message of a turn, before encryption; the id is made by the caller so replies can name it. */
export type NewMessage = { id: string, role: StoredMessage['role'], kind: string, text: string, meta?: Record<string, unknown>, createdAt: Date }

export type GuardEventRow = { guard: 'input' | 'output', category: string, ruleId: string }

/** Where an answered message came from: a channel, or an agent's reply (de-duplicated the same way). */
export type ReceiptChannel = Channel | 'agent'

/** The answer to an inbound message with an external id, stored with the turn so a retry gets it again. */
export type TurnReceipt = { channel: Channel, externalId: string, response: unknown }

type ConversationRow = {
  id: string,
  clinic_id: string,
  channel: Channel,
  channel_user_ciphertext: Buffer | null,
  channel_user_key_id: string | null,
  locale: string,
  status: ConversationStatus,
  flow: string | null,
  state_ciphertext: Buffer | null,
  state_key_id: string | null,
  turn_count: number,
  handoff_priority: HandoffPriority | null,
  handoff_reason: string | null,
  waiting_since: Date | null,
  last_activity_at: Date,
  version: number,
  token_hash: Buffer
}

const CONVERSATION_COLUMNS = `id, clinic_id, channel, channel_user_ciphertext, channel_user_key_id, locale, status, flow, state_ciphertext, state_key_id,
  turn_count, handoff_priority, handoff_reason, waiting_since, last_activity_at, version, token_hash`

/** The conversation columns other modules select with a table alias (`c.`): a row of them reads with toConversationRecord. */
export const CONVERSATION_RECORD_COLUMNS = CONVERSATION_COLUMNS.split(',').map((column) => column.trim()).filter((column) => column !== 'token_hash')

/** A conversations row (with the encrypted channel user and state) as a record; the cipher opens them. */
export function toConversationRecord (row: Record<string, unknown>, cipher: MessageCipher): ConversationRecord {
  return toRecord(row as ConversationRow, cipher)
}

/**
 * SQL for conversations, their encrypted messages and the inbound receipts that de-duplicate
 * retries. The channel user and the flow state are encrypted; a channel user is found by the
 * lookup hash of their id, and a receipt by the hash of its external id.
 */
export function createConversationStore (database: Database, cipher: MessageCipher) {
  const toStoredMessage = (row: MessageRow): StoredMessage => ({
    id: row.id,
    role: row.role,
    kind: row.kind,
    text: cipher.decrypt({ ciphertext: row.body_ciphertext, keyId: row.body_key_id }),
    meta: row.meta,
    createdAt: row.created_at
  })
  return {
    async create (input: { clinicId: string, channel: Channel, channelUserId?: string | null, locale: string, now: Date }) {
      const id = randomUUID()
      const token = randomBytes(32).toString('base64url')
      const user = input.channelUserId ? cipher.encrypt(input.channelUserId) : null
      await database.query(
        `INSERT INTO conversations (id, clinic_id, channel, channel_user_ciphertext, channel_user_key_id, channel_user_hash, locale, token_hash, last_activity_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9)`,
        [id, input.clinicId, input.channel, user?.ciphertext ?? null, user?.keyId ?? null,
          input.channelUserId ? cipher.lookup.hash('channel-user', input.channelUserId) : null, input.locale, hashToken(token), input.now])
      return { id, token }
    },

    async find (id: string, queryable: Queryable = database): Promise<(ConversationRecord & { tokenHash: Buffer }) | null> {
      if (!isUuid(id)) return null
      const result = await queryable.query<ConversationRow>(`SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE id = $1`, [id], { name: 'conversation-by-id' })
      const row = result.rows[0]
      return row ? { ...toRecord(row, cipher), tokenHash: row.token_hash } : null
    },

    /** The clinic a conversation belongs to (null for an unknown id): the context its requests run under. */
    async clinicOf (id: string): Promise<string | null> {
      if (!isUuid(id)) return null
      const result = await database.query<{ clinic_id: string }>('SELECT clinic_id FROM conversations WHERE id = $1', [id], { name: 'conversation-clinic' })
      return result.rows[0]?.clinic_id ?? null
    },

    async findByChannelUser (input: { clinicId: string, channel: Channel, channelUserId: string }): Promise<ConversationRecord | null> {
      const result = await database.query<ConversationRow>(
        `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE clinic_id = $1 AND channel = $2 AND channel_user_hash = ANY($3::text[])
         AND status <> 'closed' ORDER BY last_activity_at DESC LIMIT 1`, [input.clinicId, input.channel, cipher.lookup.candidates('channel-user', input.channelUserId)])
      const row = result.rows[0]
      return row ? toRecord(row, cipher) : null
    },

    /** Deletes a channel user's conversations (and with them their messages); how many went. */
    async deleteByChannelUser (input: { clinicId: string, channel: Channel, channelUserId: string }): Promise<number> {
      const deleted = await database.query('DELETE FROM conversations WHERE clinic_id = $1 AND channel = $2 AND channel_user_hash = ANY($3::text[])',
        [input.clinicId, input.channel, cipher.lookup.candidates('channel-user', input.channelUserId)])
      return deleted.rowCount
    },

    tokenMatches (conversation: { tokenHash: Buffer }, token: string): boolean {
      const candidate = hashToken(token)
      return candidate.length === conversation.tokenHash.length && timingSafeEqual(candidate, conversation.tokenHash)
    },

    /**
     * A whole turn in one statement (so atomic without BEGIN/COMMIT round trips): the new state,
     * only if nobody saved since `expectedVersion` was read, plus its messages and guard events.
     * False, with nothing written, when someone else saved first.
     */
    async saveTurn (input: { conversation: ConversationRecord, expectedVersion: number, messages: NewMessage[], guardEvents: GuardEventRow[], receipt?: TurnReceipt | undefined, now: Date }): Promise<boolean> {
      const { conversation } = input
      const sealed = input.messages.map((message) => ({ ...message, ...cipher.encrypt(message.text) }))
      const state = cipher.encrypt(JSON.stringify(conversation.state))
      const receipt = input.receipt ? { hashes: cipher.lookup.candidates('external-id', input.receipt.externalId), response: cipher.encrypt(JSON.stringify(input.receipt.response)) } : null
      const result = await database.query<{ saved: number }>(
        `WITH saved AS (
           UPDATE conversations SET locale = $3, status = $4, flow = $5, state_ciphertext = $6, state_key_id = $26, turn_count = $7, handoff_priority = $8,
             handoff_reason = $9, waiting_since = $10, last_activity_at = $11, updated_at = $11, version = version + 1
           WHERE id = $1 AND version = $2
             -- A message answered before (same channel and external id, hashed under any lookup key) is not taken again.
             AND ($23::text IS NULL OR NOT EXISTS (SELECT 1 FROM inbound_receipts r WHERE r.channel = $23 AND r.external_id_hash = ANY($24::text[])))
           RETURNING id, clinic_id
         ), receipt AS (
           INSERT INTO inbound_receipts (channel, external_id_hash, conversation_id, response_ciphertext, response_key_id)
           SELECT $23, ($24::text[])[1], saved.id, $25, $27 FROM saved WHERE $23::text IS NOT NULL
           RETURNING 1
         ), stored AS (
           INSERT INTO messages (id, clinic_id, conversation_id, role, kind, body_ciphertext, body_key_id, meta, created_at)
           SELECT m.id, saved.clinic_id, saved.id, m.role, m.kind, m.body, m.key_id, m.meta::jsonb, m.created_at
           FROM saved, unnest($12::uuid[], $13::text[], $14::text[], $15::bytea[], $16::text[], $17::text[], $18::timestamptz[])
             AS m(id, role, kind, body, key_id, meta, created_at)
           RETURNING 1
         ), events AS (
           INSERT INTO guard_events (clinic_id, conversation_id, guard, category, rule_id, created_at)
           SELECT saved.clinic_id, saved.id, e.guard, e.category, e.rule_id, $22
           FROM saved, unnest($19::text[], $20::text[], $21::text[]) AS e(guard, category, rule_id)
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM saved)::int AS saved`,
        [conversation.id, input.expectedVersion, conversation.locale, conversation.status, conversation.flow, state.ciphertext,
          conversation.turnCount, conversation.handoffPriority, conversation.handoffReason, conversation.waitingSince, conversation.lastActivityAt,
          sealed.map((message) => message.id), sealed.map((message) => message.role), sealed.map((message) => message.kind),
          sealed.map((message) => message.ciphertext), sealed.map((message) => message.keyId),
          sealed.map((message) => JSON.stringify(message.meta ?? {})), sealed.map((message) => message.createdAt),
          input.guardEvents.map((event) => event.guard), input.guardEvents.map((event) => event.category), input.guardEvents.map((event) => event.ruleId), input.now,
          input.receipt?.channel ?? null, receipt?.hashes ?? null, receipt?.response.ciphertext ?? null, state.keyId, receipt?.response.keyId ?? null],
        { name: 'save-turn' })
      return result.rows[0]?.saved === 1
    },

    async appendMessage (queryable: Queryable, input: { clinicId: string, conversationId: string, role: StoredMessage['role'], kind: string, text: string, meta?: Record<string, unknown>, now: Date }) {
      const id = randomUUID()
      const { ciphertext, keyId } = cipher.encrypt(input.text)
      await queryable.query(
        `INSERT INTO messages (id, clinic_id, conversation_id, role, kind, body_ciphertext, body_key_id, meta, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, input.clinicId, input.conversationId, input.role, input.kind, ciphertext, keyId, JSON.stringify(input.meta ?? {}), input.now])
      return id
    },

    async listMessages (conversationId: string, limit = 200): Promise<StoredMessage[]> {
      const result = await database.query<MessageRow>(
        `SELECT id, role, kind, body_ciphertext, body_key_id, meta, created_at FROM messages
         WHERE conversation_id = $1 ORDER BY created_at, id LIMIT $2`, [conversationId, limit])
      return result.rows.map(toStoredMessage)
    },

    /**
     * Messages after one (in stored order), or from the start without one; null when `after` is
     * not a message of this conversation.
     */
    async listMessagesAfter (conversationId: string, after: string | null, limit = 200): Promise<StoredMessage[] | null> {
      if (after !== null && !isUuid(after)) return null
      const result = await database.query<MessageRow & { known: boolean }>(
        `WITH anchor AS (SELECT created_at, id FROM messages WHERE id = $2::uuid AND conversation_id = $1)
         SELECT m.id, m.role, m.kind, m.body_ciphertext, m.body_key_id, m.meta, m.created_at, true AS known FROM messages m
         WHERE m.conversation_id = $1 AND ($2::uuid IS NULL OR (m.created_at, m.id) > (SELECT created_at, id FROM anchor))
         UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, false WHERE $2::uuid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM anchor)
         ORDER BY 7, 1 LIMIT $3`, [conversationId, after, limit])
      if (result.rows.some((row) => !row.known)) return null
      return result.rows.map(toStoredMessage)
    },

    /** The last `count` messages of each conversation, oldest first (queue summaries). */
    async lastMessagesOf (conversationIds: string[], count: number): Promise<Map<string, StoredMessage[]>> {
      const byConversation = new Map<string, StoredMessage[]>()
      if (conversationIds.length === 0) return byConversation
      const result = await database.query<MessageRow & { conversation_id: string }>(
        `SELECT conversation_id, id, role, kind, body_ciphertext, body_key_id, meta, created_at FROM (
           SELECT m.*, row_number() OVER (PARTITION BY m.conversation_id ORDER BY m.created_at DESC, m.id DESC) AS rank
           FROM messages m WHERE m.conversation_id = ANY($1::uuid[])) ranked
         WHERE rank <= $2 ORDER BY conversation_id, created_at, id`, [conversationIds, count])
      for (const row of result.rows) {
        const list = byConversation.get(row.conversation_id) ?? []
        list.push(toStoredMessage(row))
        byConversation.set(row.conversation_id, list)
      }
      return byConversation
    },

    async findMessage (conversationId: string, messageId: string): Promise<StoredMessage | null> {
      if (!isUuid(messageId)) return null
      const result = await database.query<MessageRow>('SELECT id, role, kind, body_ciphertext, body_key_id, meta, created_at FROM messages WHERE id = $1 AND conversation_id = $2', [messageId, conversationId])
      const row = result.rows[0]
      return row ? toStoredMessage(row) : null
    },

    async lastMessageId (conversationId: string): Promise<string | null> {
      const result = await database.query<{ id: string }>('SELECT id FROM messages WHERE conversation_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1', [conversationId])
      return result.rows[0]?.id ?? null
    },

    /** The stored answer to a message already taken; null when none (or while its turn is still being answered). */
    async findReceipt (channel: ReceiptChannel, externalId: string, queryable: Queryable = database): Promise<unknown | null> {
      const result = await queryable.query<{ response_ciphertext: Buffer | null, response_key_id: string | null }>(
        'SELECT response_ciphertext, response_key_id FROM inbound_receipts WHERE channel = $1 AND external_id_hash = ANY($2::text[]) ORDER BY response_ciphertext IS NULL LIMIT 1',
        [channel, cipher.lookup.candidates('external-id', externalId)])
      const row = result.rows[0]
      return row?.response_ciphertext && row.response_key_id ? JSON.parse(cipher.decrypt({ ciphertext: row.response_ciphertext, keyId: row.response_key_id })) : null
    },

    /**
     * Takes an external id (first writer wins; a concurrent repeat waits on the row, then finds it
     * taken): false when it was taken before. The response may follow with setReceiptResponse.
     */
    async claimReceipt (queryable: Queryable, input: { channel: ReceiptChannel, externalId: string, conversationId: string, response?: unknown }): Promise<boolean> {
      const response = input.response === undefined ? null : cipher.encrypt(JSON.stringify(input.response))
      const claimed = await queryable.query(
        `INSERT INTO inbound_receipts (channel, external_id_hash, conversation_id, response_ciphertext, response_key_id)
         SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM inbound_receipts WHERE channel = $1 AND external_id_hash = ANY($6::text[]))
         ON CONFLICT DO NOTHING RETURNING 1`,
        [input.channel, cipher.lookup.hash('external-id', input.externalId), input.conversationId, response?.ciphertext ?? null, response?.keyId ?? null,
          cipher.lookup.candidates('external-id', input.externalId)])
      return claimed.rowCount > 0
    },

    async setReceiptResponse (queryable: Queryable, input: { channel: ReceiptChannel, externalId: string, response: unknown }): Promise<void> {
      const { ciphertext, keyId } = cipher.encrypt(JSON.stringify(input.response))
      await queryable.query('UPDATE inbound_receipts SET response_ciphertext = $3, response_key_id = $4 WHERE channel = $1 AND external_id_hash = ANY($2::text[])',
        [input.channel, cipher.lookup.candidates('external-id', input.externalId), ciphertext, keyId])
    }
  }
}

export type ConversationStore = ReturnType<typeof createConversationStore>

type MessageRow = { id: string, role: StoredMessage['role'], kind: string, body_ciphertext: Buffer, body_key_id: string, meta: Record<string, unknown>, created_at: Date }

function toRecord (row: ConversationRow, cipher: MessageCipher): ConversationRecord {
  if (!('state_ciphertext' in row)) throw new Error('a conversation row without its encrypted columns: select CONVERSATION_RECORD_COLUMNS')
  const open = (ciphertext: Buffer | null, keyId: string | null) => ciphertext && keyId ? cipher.decrypt({ ciphertext, keyId }) : null
  const state = open(row.state_ciphertext, row.state_key_id)
  return {
    id: row.id,
    clinicId: row.clinic_id,
    channel: row.channel,
    channelUserId: open(row.channel_user_ciphertext, row.channel_user_key_id),
    locale: row.locale,
    status: row.status,
    flow: row.flow,
    state: state === null ? {} : JSON.parse(state) as Record<string, unknown>,
    turnCount: row.turn_count,
    handoffPriority: row.handoff_priority,
    handoffReason: row.handoff_reason,
    waitingSince: row.waiting_since,
    lastActivityAt: row.last_activity_at,
    version: row.version
  }
}

function hashToken (token: string): Buffer {
  return createHash('sha256').update(token).digest()
}

function isUuid (text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)
}
