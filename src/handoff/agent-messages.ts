import type { ConversationRecord, ConversationStore } from '../conversations/conversation-store.ts'
import { toFeedMessage, type FeedMessage } from '../conversations/public-shapes.ts'
import type { Database } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import { recordQuickReplyUse } from '../knowledge/quick-replies.ts'
import type { Agent } from './agent-accounts.ts'
import { findClinicConversation } from './handoff-records.ts'

/**
 * How an agent's reply leaves the service on a messaging channel (WeChat, WhatsApp): the outbound
 * queue plugs in here. Web patients read agent replies through GET messages and the events stream.
 */
export type DeliverAgentMessage = (delivery: { conversation: ConversationRecord, message: FeedMessage }) => Promise<void>

type AgentMessageServices = { database: Database, store: ConversationStore, cipher: MessageCipher, now: () => Date, deliverAgentMessage?: DeliverAgentMessage | undefined }

/** An agent's reply to the patient: only the holder may write; a quick reply's use is recorded. */
export function createAgentMessages ({ database, store, cipher, now, deliverAgentMessage }: AgentMessageServices) {
  return {
    async send (agent: Agent, conversationId: string, input: { text: string, phraseId?: string | undefined, clientMessageId?: string | undefined }): Promise<{ message: FeedMessage, repeated: boolean }> {
      const at = now()
      const externalId = input.clientMessageId ? `${agent.id}:${conversationId}:${input.clientMessageId}` : null
      const outcome = await database.transaction(async (transaction) => {
        const conversation = await findClinicConversation(transaction, cipher, agent, conversationId, { lock: true })
        if (externalId) {
          const earlier = await store.findReceipt('agent', externalId, transaction) as FeedMessage | null
          if (earlier) return { conversation, message: earlier, repeated: true }
        }
        if (conversation.status !== 'with_agent' || conversation.assignedTo?.id !== agent.id) {
          throw new AppError('FORBIDDEN', 'only the agent who holds this conversation may write in it: claim it first')
        }
        if (input.phraseId) await recordQuickReplyUse(transaction, { clinicId: agent.clinicId, phraseId: input.phraseId, agentId: agent.id, at })
        const meta = { agentId: agent.id, agentName: agent.name, ...(input.phraseId ? { phraseId: input.phraseId } : {}) }
        const id = await store.appendMessage(transaction, { clinicId: agent.clinicId, conversationId, role: 'agent', kind: 'answer', text: input.text, meta, now: at })
        const message = toFeedMessage({ id, role: 'agent', kind: 'answer', text: input.text, meta, createdAt: at })
        await transaction.query('UPDATE handoffs SET first_agent_reply_at = COALESCE(first_agent_reply_at, $2) WHERE conversation_id = $1 AND resolved_at IS NULL', [conversationId, at])
        await transaction.query('UPDATE conversations SET last_activity_at = $2 WHERE id = $1', [conversationId, at])
        if (externalId) {
          await store.claimReceipt(transaction, { channel: 'agent', externalId, conversationId, response: message })
        }
        return { conversation, message, repeated: false }
      })
      if (!outcome.repeated && outcome.conversation.channel !== 'web' && deliverAgentMessage) {
        await deliverAgentMessage({ conversation: outcome.conversation, message: outcome.message })
      }
      return { message: outcome.message, repeated: outcome.repeated }
    }
  }
}

export type AgentMessages = ReturnType<typeof createAgentMessages>
