import type { ConversationRecord } from '../conversations/conversation-store.ts'
import { CONVERSATION_RECORD_COLUMNS, toConversationRecord } from '../conversations/conversation-store.ts'
import type { Queryable } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import type { Agent } from './agent-accounts.ts'

export type HandoffConversation = ConversationRecord & { assignedTo: { id: string, name: string } | null }

const COLUMNS = `${CONVERSATION_RECORD_COLUMNS.map((column) => `c.${column}`).join(', ')}, c.assigned_agent_id, a.name AS agent_name`

export const HANDOFF_CONVERSATION_SELECT = `SELECT ${COLUMNS} FROM conversations c LEFT JOIN agents a ON a.id = c.assigned_agent_id`

/** Emergency first, then high, then normal; longest waiting first within each. */
export const QUEUE_ORDER = 'CASE c.handoff_priority WHEN \'emergency\' THEN 0 WHEN \'high\' THEN 1 ELSE 2 END, c.waiting_since NULLS LAST, c.id'

export function toHandoffConversation (row: Record<string, unknown>, cipher: MessageCipher): HandoffConversation {
  const assigned = row.assigned_agent_id as string | null
  return { ...toConversationRecord(row, cipher), assignedTo: assigned ? { id: assigned, name: String(row.agent_name ?? '') } : null }
}

/**
 * One conversation of the agent's clinic (404 for any other clinic's: agents never learn that it
 * exists). With `lock` the row is locked until the transaction ends.
 */
export async function findClinicConversation (queryable: Queryable, cipher: MessageCipher, agent: Agent, conversationId: string, options: { lock?: boolean } = {}): Promise<HandoffConversation> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(conversationId)) throw notFound(conversationId)
  const result = await queryable.query(`${HANDOFF_CONVERSATION_SELECT} WHERE c.id = $1 AND c.clinic_id = $2${options.lock ? ' FOR UPDATE OF c' : ''}`, [conversationId, agent.clinicId])
  const row = result.rows[0]
  if (!row) throw notFound(conversationId)
  return toHandoffConversation(row, cipher)
}

export function canManage (agent: Agent): boolean {
  return agent.role === 'supervisor' || agent.role === 'admin'
}

function notFound (conversationId: string): AppError {
  return new AppError('CONVERSATION_NOT_FOUND', `conversation ${conversationId} does not exist in this clinic`)
}
