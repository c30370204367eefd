import type { ConversationStore, StoredMessage } from '../conversations/conversation-store.ts'
import { toFeedMessage, type FeedMessage } from '../conversations/public-shapes.ts'
import type { Database } from '../db/database.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import { departmentName, type DepartmentCode } from '../flows/triage-vocabulary.ts'
import { readConversationState } from '../flows/turn-types.ts'
import type { AuditTrail } from '../privacy/audit-trail.ts'
import type { Agent } from './agent-accounts.ts'
import type { RequestOrigin } from './handoff-claims.ts'
import type { QueueEntry } from './queue-entry.ts'
import { findClinicConversation, HANDOFF_CONVERSATION_SELECT, QUEUE_ORDER, toHandoffConversation, type HandoffConversation } from './handoff-records.ts'

const LAST_MESSAGES = 6
const QUEUE_LIMIT = 200

export type { QueueEntry }

type QueueServices = {
  database: Database
  store: ConversationStore
  /** Opening a transcript is recorded: who read which conversation, when, from where. */
  audit: AuditTrail
  cipher: MessageCipher
  /** The values a quick reply's {{variables}} take in this conversation (clinic name, phone, emergency number). */
  variablesFor: (conversation: HandoffConversation) => Promise<Record<string, string>>
}

/** What agents read: the clinic's queue with summaries, and a conversation's whole transcript. */
export function createHandoffQueue ({ database, store, audit, cipher, variablesFor }: QueueServices) {
  return {
    /** Waiting and held conversations of the agent's clinic, emergencies first, then by waiting time. */
    async list (agent: Agent): Promise<QueueEntry[]> {
      const result = await database.query(`${HANDOFF_CONVERSATION_SELECT}
        WHERE c.clinic_id = $1 AND c.status IN ('waiting_agent', 'with_agent') ORDER BY ${QUEUE_ORDER} LIMIT ${QUEUE_LIMIT}`, [agent.clinicId])
      const conversations = result.rows.map((row) => toHandoffConversation(row, cipher))
      const messages = await store.lastMessagesOf(conversations.map((conversation) => conversation.id), LAST_MESSAGES)
      return conversations.map((conversation) => toQueueEntry(conversation, messages.get(conversation.id) ?? []))
    },

    async entry (agent: Agent, conversationId: string): Promise<QueueEntry> {
      const conversation = await findClinicConversation(database, cipher, agent, conversationId)
      const messages = await store.lastMessagesOf([conversation.id], LAST_MESSAGES)
      return toQueueEntry(conversation, messages.get(conversation.id) ?? [])
    },

    /** The whole transcript (patient, bot and agent messages) with the queue entry's facts. */
    async transcript (agent: Agent, conversationId: string, origin: RequestOrigin = {}): Promise<{ conversation: QueueEntry & { statusNow: string }, messages: FeedMessage[], variables: Record<string, string> }> {
      const conversation = await findClinicConversation(database, cipher, agent, conversationId)
      const messages = await store.listMessagesAfter(conversation.id, null, 1000) ?? []
      // Recorded before the transcript is returned: a read that is not audited does not happen.
      await audit.record({ clinicId: agent.clinicId, actor: { kind: 'agent', id: agent.id }, action: 'conversation.viewed', subject: { kind: 'conversation', id: conversation.id }, ip: origin.ip, detail: { messages: messages.length } })
      const entry = toQueueEntry(conversation, messages.slice(-LAST_MESSAGES))
      const department = entry.summary.triage?.department?.name
      return {
        conversation: { ...entry, statusNow: conversation.status },
        messages: messages.map(toFeedMessage),
        variables: { ...await variablesFor(conversation), ...(department ? { department } : {}) }
      }
    }
  }
}

export type HandoffQueue = ReturnType<typeof createHandoffQueue>

export function toQueueEntry (conversation: HandoffConversation, lastMessages: StoredMessage[]): QueueEntry {
  const { lastTriage, active } = readConversationState(conversation)
  const locale = conversation.locale === 'zh-CN' ? 'zh-CN' : 'en'
  return {
    id: conversation.id,
    status: conversation.status === 'with_agent' ? 'with_agent' : 'waiting_agent',
    priority: conversation.handoffPriority ?? 'normal',
    reason: conversation.handoffReason ?? '',
    channel: conversation.channel,
    locale: conversation.locale,
    waitingSince: conversation.waitingSince?.toISOString() ?? null,
    summary: {
      ...(lastTriage
        ? {
            triage: {
              urgency: lastTriage.urgency,
              department: lastTriage.department ? { code: lastTriage.department, name: departmentName(lastTriage.department as DepartmentCode, locale) } : null,
              redFlags: lastTriage.redFlags
            }
          }
        : {}),
      flow: active?.flow ?? conversation.flow ?? null,
      lastMessages: lastMessages.map((message) => {
        const feed = toFeedMessage(message)
        return { role: feed.role, text: feed.text, at: feed.createdAt, ...(feed.agent ? { agent: feed.agent } : {}) }
      })
    },
    assignedTo: conversation.assignedTo
  }
}
