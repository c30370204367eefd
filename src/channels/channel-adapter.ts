import type { Channel } from '../conversations/conversation-store.ts'
import type { QuickReply } from '../flows/turn-types.ts'

export type ExternalChannel = Exclude<Channel, 'web'>

/** A webhook request as it arrived: the raw body bytes are what signatures are computed over. */
export type RawInbound = { clinicId: string, query: Record<string, string | undefined>, headers: Record<string, string | string[] | undefined>, body: Buffer }

/** What a patient did on a channel, in the shape the one turn pipeline takes. */
export type InboundEvent = {
  channel: ExternalChannel
  clinicId: string
  /** The provider's id of the user (WhatsApp wa_id, WeChat OpenID). */
  userId: string
  /** The provider's id of this message or event: the de-duplication key. */
  externalId: string
  receivedAt: Date
} & (
  | { type: 'text', text: string }
  | { type: 'unsupported', detail: string }
  | { type: 'subscribe' }
  | { type: 'unsubscribe' }
)

/** One reply to send: text and optional quick replies, which each channel formats its own way. */
export type OutboundText = { text: string, quickReplies?: QuickReply[] | undefined }

export type SendContext = {
  clinicId: string
  userId: string
  /** Unique per outbound message; sent along where the provider takes one. */
  idempotencyKey: string
  /** When the user last wrote (WhatsApp's 24-hour window); null when never. */
  lastInboundAt: Date | null
  now: Date
}

export type SendResult = { providerMessageId: string | null }

/**
 * One interface for every messaging channel: verify and normalise what arrives, format and send
 * what goes out. Guards and flows are not here: every event goes through the one turn pipeline.
 * A send throws PermanentJobError (no retry) or RetryableJobError (backoff) from src/delivery.
 */
export type ChannelAdapter = {
  channel: ExternalChannel
  /** True only for a request signed by the provider (constant-time comparison). */
  verify: (raw: RawInbound) => Promise<boolean>
  /** The events of a verified request (an adapter may also record what is not a patient event, e.g. statuses). */
  normalise: (raw: RawInbound, now: Date) => Promise<InboundEvent[]>
  /** The provider's request body for one reply. */
  format: (message: OutboundText, context: SendContext) => unknown
  send: (message: OutboundText, context: SendContext) => Promise<SendResult>
}
