import type { Clock } from '../clock.ts'
import type { ConversationService } from '../conversations/conversation-service.ts'
import type { PublicMessage, PublicTurn } from '../conversations/public-shapes.ts'
import type { JobQueue } from '../delivery/job-queue.ts'
import { PermanentJobError } from '../delivery/job-errors.ts'
import type { ClaimedJob } from '../delivery/job-store.ts'
import type { Logger } from '../logger.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import type { ChannelAdapter, ExternalChannel, InboundEvent, OutboundText } from './channel-adapter.ts'
import { INBOUND_JOB, SEND_JOB, inboundJobKey, inboundOrderKey, openJobPrivate, outboundOrderKey, sealJobPrivate } from './channel-job-payload.ts'
import type { ChannelStore } from './channel-store.ts'

export { INBOUND_JOB, SEND_JOB }

const UNSUPPORTED_PHRASE = 'smalltalk.type_your_question'
const GREETING_PHRASE = 'smalltalk.greeting'

type PipelineOptions = {
  conversations: ConversationService
  jobs: JobQueue
  store: ChannelStore
  cipher: MessageCipher
  clock: Clock
  logger?: Pick<Logger, 'info' | 'warn'> | undefined
}

/**
 * The one road from a channel to the turn pipeline and back: an inbound event becomes a durable
 * job (its provider id is the job's idempotency key, so a provider's retry is taken once), the job
 * runs the same turn as the web API, and every reply becomes a durable send job keyed by the
 * reply's message id. Who the user is, the provider's id and the text are sealed in the job payload
 * (channel-job-payload.ts); order and idempotency keys hold lookup hashes, never the user's id.
 */
export function createChannelPipeline (options: PipelineOptions) {
  const adapters = new Map<ExternalChannel, ChannelAdapter>()
  const { jobs, store, cipher, clock } = options

  const inboundKey = (event: Pick<InboundEvent, 'channel' | 'clinicId' | 'externalId'>) => inboundJobKey(cipher.lookup, event)

  /** Runs the turn (or the vetted notice) for one event; the same answer every time for one event. */
  async function process (event: InboundEvent): Promise<PublicTurn | null> {
    const who = { clinicId: event.clinicId, channel: event.channel, channelUserId: event.userId, externalId: event.externalId }
    if (event.type === 'unsubscribe') {
      await options.conversations.forgetChannelUser(who)
      await store.forgetUser({ clinicId: event.clinicId, channel: event.channel, userId: event.userId })
      options.logger?.info({ channel: event.channel, clinicId: event.clinicId }, 'a channel user unsubscribed: their conversations and messages were deleted')
      return null
    }
    await store.touchUser({ clinicId: event.clinicId, channel: event.channel, userId: event.userId, at: event.receivedAt })
    if (event.type === 'text') return options.conversations.receiveFromChannel({ ...who, text: event.text })
    if (event.type === 'subscribe') return options.conversations.noticeForChannel({ ...who, phraseKey: GREETING_PHRASE, quickReplies: true })
    return options.conversations.noticeForChannel({ ...who, phraseKey: UNSUPPORTED_PHRASE })
  }

  async function enqueueReplies (event: Pick<InboundEvent, 'channel' | 'clinicId' | 'userId'>, conversationId: string, messages: PublicMessage[]): Promise<void> {
    for (const message of messages) {
      await enqueueSend({ channel: event.channel, clinicId: event.clinicId, userId: event.userId, conversationId, messageId: message.id, outbound: toOutbound(message) })
    }
  }

  async function enqueueSend (input: { channel: ExternalChannel, clinicId: string, userId: string, conversationId: string, messageId: string, outbound: OutboundText }) {
    return jobs.enqueue({
      kind: SEND_JOB,
      idempotencyKey: `${input.channel}:out:${input.messageId}`,
      orderKey: outboundOrderKey(cipher.lookup, input),
      payload: {
        channel: input.channel,
        clinicId: input.clinicId,
        conversationId: input.conversationId,
        messageId: input.messageId,
        quickReplies: input.outbound.quickReplies ?? [],
        ...sealJobPrivate(cipher, { userId: input.userId, text: input.outbound.text })
      }
    })
  }

  jobs.registerHandler(INBOUND_JOB, async (job) => {
    const event = decodeEvent(job, cipher)
    const turn = await process(event)
    if (turn) await enqueueReplies(event, turn.conversation.id, turn.messages)
    return { replies: turn?.messages.length ?? 0 }
  })

  jobs.registerHandler(SEND_JOB, async (job) => {
    const payload = job.payload as { channel: ExternalChannel, clinicId: string, quickReplies: OutboundText['quickReplies'] }
    const sealed = openJobPrivate(cipher, job.payload)
    // A user who unsubscribed meanwhile: their data is gone and nothing more is sent.
    if (!sealed?.text) throw new PermanentJobError('the message was withdrawn (the user left the channel)')
    const adapter = adapters.get(payload.channel)
    if (!adapter) throw new PermanentJobError(`the ${payload.channel} channel is not configured`)
    const user = { clinicId: payload.clinicId, channel: payload.channel, userId: sealed.userId }
    const now = clock.now()
    const result = await adapter.send({ text: sealed.text, quickReplies: payload.quickReplies }, {
      clinicId: payload.clinicId, userId: sealed.userId, idempotencyKey: job.idempotencyKey, lastInboundAt: await store.lastInboundAt(user), now
    })
    if (result.providerMessageId) {
      await store.recordStatus({ channel: payload.channel, providerMessageId: result.providerMessageId, status: 'accepted', at: now, idempotencyKey: job.idempotencyKey, clinicId: payload.clinicId })
    }
    // The job's result keeps the provider's id as its lookup hash, like channel_deliveries (a WhatsApp id encodes the number).
    return { providerMessageHash: result.providerMessageId ? cipher.lookup.hash('external-id', result.providerMessageId) : null }
  })

  return {
    addAdapter (adapter: ChannelAdapter) {
      adapters.set(adapter.channel, adapter)
    },

    adapter (channel: ExternalChannel): ChannelAdapter | undefined {
      return adapters.get(channel)
    },

    /**
     * Takes an event durably: true when it is new, false for a repeat of one already taken (the
     * unique idempotency key decides, not a check before the insert). `runAt` defers the queue's
     * own run (WeChat first tries to answer within its deadline).
     */
    async accept (event: InboundEvent, runAt?: Date): Promise<boolean> {
      const created = await jobs.enqueue({
        kind: INBOUND_JOB,
        idempotencyKey: inboundKey(event),
        orderKey: inboundOrderKey(cipher.lookup, event),
        payload: encodeEvent(event, cipher),
        ...(runAt ? { runAt } : {})
      })
      return created.created
    },

    /** Runs an accepted event now, in the request (WeChat's passive reply); the queued job sends nothing if this answered. */
    process,

    /** Withdraws the queued job of an event answered in the request; false when a worker already has it (it will send). */
    withdraw: (event: InboundEvent) => jobs.cancel(inboundKey(event)),

    async status (event: InboundEvent) {
      return (await jobs.find(inboundKey(event)))?.status ?? null
    },

    /**
     * The seam for agent replies and reminders: sends one stored message to a conversation's
     * channel user through the durable queue (once per message id). Web conversations have no
     * push channel: nothing is queued and false comes back.
     */
    async sendToConversation (conversation: { id: string, clinicId: string, channel: string, channelUserId: string | null }, message: { id: string, text: string, quickReplies?: OutboundText['quickReplies'] }): Promise<boolean> {
      if (conversation.channel === 'web' || !conversation.channelUserId) return false
      const channel = conversation.channel as ExternalChannel
      await enqueueSend({ channel, clinicId: conversation.clinicId, userId: conversation.channelUserId, conversationId: conversation.id, messageId: message.id, outbound: { text: message.text, quickReplies: message.quickReplies } })
      return true
    }
  }
}

export type ChannelPipeline = ReturnType<typeof createChannelPipeline>

/** A reply as a channel shows it: the disclaimer is part of the text, quick replies become buttons. */
export function toOutbound (message: PublicMessage): OutboundText {
  const text = message.disclaimer ? `${message.text}\n\n${message.disclaimer}` : message.text
  return { text, ...(message.quickReplies?.length ? { quickReplies: message.quickReplies } : {}) }
}

function encodeEvent (event: InboundEvent, cipher: MessageCipher): Record<string, unknown> {
  const common = { channel: event.channel, clinicId: event.clinicId, receivedAt: event.receivedAt.toISOString(), type: event.type }
  const sealed = sealJobPrivate(cipher, { userId: event.userId, externalId: event.externalId, ...(event.type === 'text' ? { text: event.text } : {}) })
  if (event.type === 'unsupported') return { ...common, detail: event.detail, ...sealed }
  return { ...common, ...sealed }
}

function decodeEvent (job: ClaimedJob, cipher: MessageCipher): InboundEvent {
  const payload = job.payload as { channel: ExternalChannel, clinicId: string, receivedAt: string, type?: InboundEvent['type'], detail?: string }
  const sealed = openJobPrivate(cipher, job.payload)
  if (!payload.type || !sealed) throw new PermanentJobError('the event was withdrawn (the user left the channel)')
  const common = { channel: payload.channel, clinicId: payload.clinicId, userId: sealed.userId, externalId: sealed.externalId ?? '', receivedAt: new Date(payload.receivedAt) }
  if (payload.type === 'text') return { ...common, type: 'text', text: sealed.text ?? '' }
  if (payload.type === 'unsupported') return { ...common, type: 'unsupported', detail: payload.detail ?? '' }
  return { ...common, type: payload.type }
}
