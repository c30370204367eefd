import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Database, Queryable } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { AuditTrail } from '../privacy/audit-trail.ts'
import type { AuditedBy } from '../privacy/audited-by.ts'
import { decoyHash, hashPassword, verifyPassword } from './password-hash.ts'

export type AgentRole = 'agent' | 'supervisor' | 'admin'
export const AGENT_ROLES: readonly AgentRole[] = ['agent', 'supervisor', 'admin']

export type Agent = { id: string, clinicId: string, email: string, name: string, role: AgentRole }

export type AgentAccountsOptions = {
  database: Database
  /** Sign-ins (and failed ones), sign-outs, accounts created and deactivated are recorded here. */
  audit: AuditTrail
  now: () => Date
  sessionHours: number
  /** Consecutive wrong passwords before sign-in is refused for lockMinutes. */
  maxFailures?: number
  lockMinutes?: number
}

type AgentRow = { id: string, clinic_id: string, email: string, name: string, role: AgentRole }

const toAgent = (row: AgentRow): Agent => ({ id: row.id, clinicId: row.clinic_id, email: row.email, name: row.name, role: row.role })
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const hashToken = (token: string) => createHash('sha256').update(token).digest()

/**
 * Agent accounts of a clinic and their sessions: create, sign in (argon2id; repeated failures lock
 * the account for a while, counted in the database so every instance sees them), resolve a session
 * token, sign out, deactivate. Each change is audited in its own transaction.
 */
export function createAgentAccounts ({ database, audit, now, sessionHours, maxFailures = 5, lockMinutes = 15 }: AgentAccountsOptions) {
  // A failed sign-in names no agent when the email is unknown, and no clinic when the clinic is unknown.
  async function recordFailedLogin (input: { clinicId: string, ip?: string | undefined }, agentId: string | undefined, reason: string, executor: Queryable = database) {
    const clinic = await executor.query('SELECT 1 FROM clinics WHERE id = $1', [input.clinicId])
    await audit.record({
      clinicId: clinic.rowCount === 0 ? null : input.clinicId, actor: { kind: 'agent', id: agentId }, action: 'agent.login_failed', ip: input.ip, detail: { reason }
    }, executor)
  }

  return {
    async create (input: { clinicId: string, email: string, name: string, password: string, role: AgentRole }, by: AuditedBy): Promise<Agent> {
      const passwordHash = await hashPassword(input.password)
      return database.transaction(async (transaction) => {
        const clinic = await transaction.query('SELECT 1 FROM clinics WHERE id = $1', [input.clinicId])
        if (clinic.rowCount === 0) throw new AppError('NOT_FOUND', `clinic ${input.clinicId} does not exist`)
        const result = await transaction.query<AgentRow>(
          `INSERT INTO agents (id, clinic_id, email, name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (clinic_id, email) DO NOTHING RETURNING id, clinic_id, email, name, role`,
          [randomUUID(), input.clinicId, normaliseEmail(input.email), input.name.trim(), input.role, passwordHash, now()])
        const row = result.rows[0]
        if (!row) throw new AppError('CONFLICT', `an agent with the email ${normaliseEmail(input.email)} already exists in clinic ${input.clinicId}`)
        await audit.record({ clinicId: row.clinic_id, ...by, action: 'agent.created', subject: { kind: 'agent', id: row.id }, detail: { role: row.role } }, transaction)
        return toAgent(row)
      })
    },

    /** Takes an account out of service: its sessions end at once and it can no longer sign in. */
    async deactivate (clinicId: string, agentId: string, by: AuditedBy): Promise<Agent> {
      if (by.actor.kind === 'agent' && by.actor.id === agentId) throw new AppError('CONFLICT', 'you cannot deactivate your own account: ask another admin')
      const missing = new AppError('NOT_FOUND', `no active agent ${agentId} in clinic ${clinicId}`)
      if (!UUID.test(agentId)) throw missing
      return database.transaction(async (transaction) => {
        const result = await transaction.query<AgentRow>(
          'UPDATE agents SET active = false WHERE id = $1 AND clinic_id = $2 AND active RETURNING id, clinic_id, email, name, role', [agentId, clinicId])
        const row = result.rows[0]
        if (!row) throw missing
        await transaction.query('DELETE FROM agent_sessions WHERE agent_id = $1', [row.id])
        await audit.record({ clinicId, ...by, action: 'agent.deactivated', subject: { kind: 'agent', id: row.id }, detail: { role: row.role } }, transaction)
        return toAgent(row)
      })
    },

    /** A session token (shown once) for the right password; 401 otherwise, 429 while locked. */
    async login (input: { clinicId: string, email: string, password: string, ip?: string | undefined }): Promise<{ token: string, expiresAt: Date, agent: Agent }> {
      const result = await database.query<AgentRow & { password_hash: string, locked_until: Date | null }>(
        'SELECT id, clinic_id, email, name, role, password_hash, locked_until FROM agents WHERE clinic_id = $1 AND email = $2 AND active',
        [input.clinicId, normaliseEmail(input.email)])
      const row = result.rows[0]
      const at = now()
      if (row?.locked_until && row.locked_until > at) {
        await recordFailedLogin(input, row.id, 'locked')
        const seconds = Math.ceil((row.locked_until.getTime() - at.getTime()) / 1000)
        throw new AppError('RATE_LIMITED', `too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} minutes`, { details: { retryAfterSeconds: seconds } })
      }
      const matches = await verifyPassword(row?.password_hash ?? await decoyHash(), input.password)
      if (!row || !matches) {
        await database.transaction(async (transaction) => {
          if (row) {
            await transaction.query(
              `UPDATE agents SET failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
                 locked_until = CASE WHEN failed_logins + 1 >= $2 THEN $3::timestamptz + make_interval(mins => $4) ELSE locked_until END
               WHERE id = $1`, [row.id, maxFailures, at, lockMinutes])
          }
          await recordFailedLogin(input, row?.id, row ? 'wrong_password' : 'unknown_account', transaction)
        })
        throw new AppError('UNAUTHORIZED', 'wrong clinic, email or password')
      }
      const token = randomBytes(32).toString('base64url')
      const expiresAt = new Date(at.getTime() + sessionHours * 3_600_000)
      await database.transaction(async (transaction) => {
        await transaction.query('UPDATE agents SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND (failed_logins > 0 OR locked_until IS NOT NULL)', [row.id])
        await transaction.query('INSERT INTO agent_sessions (token_hash, agent_id, expires_at, created_at) VALUES ($1, $2, $3, $4)', [hashToken(token), row.id, expiresAt, at])
        await audit.record({ clinicId: row.clinic_id, actor: { kind: 'agent', id: row.id }, action: 'agent.logged_in', ip: input.ip }, transaction)
      })
      return { token, expiresAt, agent: toAgent(row) }
    },

    /** The signed-in agent of a session token, or null when unknown, expired or deactivated. */
    async authenticate (token: string): Promise<Agent | null> {
      const result = await database.query<AgentRow>(
        `SELECT a.id, a.clinic_id, a.email, a.name, a.role FROM agent_sessions s JOIN agents a ON a.id = s.agent_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.active`, [hashToken(token), now()], { name: 'agent-session' })
      const row = result.rows[0]
      return row ? toAgent(row) : null
    },

    async logout (token: string, context: { ip?: string | undefined } = {}): Promise<void> {
      await database.transaction(async (transaction) => {
        const ended = await transaction.query<{ agent_id: string, clinic_id: string }>(
          'DELETE FROM agent_sessions s USING agents a WHERE s.token_hash = $1 AND a.id = s.agent_id RETURNING s.agent_id, a.clinic_id', [hashToken(token)])
        const session = ended.rows[0]
        if (session) await audit.record({ clinicId: session.clinic_id, actor: { kind: 'agent', id: session.agent_id }, action: 'agent.logged_out', ip: context.ip }, transaction)
      })
    },

    async find (clinicId: string, agentId: string): Promise<Agent | null> {
      if (!UUID.test(agentId)) return null
      const result = await database.query<AgentRow>('SELECT id, clinic_id, email, name, role FROM agents WHERE id = $1 AND clinic_id = $2 AND active', [agentId, clinicId])
      const row = result.rows[0]
      return row ? toAgent(row) : null
    },

    async list (clinicId: string): Promise<Agent[]> {
      const result = await database.query<AgentRow>('SELECT id, clinic_id, email, name, role FROM agents WHERE clinic_id = $1 AND active ORDER BY name', [clinicId])
      return result.rows.map(toAgent)
    }
  }
}

export type AgentAccounts = ReturnType<typeof createAgentAccounts>

function normaliseEmail (email: string): string {
  return email.trim().toLowerCase()
}
