import type { EventMessage } from 'fastify'
import type { ConversationStore } from '../conversations/conversation-store.ts'
import { toFeedMessage } from '../conversations/public-shapes.ts'
import type { Database } from '../db/database.ts'
import type { Agent } from './agent-accounts.ts'
import type { ConversationEvent, ConversationEvents } from './conversation-events.ts'
import { createWakeSignal } from './wake-signal.ts'

type AgentStreamInput = {
  database: Database
  store: ConversationStore
  events: ConversationEvents
  agent: Agent
  heartbeatMs: number
  signal: AbortSignal
}

/**
 * An agent's live view as Server-Sent Events, for the agent's clinic only: `queue` for every
 * change of a conversation's handoff state (and new patient messages while it waits), `message`
 * for each new message of a conversation this agent holds, `alert` when an emergency has waited
 * too long, `resync` after the database connection was lost (reload everything).
 */
export async function * agentEventStream (input: AgentStreamInput): AsyncGenerator<EventMessage> {
  const pending: ConversationEvent[] = []
  const wake = createWakeSignal()
  const unsubscribe = input.events.subscribe({ clinicId: input.agent.clinicId }, (event) => {
    pending.push(event)
    wake.ring()
  })
  const onAbort = () => wake.close()
  input.signal.addEventListener('abort', onAbort)
  try {
    yield { event: 'ready', data: JSON.stringify({ agent: { id: input.agent.id, name: input.agent.name } }) }
    while (!wake.closed) {
      const woken = await wake.wait(input.heartbeatMs)
      if (!woken) yield { comment: 'heartbeat' }
      while (pending.length > 0 && !wake.closed) {
        const event = pending.shift()!
        const message = await toStreamEvent(input, event)
        if (message) yield message
      }
    }
  } finally {
    unsubscribe()
    input.signal.removeEventListener('abort', onAbort)
  }
}

async function toStreamEvent (input: AgentStreamInput, event: ConversationEvent): Promise<EventMessage | null> {
  switch (event.type) {
    case 'resync':
      return { event: 'resync', data: '{}' }
    case 'alert':
      return { event: 'alert', data: JSON.stringify({ conversationId: event.conversationId, reason: event.reason }) }
    case 'conversation':
      return { event: 'queue', data: JSON.stringify({ conversationId: event.conversationId, status: event.status, priority: event.priority, assignedTo: (event as { assignedTo?: string | null }).assignedTo ?? null }) }
    case 'message': {
      const holder = await input.database.query<{ status: string, assigned_agent_id: string | null }>(
        'SELECT status, assigned_agent_id FROM conversations WHERE id = $1 AND clinic_id = $2', [event.conversationId, input.agent.clinicId])
      const conversation = holder.rows[0]
      if (!conversation) return null
      if (conversation.status === 'with_agent' && conversation.assigned_agent_id === input.agent.id) {
        const message = await input.store.findMessage(event.conversationId, event.messageId)
        return message ? { event: 'message', id: message.id, data: JSON.stringify({ conversationId: event.conversationId, message: toFeedMessage(message) }) } : null
      }
      if (conversation.status === 'waiting_agent' || conversation.status === 'with_agent') {
        return { event: 'queue', data: JSON.stringify({ conversationId: event.conversationId, status: conversation.status, newMessage: event.role }) }
      }
      return null
    }
  }
}
