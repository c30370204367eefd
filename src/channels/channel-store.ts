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

    /** Records a status (ours on a successful send: 'accepted'; the provider's later ones by webhook). */
    async recordStatus (input: { channel: ExternalChannel, providerMessageId: string, status: string, at: Date, idempotencyKey?: string | null, clinicId?: string | null, error?: unknown }): Promise<void> {
      await database.query(
        `INSERT INTO channel_deliveries (channel, provider_message_id, idempotency_key, clinic_id, status, status_rank, error, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (channel, provider_message_id) DO UPDATE SET
           idempotency_key = COALESCE(channel_deliveries.idempotency_key, EXCLUDED.idempotency_key),
           clinic_id = COALESCE(channel_deliveries.clinic_id, EXCLUDED.clinic_id),
           status = CASE WHEN EXCLUDED.status_rank > channel_deliveries.status_rank THEN EXCLUDED.status ELSE channel_deliveries.status END,
           error = CASE WHEN EXCLUDED.status_rank > channel_deliveries.status_rank THEN EXCLUDED.error ELSE channel_deliveries.error END,
           status_rank = GREATEST(channel_deliveries.status_rank, EXCLUDED.status_rank),
           updated_at = EXCLUDED.updated_at`,
        [input.channel, input.providerMessageId, input.idempotencyKey ?? null, input.clinicId ?? null, input.status,
          STATUS_RANK[input.status] ?? 0, input.error === undefined ? null : JSON.stringify(input.error), input.at])
    },

    async findDelivery (channel: ExternalChannel, providerMessageId: string): Promise<DeliveryRecord | null> {
      const result = await database.query<{ provider_message_id: string, idempotency_key: string | null, status: string, error: unknown }>(
        'SELECT provider_message_id, idempotency_key, status, error FROM channel_deliveries WHERE channel = $1 AND provider_message_id = $2', [channel, providerMessageId])
      const row = result.rows[0]
      return row ? { providerMessageId: row.provider_message_id, idempotencyKey: row.idempotency_key, status: row.status, error: row.error } : null
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
