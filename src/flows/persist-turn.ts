import { randomUUID } from 'node:crypto'
import type { Channel, ConversationRecord, GuardEventRow, NewMessage } from '../conversations/conversation-store.ts'
import type { ComposedMessage } from './compose-reply.ts'
import type { InputGuardVerdict, TurnServices } from './turn-services.ts'

export class ConcurrentTurnError extends Error {
  override name = 'ConcurrentTurnError'
}

type PersistInput = {
  services: TurnServices
  conversation: ConversationRecord
  expectedVersion: number
  inboundText: string
  replies: ComposedMessage[]
  verdict: InputGuardVerdict
  outputProblems: string[]
  now: Date
  /** Stored in the same statement: what a repeated inbound message is answered with. */
  receipt?: { channel: Channel, externalId: string, response: (messages: Array<ComposedMessage & { id: string }>, conversation: ConversationRecord) => unknown } | undefined
}

/** Stores the patient's message, the replies, the new state and the guard events atomically. */
export async function persistTurn (input: PersistInput) {
  const { services, conversation, now } = input
  const inbound: NewMessage = { id: randomUUID(), role: 'patient', kind: 'text', text: input.inboundText, createdAt: now }
  const replies = input.replies.map((reply, index) => ({
    reply,
    message: {
      id: randomUUID(),
      role: 'bot',
      kind: reply.kind,
      text: reply.text,
      meta: { key: reply.key, disclaimer: reply.disclaimer ?? null, sources: reply.sources ?? [], quickReplies: reply.quickReplies ?? [], ...(reply.machineTranslation ? { machineTranslation: reply.machineTranslation } : {}) },
      // Replies of one turn share a timestamp; a millisecond apart keeps their order on reload.
      createdAt: new Date(now.getTime() + index + 1)
    } satisfies NewMessage
  }))
  const guardEvents: GuardEventRow[] = [
    ...input.verdict.matches.map((match) => ({ guard: 'input' as const, category: match.category, ruleId: match.ruleId })),
    ...input.outputProblems.map((problem) => ({ guard: 'output' as const, category: 'blocked_reply', ruleId: problem }))
  ]
  const messages = replies.map(({ reply, message }) => ({ ...reply, id: message.id }))
  const savedConversation = { ...conversation, version: input.expectedVersion + 1 }
  const receipt = input.receipt ? { channel: input.receipt.channel, externalId: input.receipt.externalId, response: input.receipt.response(messages, savedConversation) } : undefined
  const saved = await services.conversations.saveTurn({ conversation, expectedVersion: input.expectedVersion, messages: [inbound, ...replies.map(({ message }) => message)], guardEvents, receipt, now })
  if (!saved) throw new ConcurrentTurnError('the conversation changed, or this message was answered, while this turn ran')
  return { messages, conversation: savedConversation }
}
