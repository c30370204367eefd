import type { Database } from '../db/database.ts'
import type { ExternalChannel } from './channel-adapter.ts'

// Statuses arrive out of order; the highest rank wins (failed is final).
const STATUS_RANK: Record<string, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, played: 4, failed: 5 }

export type DeliveryRecord = { providerMessageId: string, idempotencyKey: string | null, status: string, error: unknown }

/** Channel users' last inbound time, and what the provider made of each message we sent. */
export function createChannelStore (database: Database) {
  return {
    async touchUser (input: { clinicId: string, channel: ExternalChannel, userId: string, at: Date }): Promise<void> {
      await database.query(
        `INSERT INTO channel_users (clinic_id, channel, user_id, last_inbound_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (clinic_id, channel, user_id) DO UPDATE SET last_inbound_at = GREATEST(channel_users.last_inbound_at, EXCLUDED.last_inbound_at)`,
        [input.clinicId, input.channel, input.userId, input.at])
    },

    async lastInboundAt (input: { clinicId: string, channel: ExternalChannel, userId: string }): Promise<Date | null> {
      const result = await database.query<{ last_inbound_at: Date }>(
        'SELECT last_inbound_at FROM channel_users WHERE clinic_id = $1 AND channel = $2 AND user_id = $3', [input.clinicId, input.channel, input.userId])
      return result.rows[0]?.last_inbound_at ?? null
    },

    /** Records a status (ours on a successful send: 'accepted'; the provider's later ones by webhook). */
    async recordStatus (input: { channel: ExternalChannel, providerMessageId: string, status: string, at: Date, idempotencyKey?: string | null, clinicId?: string | null, userId?: string | null, error?: unknown }): Promise<void> {
      await database.query(
        `INSERT INTO channel_deliveries (channel, provider_message_id, idempotency_key, clinic_id, user_id, status, status_rank, error, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (channel, provider_message_id) DO UPDATE SET
           idempotency_key = COALESCE(channel_deliveries.idempotency_key, EXCLUDED.idempotency_key),
           clinic_id = COALESCE(channel_deliveries.clinic_id, EXCLUDED.clinic_id),
           user_id = COALESCE(channel_deliveries.user_id, EXCLUDED.user_id),
           status = CASE WHEN EXCLUDED.status_rank > channel_deliveries.status_rank THEN EXCLUDED.status ELSE channel_deliveries.status END,
           error = CASE WHEN EXCLUDED.status_rank > channel_deliveries.status_rank THEN EXCLUDED.error ELSE channel_deliveries.error END,
           status_rank = GREATEST(channel_deliveries.status_rank, EXCLUDED.status_rank),
           updated_at = EXCLUDED.updated_at`,
        [input.channel, input.providerMessageId, input.idempotencyKey ?? null, input.clinicId ?? null, input.userId ?? null, input.status,
          STATUS_RANK[input.status] ?? 0, input.error === undefined ? null : JSON.stringify(input.error), input.at])
    },

    async findDelivery (channel: ExternalChannel, providerMessageId: string): Promise<DeliveryRecord | null> {
      const result = await database.query<{ provider_message_id: string, idempotency_key: string | null, status: string, error: unknown }>(
        'SELECT provider_message_id, idempotency_key, status, error FROM channel_deliveries WHERE channel = $1 AND provider_message_id = $2', [channel, providerMessageId])
      const row = result.rows[0]
      return row ? { providerMessageId: row.provider_message_id, idempotencyKey: row.idempotency_key, status: row.status, error: row.error } : null
    },

    /** Everything kept about a channel user besides conversations (those go through the conversation service). */
    async forgetUser (input: { clinicId: string, channel: ExternalChannel, userId: string }): Promise<void> {
      await database.query('DELETE FROM channel_deliveries WHERE clinic_id = $1 AND channel = $2 AND user_id = $3', [input.clinicId, input.channel, input.userId])
      await database.query('DELETE FROM channel_users WHERE clinic_id = $1 AND channel = $2 AND user_id = $3', [input.clinicId, input.channel, input.userId])
      await database.query(
        `UPDATE delivery_jobs SET payload = '{}', status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END, updated_at = now()
         WHERE order_key = ANY($1::text[]) AND status <> 'running'`,
        [[inboundOrderKey(input), outboundOrderKey(input)]])
    }
  }
}

export type ChannelStore = ReturnType<typeof createChannelStore>

/** One user's inbound events are taken one at a time, in order. */
export function inboundOrderKey (user: { clinicId: string, channel: ExternalChannel, userId: string }): string {
  return `in:${user.channel}:${user.clinicId}:${user.userId}`
}

/** One user's replies go out one at a time, in order (not blocked by inbound work). */
export function outboundOrderKey (user: { clinicId: string, channel: ExternalChannel, userId: string }): string {
  return `out:${user.channel}:${user.clinicId}:${user.userId}`
}
