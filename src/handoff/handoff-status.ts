import type { ConversationRecord, ConversationStatus, HandoffPriority } from '../conversations/conversation-store.ts'

/** Every allowed status change; anything else is a bug, not a user error. */
const TRANSITIONS: Record<ConversationStatus, readonly ConversationStatus[]> = {
  bot: ['waiting_agent', 'closed'],
  waiting_agent: ['with_agent', 'bot', 'closed', 'waiting_agent'],
  with_agent: ['waiting_agent', 'bot', 'closed'],
  closed: ['bot']
}

const PRIORITY_RANK: Record<HandoffPriority, number> = { normal: 0, high: 1, emergency: 2 }

export type HandoffEvent = { type: 'handoff.requested' | 'handoff.escalated' | 'handoff.claimed' | 'handoff.released' | 'conversation.closed', conversationId: string, priority: HandoffPriority | null, reason: string | null, at: Date }

export function canTransition (from: ConversationStatus, to: ConversationStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/**
 * Puts a conversation in the agents' queue (or raises its priority if it is already there or with
 * an agent). Priority never goes down: an emergency stays an emergency.
 */
export function requestHandoff (conversation: ConversationRecord, input: { priority: HandoffPriority, reason: string, now: Date }): { conversation: ConversationRecord, event: HandoffEvent } {
  const priority = higherPriority(conversation.handoffPriority, input.priority)
  const alreadyQueued = conversation.status === 'waiting_agent' || conversation.status === 'with_agent'
  const status: ConversationStatus = conversation.status === 'with_agent' ? 'with_agent' : 'waiting_agent'
  if (!canTransition(conversation.status, status) && conversation.status !== status) throw new Error(`cannot hand off a ${conversation.status} conversation`)
  const next: ConversationRecord = {
    ...conversation,
    status,
    handoffPriority: priority,
    handoffReason: alreadyQueued && priority === conversation.handoffPriority ? conversation.handoffReason : input.reason,
    waitingSince: conversation.waitingSince ?? input.now
  }
  const type = alreadyQueued ? 'handoff.escalated' : 'handoff.requested'
  return { conversation: next, event: { type, conversationId: conversation.id, priority, reason: next.handoffReason, at: input.now } }
}

function higherPriority (current: HandoffPriority | null, requested: HandoffPriority): HandoffPriority {
  if (!current) return requested
  return PRIORITY_RANK[requested] > PRIORITY_RANK[current] ? requested : current
}
