import { AppError } from '../errors.ts'
import { runTurn } from '../flows/engine.ts'
import { composeReply } from '../flows/compose-reply.ts'
import { commonVariables, missingVariablePolicy } from '../flows/common-variables.ts'
import { ConcurrentTurnError } from '../flows/persist-turn.ts'
import { quickReplies, MAIN_MENU } from '../flows/quick-replies-menu.ts'
import type { FlowRegistry } from '../flows/route-to-flow.ts'
import type { TurnServices } from '../flows/turn-services.ts'
import type { Channel, ConversationRecord } from './conversation-store.ts'
import { toPublicTurn, toPublicMessage, type PublicTurn } from './public-shapes.ts'

export type ConversationServiceDependencies = TurnServices & { flows: FlowRegistry, defaultClinicId: string }

/** The conversation API's domain side: start a conversation, take a patient's message. */
export function createConversationService (services: ConversationServiceDependencies) {
  return {
    async start (input: { clinicId?: string | undefined, locale?: string | undefined, channel?: Channel, channelUserId?: string | null }) {
      const clinic = await services.clinics.find(input.clinicId ?? services.defaultClinicId)
      if (!clinic) throw new AppError('NOT_FOUND', `clinic ${input.clinicId} does not exist`)
      const locale = normaliseLocale(input.locale ?? clinic.defaultLocale)
      const now = services.clock.now()
      const created = await services.conversations.create({ clinicId: clinic.id, channel: input.channel ?? 'web', channelUserId: input.channelUserId ?? null, locale, now })
      const greeting = await composeReply({ corpus: services.corpus, clinic, locale, reply: { kind: 'info', key: 'smalltalk.greeting', quickReplies: quickReplies(locale, MAIN_MENU) }, commonVariables: commonVariables(clinic, locale, services), onMissingVariable: missingVariablePolicy(services) })
      const id = await services.database.transaction((transaction) => services.conversations.appendMessage(transaction, {
        clinicId: clinic.id, conversationId: created.id, role: 'bot', kind: greeting.kind, text: greeting.text, meta: { key: greeting.key, quickReplies: greeting.quickReplies ?? [] }, now
      }))
      return { conversation: { id: created.id, status: 'bot' as const }, token: created.token, messages: [toPublicMessage({ ...greeting, id })] }
    },

    /** Authorises with the conversation's token, answers once per clientMessageId, retries a turn that raced another. */
    async receive (input: { conversationId: string, token: string | null, text: string, clientMessageId?: string | undefined }): Promise<PublicTurn> {
      const conversation = await authorise(input.conversationId, input.token)
      const externalId = input.clientMessageId ? `${conversation.id}:${input.clientMessageId}` : null
      const receipt = externalId ? { channel: 'web' as const, externalId, render: toPublicTurn } : undefined
      let current = conversation
      for (let attempt = 0; ; attempt++) {
        // Checked on every attempt: a retry of this message may have been answered meanwhile.
        const earlier = externalId ? await services.conversations.findReceipt('web', externalId) : null
        if (earlier) return earlier as PublicTurn
        try {
          return toPublicTurn(await runTurn(services, { conversation: current, text: input.text, receipt }))
        } catch (error) {
          if (!(error instanceof ConcurrentTurnError) || attempt >= 3) throw error
          current = (await services.conversations.find(conversation.id))!
        }
      }
    },

    async history (input: { conversationId: string, token: string | null }) {
      const conversation = await authorise(input.conversationId, input.token)
      const messages = await services.conversations.listMessages(conversation.id)
      return { conversation: { id: conversation.id, status: conversation.status, flow: conversation.flow }, messages }
    }
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

function normaliseLocale (locale: string): string {
  return /^zh/i.test(locale) ? 'zh-CN' : 'en'
}
