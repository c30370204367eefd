import { AppError } from '../errors.ts'
import { withClinicContext } from '../db/clinic-context.ts'
import { runTurn } from '../flows/engine.ts'
import { composeReply } from '../flows/compose-reply.ts'
import { commonVariables, missingVariablePolicy } from '../flows/common-variables.ts'
import { ConcurrentTurnError } from '../flows/persist-turn.ts'
import { quickReplies, MAIN_MENU } from '../flows/quick-replies-menu.ts'
import type { FlowRegistry } from '../flows/route-to-flow.ts'
import type { TurnServices } from '../flows/turn-services.ts'
import type { Channel, ConversationRecord } from './conversation-store.ts'
import { toPublicTurn, toPublicMessage, toFeedMessage, type PublicTurn } from './public-shapes.ts'

/** Who wrote, on which channel, to which clinic, and the provider's id of the message or event. */
export type ChannelInbound = { clinicId: string, channel: Exclude<Channel, 'web'>, channelUserId: string, externalId: string, locale?: string | undefined }

export type ConversationServiceDependencies = TurnServices & {
  flows: FlowRegistry
  defaultClinicId: string
  /** Called once a turn put the conversation in the agents' queue (tells the patient the expected wait). */
  onHandoffRequested?: ((conversationId: string) => Promise<unknown>) | undefined
}

/** The conversation API's domain side: start a conversation, take a patient's message. */
export function createConversationService (services: ConversationServiceDependencies) {
  return {
    async start (input: { clinicId?: string | undefined, locale?: string | undefined, channel?: Channel, channelUserId?: string | null }) {
      const clinic = await services.clinics.find(input.clinicId ?? services.defaultClinicId)
      if (!clinic) throw new AppError('NOT_FOUND', `clinic ${input.clinicId} does not exist`)
      return withClinicContext(services.database, clinic.id, () => startFor(clinic, input))
    },

    /** Authorises with the conversation's token, answers once per clientMessageId, retries a turn that raced another. */
    async receive (input: { conversationId: string, token: string | null, text: string, clientMessageId?: string | undefined }): Promise<PublicTurn> {
      const conversation = await authorise(input.conversationId, input.token)
      return withClinicContext(services.database, conversation.clinicId, () => receiveFor(conversation, input))
    },

    /**
     * A message from a channel user (WhatsApp, WeChat): the user's open conversation with this
     * clinic, or a new one, then the same turn as the web API. Answered once per external id (the
     * provider's message id): a repeat gets the stored answer and stores nothing new.
     */
    async receiveFromChannel (input: ChannelInbound & { text: string }): Promise<PublicTurn> {
      return withClinicContext(services.database, input.clinicId, () => receiveFromChannelOfClinic(input))
    },

    /**
     * A vetted phrase for a channel event that is not a text (a picture, a new follower), stored in
     * the user's conversation once per external id; a repeat gets the same message again.
     */
    async noticeForChannel (input: ChannelInbound & { phraseKey: string, quickReplies?: boolean }): Promise<PublicTurn> {
      return withClinicContext(services.database, input.clinicId, () => noticeForChannelOfClinic(input))
    },

    /** Deletes a channel user's conversations and messages with this clinic (e.g. a WeChat unsubscribe). */
    async forgetChannelUser (input: { clinicId: string, channel: Channel, channelUserId: string }): Promise<number> {
      return withClinicContext(services.database, input.clinicId, () => services.conversations.deleteByChannelUser(input))
    },
    /** The patient's side: messages after one (all without `after`), with the conversation's state. */
    async messagesAfter (input: { conversationId: string, token: string | null, after: string | null }) {
      const conversation = await authorise(input.conversationId, input.token)
      const messages = await services.conversations.listMessagesAfter(conversation.id, input.after)
      if (!messages) throw new AppError('VALIDATION_FAILED', `querystring.after: ${input.after} is not a message of this conversation`)
      return { conversation: publicState(conversation), messages: messages.map(toFeedMessage) }
    },

    authorise,

    async history (input: { conversationId: string, token: string | null }) {
      const conversation = await authorise(input.conversationId, input.token)
      const messages = await services.conversations.listMessages(conversation.id)
      return { conversation: { id: conversation.id, status: conversation.status, flow: conversation.flow }, messages }
    }
  }

  type Clinic = NonNullable<Awaited<ReturnType<typeof services.clinics.find>>>

  async function startFor (clinic: Clinic, input: { locale?: string | undefined, channel?: Channel, channelUserId?: string | null }) {
    const locale = normaliseLocale(input.locale ?? clinic.defaultLocale)
    const now = services.clock.now()
    const created = await services.conversations.create({ clinicId: clinic.id, channel: input.channel ?? 'web', channelUserId: input.channelUserId ?? null, locale, now })
    const greeting = await composeReply({ corpus: services.corpus, clinic, locale, reply: { kind: 'info', key: 'smalltalk.greeting', quickReplies: quickReplies(locale, MAIN_MENU) }, commonVariables: commonVariables(clinic, locale, services), onMissingVariable: missingVariablePolicy(services) })
    const id = await services.database.transaction((transaction) => services.conversations.appendMessage(transaction, {
      clinicId: clinic.id, conversationId: created.id, role: 'bot', kind: greeting.kind, text: greeting.text, meta: { key: greeting.key, quickReplies: greeting.quickReplies ?? [] }, now
    }))
    return { conversation: { id: created.id, status: 'bot' as const }, token: created.token, messages: [toPublicMessage({ ...greeting, id })] }
  }

  async function receiveFor (conversation: ConversationRecord, input: { text: string, clientMessageId?: string | undefined }): Promise<PublicTurn> {
    const externalId = input.clientMessageId ? `${conversation.id}:${input.clientMessageId}` : null
    const receipt = externalId ? { channel: 'web' as const, externalId, render: toPublicTurn } : undefined
    let current = conversation
    for (let attempt = 0; ; attempt++) {
      // Checked on every attempt: a retry of this message may have been answered meanwhile.
      const earlier = externalId ? await services.conversations.findReceipt('web', externalId) : null
      if (earlier) return earlier as PublicTurn
      try {
        const result = await runTurn(services, { conversation: current, text: input.text, receipt })
        if (result.handoffEvent?.type === 'handoff.requested') await services.onHandoffRequested?.(result.conversation.id)
        return toPublicTurn(result)
      } catch (error) {
        if (!(error instanceof ConcurrentTurnError) || attempt >= 3) throw error
        // The conversation may have been erased meanwhile (its token no longer works).
        const reread = await services.conversations.find(conversation.id)
        if (!reread) throw new AppError('CONVERSATION_NOT_FOUND', `conversation ${conversation.id} does not exist`)
        current = reread
      }
    }
  }

  async function receiveFromChannelOfClinic (input: ChannelInbound & { text: string }): Promise<PublicTurn> {
    const receiptKey = `${input.clinicId}:${input.externalId}`
    const receipt = { channel: input.channel, externalId: receiptKey, render: toPublicTurn }
    for (let attempt = 0; ; attempt++) {
      const earlier = await services.conversations.findReceipt(input.channel, receiptKey)
      if (earlier) return earlier as PublicTurn
      const conversation = await openForChannel(input)
      try {
        return toPublicTurn(await runTurn(services, { conversation, text: input.text, receipt }))
      } catch (error) {
        if (!(error instanceof ConcurrentTurnError) || attempt >= 3) throw error
      }
    }
  }

  async function noticeForChannelOfClinic (input: ChannelInbound & { phraseKey: string, quickReplies?: boolean }): Promise<PublicTurn> {
    const receiptKey = `${input.clinicId}:${input.externalId}`
    const earlier = await services.conversations.findReceipt(input.channel, receiptKey)
    if (earlier) return earlier as PublicTurn
    const conversation = await openForChannel(input)
    const clinic = (await services.clinics.find(conversation.clinicId))!
    const locale = conversation.locale
    const contacts = services.emergencyContacts(clinic, locale)
    const composed = await composeReply({
      corpus: services.corpus,
      clinic,
      locale,
      reply: { kind: 'info', key: input.phraseKey, ...(input.quickReplies ? { quickReplies: quickReplies(locale, MAIN_MENU) } : {}) },
      commonVariables: { clinicName: clinic.name[locale] ?? clinic.id, clinicPhone: clinic.settings.phone ?? '', emergencyNumber: contacts.emergencyNumber, crisisLines: contacts.crisisLines }
    })
    const now = services.clock.now()
    return services.database.transaction(async (transaction) => {
      // The receipt row first: a concurrent repeat waits on it, then finds it taken.
      const claimed = await services.conversations.claimReceipt(transaction, { channel: input.channel, externalId: receiptKey, conversationId: conversation.id })
      if (!claimed) return (await services.conversations.findReceipt(input.channel, receiptKey)) as PublicTurn
      const id = await services.conversations.appendMessage(transaction, {
        clinicId: conversation.clinicId, conversationId: conversation.id, role: 'bot', kind: composed.kind, text: composed.text, meta: { key: composed.key, quickReplies: composed.quickReplies ?? [] }, now
      })
      const turn: PublicTurn = { messages: [toPublicMessage({ ...composed, id })], conversation: { id: conversation.id, status: conversation.status, flow: conversation.flow } }
      await services.conversations.setReceiptResponse(transaction, { channel: input.channel, externalId: receiptKey, response: turn })
      return turn
    })
  }

  /** The user's open conversation with the clinic, or a new one (no greeting: the channel has its own). */
  async function openForChannel (input: ChannelInbound): Promise<ConversationRecord> {
    const key = { clinicId: input.clinicId, channel: input.channel, channelUserId: input.channelUserId }
    const open = await services.conversations.findByChannelUser(key)
    if (open) return open
    const clinic = await services.clinics.find(input.clinicId)
    if (!clinic) throw new AppError('NOT_FOUND', `clinic ${input.clinicId} does not exist`)
    try {
      await services.conversations.create({ ...key, locale: normaliseLocale(input.locale ?? clinic.defaultLocale), now: services.clock.now() })
    } catch (error) {
      // A unique index allows one open conversation per channel user: a concurrent start won.
      if ((error as { code?: string }).code !== '23505') throw error
    }
    return (await services.conversations.findByChannelUser(key))!
  }

  async function authorise (conversationId: string, token: string | null): Promise<ConversationRecord> {
    if (!token) throw new AppError('UNAUTHORIZED', 'Authorization: Bearer <token> is required')
    const conversation = await services.conversations.find(conversationId)
    if (!conversation) throw new AppError('CONVERSATION_NOT_FOUND', `conversation ${conversationId} does not exist`)
    if (!services.conversations.tokenMatches(conversation, token)) throw new AppError('UNAUTHORIZED', 'the token does not belong to this conversation')
    return conversation
  }
}

export type ConversationService = ReturnType<typeof createConversationService>

/** What the patient may know of the conversation's state: who is answering, and how urgent. */
export function publicState (conversation: ConversationRecord) {
  const handedOff = conversation.status === 'waiting_agent' || conversation.status === 'with_agent'
  return {
    id: conversation.id,
    status: conversation.status,
    ...(handedOff ? { handoff: { status: conversation.status as 'waiting_agent' | 'with_agent', priority: conversation.handoffPriority ?? 'normal' } } : {})
  }
}

function normaliseLocale (locale: string): string {
  return /^zh/i.test(locale) ? 'zh-CN' : 'en'
}
