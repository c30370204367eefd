import type { Database } from '../db/database.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import type { ExternalChannel } from './channel-adapter.ts'
import { orderKeyCandidates, type ChannelUser } from './channel-job-payload.ts'

// Statuses arrive out of order; the highest rank wins (failed is final).
const STATUS_RANK: Record<string, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, played: 4, failed: 5 }

export type DeliveryRecord = { providerMessageId: string, idempotencyKey: string | null, status: string, error: unknown }

/**
 * Channel users' last inbound time, and what the provider made of each message we sent. A user is
 * found by the lookup hash of their id (under any key of the ring) and stored encrypted.
 */
export function createChannelStore (database: Database, cipher: MessageCipher) {
  return {
    async touchUser (input: ChannelUser & { at: Date }): Promise<void> {
      const { ciphertext, keyId } = cipher.encrypt(input.userId)
      // A row hashed under an older lookup key is brought to the current one, so a user never has two rows.
      await database.query(
        `WITH moved AS (
           UPDATE channel_users SET last_inbound_at = GREATEST(last_inbound_at, $6), user_hash = $5, user_ciphertext = $3, user_key_id = $4
           WHERE clinic_id = $1 AND channel = $2 AND user_hash = ANY($7::text[]) RETURNING 1
         )
         INSERT INTO channel_users (clinic_id, channel, user_ciphertext, user_key_id, user_hash, last_inbound_at)
         SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM moved)
         ON CONFLICT (clinic_id, channel, user_hash) DO UPDATE SET last_inbound_at = GREATEST(channel_users.last_inbound_at, EXCLUDED.last_inbound_at)`,
        [input.clinicId, input.channel, ciphertext, keyId, cipher.lookup.hash('channel-user', input.userId), input.at, cipher.lookup.candidates('channel-user', input.userId)])
    },

    async lastInboundAt (input: ChannelUser): Promise<Date | null> {
      const result = await database.query<{ last_inbound_at: Date | null }>(
        'SELECT max(last_inbound_at) AS last_inbound_at FROM channel_users WHERE clinic_id = $1 AND channel = $2 AND user_hash = ANY($3::text[])',
        [input.clinicId, input.channel, cipher.lookup.candidates('channel-user', input.userId)])
      return result.rows[0]?.last_inbound_at ?? null
    },

    /**
     * Records a status (ours on a successful send: 'accepted'; the provider's later ones by webhook).
     * The provider's message id is kept as a lookup hash; a row hashed under an older lookup key is
     * updated (and brought to the current key) rather than doubled.
     */
    async recordStatus (input: { channel: ExternalChannel, providerMessageId: string, status: string, at: Date, idempotencyKey?: string | null, clinicId?: string | null, error?: unknown }): Promise<void> {
      // Statuses arrive out of order: the higher rank wins (the same assignments for both paths below).
      const merge = `idempotency_key = COALESCE(channel_deliveries.idempotency_key, $3::text), clinic_id = COALESCE(channel_deliveries.clinic_id, $4::text),
           status = CASE WHEN $6::int > channel_deliveries.status_rank THEN $5::text ELSE channel_deliveries.status END,
           error = CASE WHEN $6::int > channel_deliveries.status_rank THEN $7::jsonb ELSE channel_deliveries.error END,
           status_rank = GREATEST(channel_deliveries.status_rank, $6::int), updated_at = $8::timestamptz`
      await database.query(
        `WITH moved AS (
           UPDATE channel_deliveries SET provider_message_hash = $2::text, ${merge}
           WHERE channel = $1::text AND provider_message_hash = ANY($9::text[]) RETURNING 1
         )
         INSERT INTO channel_deliveries (channel, provider_message_hash, idempotency_key, clinic_id, status, status_rank, error, updated_at)
         SELECT $1::text, $2::text, $3::text, $4::text, $5::text, $6::int, $7::jsonb, $8::timestamptz WHERE NOT EXISTS (SELECT 1 FROM moved)
         ON CONFLICT (channel, provider_message_hash) DO UPDATE SET ${merge}`,
        [input.channel, cipher.lookup.hash('external-id', input.providerMessageId), input.idempotencyKey ?? null, input.clinicId ?? null, input.status,
          STATUS_RANK[input.status] ?? 0, input.error === undefined ? null : JSON.stringify(input.error), input.at,
          cipher.lookup.candidates('external-id', input.providerMessageId)])
    },

    async findDelivery (channel: ExternalChannel, providerMessageId: string): Promise<DeliveryRecord | null> {
      const result = await database.query<{ idempotency_key: string | null, status: string, error: unknown }>(
        `SELECT idempotency_key, status, error FROM channel_deliveries WHERE channel = $1 AND provider_message_hash = ANY($2::text[])
         ORDER BY status_rank DESC LIMIT 1`, [channel, cipher.lookup.candidates('external-id', providerMessageId)])
      const row = result.rows[0]
      return row ? { providerMessageId, idempotencyKey: row.idempotency_key, status: row.status, error: row.error } : null
    },

    /** Everything kept about a channel user besides conversations (those go through the conversation service). */
    async forgetUser (input: ChannelUser): Promise<void> {
      const orderKeys = orderKeyCandidates(cipher.lookup, input)
      await database.query('DELETE FROM channel_deliveries WHERE idempotency_key IN (SELECT idempotency_key FROM delivery_jobs WHERE order_key = ANY($1::text[]))', [orderKeys])
      await database.query('DELETE FROM channel_users WHERE clinic_id = $1 AND channel = $2 AND user_hash = ANY($3::text[])',
        [input.clinicId, input.channel, cipher.lookup.candidates('channel-user', input.userId)])
      await database.query(
        `UPDATE delivery_jobs SET payload = '{"withdrawn": true}', status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END, updated_at = now()
         WHERE order_key = ANY($1::text[]) AND status <> 'running'`,
        [orderKeys])
    }
  }
}

export type ChannelStore = ReturnType<typeof createChannelStore>
