import type { ConversationRecord } from '../conversations/conversation-store.ts'
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
}

/** Stores the patient's message, the replies, the new state and the guard events in one transaction. */
export async function persistTurn (input: PersistInput) {
  const { services, conversation, now } = input
  return services.database.transaction(async (transaction) => {
    const saved = await services.conversations.saveState(transaction, conversation, input.expectedVersion)
    if (!saved) throw new ConcurrentTurnError('the conversation changed while this turn ran')
    const base = { clinicId: conversation.clinicId, conversationId: conversation.id }
    await services.conversations.appendMessage(transaction, { ...base, role: 'patient', kind: 'text', text: input.inboundText, now })
    const messages = []
    for (const [index, reply] of input.replies.entries()) {
      // Replies of one turn share a timestamp; a millisecond apart keeps their order on reload.
      const at = new Date(now.getTime() + index + 1)
      const meta = { key: reply.key, disclaimer: reply.disclaimer ?? null, sources: reply.sources ?? [], quickReplies: reply.quickReplies ?? [] }
      const id = await services.conversations.appendMessage(transaction, { ...base, role: 'bot', kind: reply.kind, text: reply.text, meta, now: at })
      messages.push({ ...reply, id })
    }
    for (const match of input.verdict.matches) {
      await transaction.query('INSERT INTO guard_events (clinic_id, conversation_id, guard, category, rule_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [conversation.clinicId, conversation.id, 'input', match.category, match.ruleId, now])
    }
    for (const problem of input.outputProblems) {
      await transaction.query('INSERT INTO guard_events (clinic_id, conversation_id, guard, category, rule_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [conversation.clinicId, conversation.id, 'output', 'blocked_reply', problem, now])
    }
    return { messages, conversation: { ...conversation, version: input.expectedVersion + 1 } }
  })
}
