import type { EventMessage } from 'fastify'
import type { ConversationRecord, ConversationStore } from '../conversations/conversation-store.ts'
import { publicState } from '../conversations/conversation-service.ts'
import { toFeedMessage } from '../conversations/public-shapes.ts'
import type { ConversationEvents } from './conversation-events.ts'
import { createWakeSignal } from './wake-signal.ts'

export type PatientStreamInput = {
  store: ConversationStore
  events: ConversationEvents
  conversation: ConversationRecord
  /** Resume after this message (Last-Event-ID or ?after=); without it only what comes next is sent. */
  after: string | null
  heartbeatMs: number
  /** Aborted when the client goes away. */
  signal: AbortSignal
}

/**
 * The patient's live view of one conversation as Server-Sent Events: `status` (who answers now,
 * sent first and on every change) and `message` (each new message, agent replies included, with
 * the message id as the event id so a reconnecting EventSource resumes where it stopped).
 */
export async function * patientEventStream (input: PatientStreamInput): AsyncGenerator<EventMessage> {
  const { store, conversation } = input
  const wake = createWakeSignal()
  const unsubscribe = input.events.subscribe({ conversationId: conversation.id }, () => wake.ring())
  const onAbort = () => wake.close()
  input.signal.addEventListener('abort', onAbort)
  try {
    let cursor = input.after ?? await store.lastMessageId(conversation.id)
    let state = JSON.stringify(publicState(conversation))
    yield { event: 'status', data: state }
    let woken = input.after !== null
    while (!wake.closed) {
      if (woken) {
        const messages = await store.listMessagesAfter(conversation.id, cursor)
        for (const message of messages ?? []) {
          cursor = message.id
          yield { event: 'message', id: message.id, data: JSON.stringify(toFeedMessage(message)) }
        }
        const current = await store.find(conversation.id)
        if (!current) return
        const next = JSON.stringify(publicState(current))
        if (next !== state) {
          state = next
          yield { event: 'status', data: state }
        }
      } else {
        yield { comment: 'heartbeat' }
      }
      woken = await wake.wait(input.heartbeatMs)
    }
  } finally {
    unsubscribe()
    input.signal.removeEventListener('abort', onAbort)
  }
}
