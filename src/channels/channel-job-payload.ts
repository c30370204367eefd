import type { LookupHasher, MessageCipher } from '../privacy/message-cipher.ts'
import { openSealedValue, sealValue, type SealedValue } from '../privacy/sealed-value.ts'
import type { ExternalChannel } from './channel-adapter.ts'

export const INBOUND_JOB = 'channel.inbound'
export const SEND_JOB = 'channel.send'

/** What a channel job must not show in the clear: who the user is, the provider's id, the text. */
export type ChannelJobPrivate = { userId: string, externalId?: string | undefined, text?: string | undefined }

export type ChannelUser = { clinicId: string, channel: ExternalChannel, userId: string }

/**
 * The payload part that names the user, sealed; `lookupKeyId` says which lookup key made the job's
 * order and idempotency keys (a rotation of the lookup key recomputes them from the sealed part).
 */
export function sealJobPrivate (cipher: MessageCipher, value: ChannelJobPrivate): { private: SealedValue, lookupKeyId: string } {
  return { private: sealValue(cipher, JSON.stringify(value)), lookupKeyId: cipher.lookup.currentKeyId }
}

/** The sealed part of a job payload; null when the job was withdrawn (the user left the channel). */
export function openJobPrivate (cipher: MessageCipher, payload: Record<string, unknown>): ChannelJobPrivate | null {
  const sealed = payload.private as SealedValue | undefined
  return sealed ? JSON.parse(openSealedValue(cipher, sealed)) as ChannelJobPrivate : null
}

/** A provider's retry of an event is the same job: the key hashes the provider's id (it may carry the user). */
export function inboundJobKey (lookup: LookupHasher, event: { channel: ExternalChannel, clinicId: string, externalId: string }): string {
  return `${event.channel}:in:${event.clinicId}:${lookup.hash('external-id', event.externalId)}`
}

/** One user's inbound events are taken one at a time, in order. */
export function inboundOrderKey (lookup: LookupHasher, user: ChannelUser): string {
  return `in:${user.channel}:${user.clinicId}:${lookup.hash('channel-user', user.userId)}`
}

/** One user's replies go out one at a time, in order (not blocked by inbound work). */
export function outboundOrderKey (lookup: LookupHasher, user: ChannelUser): string {
  return `out:${user.channel}:${user.clinicId}:${lookup.hash('channel-user', user.userId)}`
}

/** Every order key the user's jobs may carry (one per lookup key, in and out). */
export function orderKeyCandidates (lookup: LookupHasher, user: ChannelUser): string[] {
  return lookup.candidates('channel-user', user.userId).flatMap((hash) => [`in:${user.channel}:${user.clinicId}:${hash}`, `out:${user.channel}:${user.clinicId}:${hash}`])
}
