import { INBOUND_JOB, SEND_JOB, inboundJobKey, inboundOrderKey, openJobPrivate, outboundOrderKey, sealJobPrivate, type ChannelJobPrivate } from '../channels/channel-job-payload.ts'
import type { ExternalChannel } from '../channels/channel-adapter.ts'
import type { MessageCipher } from './message-cipher.ts'
import { createParameters, type RotationScope, type RotationUnit } from './rotation-unit.ts'
import { openSealedValue, type SealedValue } from './sealed-value.ts'

type JobRow = { id: string, kind: string, idempotency_key: string, order_key: string | null, payload: Record<string, unknown> }

// Keys of jobs written before migration 0018 held the user's id and the provider's id in the clear.
const LEGACY_ORDER_KEY = /^(in|out):([a-z]+):(.+):([^:]+)$/
const LEGACY_INBOUND_KEY = /^([a-z]+):in:([^:]+):(.+)$/

/**
 * The channels' durable jobs: the sealed part of the payload under the current key, the order and
 * idempotency keys under the current lookup key. Jobs of earlier versions (the user's id, the
 * provider's id in the clear, the text sealed alone) are rewritten to the same form.
 */
export function createChannelJobRotation (cipher: MessageCipher): RotationUnit {
  function pending (scope: RotationScope) {
    const parameters = createParameters()
    const legacy = "(payload->'private' IS NULL AND payload->'withdrawn' IS NULL)"
    const stale = scope === 'all'
      ? ` OR (payload->'private' IS NOT NULL AND (payload->'private'->>'keyId' <> ${parameters.add(cipher.currentKeyId)} OR payload->>'lookupKeyId' IS DISTINCT FROM ${parameters.add(cipher.lookup.currentKeyId)}))`
      : ''
    return { condition: `kind IN ('${INBOUND_JOB}', '${SEND_JOB}') AND (${legacy}${stale})`, parameters }
  }

  function rewrite (job: JobRow): { payload: Record<string, unknown>, orderKey: string | null, idempotencyKey: string } {
    const { userId: _userId, externalId: _externalId, text: _text, private: _private, lookupKeyId: _lookupKeyId, withdrawn: _withdrawn, ...common } = job.payload
    const sealed = job.payload.private ? openJobPrivate(cipher, job.payload) : legacyPrivate(job.payload)
    const channel = common.channel as ExternalChannel
    const clinicId = common.clinicId as string
    if (!sealed) return { payload: { withdrawn: true }, orderKey: legacyOrderKey(job.order_key), idempotencyKey: legacyInboundKey(job) }
    const user = { clinicId, channel, userId: sealed.userId }
    const inbound = job.kind === INBOUND_JOB
    return {
      payload: { ...common, ...sealJobPrivate(cipher, sealed) },
      orderKey: job.order_key === null ? null : inbound ? inboundOrderKey(cipher.lookup, user) : outboundOrderKey(cipher.lookup, user),
      idempotencyKey: inbound && sealed.externalId !== undefined ? inboundJobKey(cipher.lookup, { channel, clinicId, externalId: sealed.externalId }) : job.idempotency_key
    }
  }

  function legacyPrivate (payload: Record<string, unknown>): ChannelJobPrivate | null {
    if (typeof payload.userId !== 'string') return null
    const text = payload.text as SealedValue | undefined
    return { userId: payload.userId, ...(typeof payload.externalId === 'string' ? { externalId: payload.externalId } : {}), ...(text ? { text: openSealedValue(cipher, text) } : {}) }
  }

  // A job withdrawn before 0018 (payload '{}') still names the user in its keys: hash them there.
  function legacyOrderKey (orderKey: string | null): string | null {
    const match = orderKey ? LEGACY_ORDER_KEY.exec(orderKey) : null
    return match ? `${match[1]}:${match[2]}:${match[3]}:${cipher.lookup.hash('channel-user', match[4]!)}` : orderKey
  }

  function legacyInboundKey (job: JobRow): string {
    if (job.kind !== INBOUND_JOB || job.payload.withdrawn) return job.idempotency_key
    const match = LEGACY_INBOUND_KEY.exec(job.idempotency_key)
    return match ? inboundJobKey(cipher.lookup, { channel: match[1] as ExternalChannel, clinicId: match[2]!, externalId: match[3]! }) : job.idempotency_key
  }

  return {
    table: 'delivery_jobs',
    async countPending (queryable, scope) {
      const { condition, parameters } = pending(scope)
      const result = await queryable.query<{ count: number }>(`SELECT count(*)::int AS count FROM delivery_jobs WHERE ${condition}`, parameters.values)
      return result.rows[0]?.count ?? 0
    },
    async rewriteBatch (transaction, scope, limit) {
      const { condition, parameters } = pending(scope)
      const result = await transaction.query<JobRow>(
        `SELECT id::text AS id, kind, idempotency_key, order_key, payload FROM delivery_jobs WHERE ${condition}
         ORDER BY id LIMIT ${parameters.add(limit)} FOR UPDATE SKIP LOCKED`, parameters.values)
      if (result.rows.length === 0) return 0
      const rewritten = result.rows.map(rewrite)
      await transaction.query(
        `UPDATE delivery_jobs SET payload = u.payload::jsonb, order_key = u.order_key, idempotency_key = u.idempotency_key
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS u(id, payload, order_key, idempotency_key) WHERE delivery_jobs.id = u.id`,
        [result.rows.map((row) => row.id), rewritten.map((job) => JSON.stringify(job.payload)), rewritten.map((job) => job.orderKey), rewritten.map((job) => job.idempotencyKey)])
      return result.rows.length
    }
  }
}
