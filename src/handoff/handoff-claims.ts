import type { Database, Queryable } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import type { AuditTrail } from '../privacy/audit-trail.ts'
import type { Agent, AgentAccounts } from './agent-accounts.ts'
import type { HandoffNotices } from './handoff-notices.ts'
import { canManage, findClinicConversation, QUEUE_ORDER, toHandoffConversation, type HandoffConversation } from './handoff-records.ts'

type ClaimServices = { database: Database, accounts: AgentAccounts, notices: HandoffNotices, cipher: MessageCipher, audit: AuditTrail, now: () => Date }

/** Where the agent's request came from, for the audit trail. */
export type RequestOrigin = { ip?: string | undefined }

// Opens the SLA record of the episode if none is open, and stamps the first claim.
const OPEN_HANDOFF = `INSERT INTO handoffs (id, clinic_id, conversation_id, priority, reason, requested_at, claimed_at)
  SELECT gen_random_uuid(), c.clinic_id, c.id, COALESCE(c.handoff_priority, 'normal'), c.handoff_reason, COALESCE(c.waiting_since, $2), $3
  FROM conversations c WHERE c.id = $1
  ON CONFLICT (conversation_id) WHERE resolved_at IS NULL
  DO UPDATE SET claimed_at = COALESCE(handoffs.claimed_at, excluded.claimed_at), priority = excluded.priority`

/**
 * Who holds a handed-off conversation. A claim is one conditional UPDATE (`status =
 * 'waiting_agent'`): among agents claiming at once exactly one matches, the others get 409
 * ALREADY_CLAIMED. Every change bumps the conversation's version, so a patient turn racing it
 * starts again on the new state (the bot stays silent while a human holds the conversation).
 */
export function createHandoffClaims ({ database, accounts, notices, cipher, audit, now }: ClaimServices) {
  async function claimed (transaction: Queryable, agent: Agent, conversation: HandoffConversation, at: Date, origin: RequestOrigin): Promise<HandoffConversation> {
    await transaction.query(OPEN_HANDOFF, [conversation.id, at, at])
    await record(transaction, agent, conversation, 'conversation.claimed', origin)
    return conversation
  }

  const record = (transaction: Queryable, agent: Agent, conversation: { id: string }, action: string, origin: RequestOrigin, detail?: Record<string, unknown>) =>
    audit.record({ clinicId: agent.clinicId, actor: { kind: 'agent', id: agent.id }, action, subject: { kind: 'conversation', id: conversation.id }, ip: origin.ip, detail }, transaction)

  // The patient is told once the change is committed (composing reads the corpus: not inside the transaction).
  async function tell (conversation: HandoffConversation, key: string): Promise<HandoffConversation> {
    await notices.send(conversation, { key, now: now() })
    return conversation
  }

  return {
    async claim (agent: Agent, conversationId: string, origin: RequestOrigin = {}): Promise<HandoffConversation> {
      const at = now()
      return tell(await database.transaction(async (transaction) => {
        const result = await transaction.query(`WITH taken AS (
            UPDATE conversations SET status = 'with_agent', assigned_agent_id = $3, version = version + 1, updated_at = $4
            WHERE id = $1 AND clinic_id = $2 AND status = 'waiting_agent' RETURNING *)
          SELECT c.*, a.name AS agent_name FROM taken c JOIN agents a ON a.id = c.assigned_agent_id`, [conversationId, agent.clinicId, agent.id, at])
        const row = result.rows[0]
        if (row) return claimed(transaction, agent, toHandoffConversation(row, cipher), at, origin)
        const current = await findClinicConversation(transaction, cipher, agent, conversationId)
        if (current.status === 'with_agent') {
          throw new AppError('ALREADY_CLAIMED', current.assignedTo?.id === agent.id ? 'you already hold this conversation' : `${current.assignedTo?.name ?? 'another agent'} already holds this conversation`)
        }
        throw new AppError('CONFLICT', `the conversation is not waiting for an agent (it is ${current.status})`)
      }), 'handoff.connected')
    },

    /** The most urgent, longest-waiting conversation; SKIP LOCKED lets concurrent claimers take the next ones. */
    async claimNext (agent: Agent, origin: RequestOrigin = {}): Promise<HandoffConversation> {
      const at = now()
      return tell(await database.transaction(async (transaction) => {
        const result = await transaction.query(`WITH next AS (
            SELECT c.id FROM conversations c WHERE c.clinic_id = $1 AND c.status = 'waiting_agent'
            ORDER BY ${QUEUE_ORDER} LIMIT 1 FOR UPDATE SKIP LOCKED),
          taken AS (
            UPDATE conversations c SET status = 'with_agent', assigned_agent_id = $2, version = version + 1, updated_at = $3
            FROM next WHERE c.id = next.id AND c.status = 'waiting_agent' RETURNING c.*)
          SELECT c.*, a.name AS agent_name FROM taken c JOIN agents a ON a.id = c.assigned_agent_id`, [agent.clinicId, agent.id, at])
        const row = result.rows[0]
        if (!row) throw new AppError('NOT_FOUND', 'no conversation is waiting')
        return claimed(transaction, agent, toHandoffConversation(row, cipher), at, origin)
      }), 'handoff.connected')
    },

    /** To another agent of the clinic, or back to the queue; by the holder or a supervisor. */
    async transfer (agent: Agent, conversationId: string, target: { agentId: string } | { toQueue: true }, origin: RequestOrigin = {}): Promise<HandoffConversation> {
      const at = now()
      const to = 'agentId' in target ? await accounts.find(agent.clinicId, target.agentId) : null
      if ('agentId' in target && !to) throw new AppError('NOT_FOUND', `agent ${target.agentId} does not exist in this clinic`)
      const moved = await database.transaction(async (transaction): Promise<HandoffConversation> => {
        const current = await findClinicConversation(transaction, cipher, agent, conversationId, { lock: true })
        if (current.status !== 'with_agent' && current.status !== 'waiting_agent') throw new AppError('CONFLICT', `the conversation is not handed off (it is ${current.status})`)
        if (current.assignedTo?.id !== agent.id && !canManage(agent)) throw new AppError('FORBIDDEN', 'only the agent who holds the conversation or a supervisor may transfer it')
        const status: HandoffConversation['status'] = to ? 'with_agent' : 'waiting_agent'
        await transaction.query('UPDATE conversations SET status = $2, assigned_agent_id = $3, version = version + 1, updated_at = $4 WHERE id = $1',
          [current.id, status, to?.id ?? null, at])
        if (to) await transaction.query(OPEN_HANDOFF, [current.id, at, at])
        await record(transaction, agent, current, to ? 'conversation.transferred' : 'conversation.released', origin, to ? { toAgentId: to.id } : undefined)
        return { ...current, status, assignedTo: to ? { id: to.id, name: to.name } : null }
      })
      return to ? moved : tell(moved, 'handoff.waiting')
    },

    /** Ends the handoff: the bot answers again. The note and the outcome are kept with the SLA times. */
    async resolve (agent: Agent, conversationId: string, input: { note?: string | undefined, returnToBot?: boolean | undefined }, origin: RequestOrigin = {}): Promise<HandoffConversation> {
      const at = now()
      return tell(await database.transaction(async (transaction) => {
        const current = await findClinicConversation(transaction, cipher, agent, conversationId, { lock: true })
        if (current.status !== 'with_agent' && current.status !== 'waiting_agent') throw new AppError('CONFLICT', `the conversation is not handed off (it is ${current.status})`)
        if (current.assignedTo?.id !== agent.id && !canManage(agent)) throw new AppError('FORBIDDEN', 'only the agent who holds the conversation or a supervisor may resolve it')
        const note = input.note?.trim() ? cipher.encrypt(input.note.trim()) : null
        // Closes the open SLA record, or records one closed at once when nobody had opened it.
        await transaction.query(`WITH closed AS (
            UPDATE handoffs SET resolved_at = $6, resolved_by = $7, outcome = $8, note_ciphertext = $9, note_key_id = $10
            WHERE conversation_id = $1 AND resolved_at IS NULL RETURNING 1)
          INSERT INTO handoffs (id, clinic_id, conversation_id, priority, reason, requested_at, resolved_at, resolved_by, outcome, note_ciphertext, note_key_id)
          SELECT gen_random_uuid(), $2, $1, $3, $4, $5, $6, $7, $8, $9, $10 WHERE NOT EXISTS (SELECT 1 FROM closed)`,
        [current.id, current.clinicId, current.handoffPriority ?? 'normal', current.handoffReason, current.waitingSince ?? at, at, agent.id,
          input.returnToBot ? 'returned_to_bot' : 'resolved', note?.ciphertext ?? null, note?.keyId ?? null])
        await transaction.query(`UPDATE conversations SET status = 'bot', assigned_agent_id = NULL, handoff_priority = NULL, handoff_reason = NULL,
          waiting_since = NULL, version = version + 1, updated_at = $2 WHERE id = $1`, [current.id, at])
        await record(transaction, agent, current, 'conversation.closed', origin, { outcome: input.returnToBot ? 'returned_to_bot' : 'resolved' })
        return { ...current, status: 'bot' as const, assignedTo: null, handoffPriority: null, handoffReason: null, waitingSince: null }
      }), input.returnToBot ? 'handoff.returned_to_bot' : 'handoff.ended')
    }
  }
}

export type HandoffClaims = ReturnType<typeof createHandoffClaims>
