import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'
import type { Agent, AgentAccounts } from '../../handoff/agent-accounts.ts'
import type { AdminApiKeys, ApiKeyRole } from '../../privacy/admin-api-keys.ts'
import type { AuditActor } from '../../privacy/audit-trail.ts'
import type { AuditedBy } from '../../privacy/audited-by.ts'
import { agentToken } from '../plugins/agent-session.ts'
import type { StaffCredential, StaffRole } from './route-access.ts'

/** The id the bootstrap key (ADMIN_API_KEY) acts under in the audit trail. */
export const OPERATOR_KEY_ID = 'ADMIN_API_KEY'

/** A member of staff whose credential checked out: a signed-in agent, or the holder of an admin API key. */
export type StaffPrincipal =
  | { credential: 'agent-session', role: StaffRole, clinicId: string, agent: Agent }
  /** clinicId null: a key of every clinic (a platform operator's, or ADMIN_API_KEY). */
  | { credential: 'api-key', role: ApiKeyRole, clinicId: string | null, keyId: string }

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the access hook on staff routes. */
    principal?: StaffPrincipal
  }
}

export type StaffAuthentication = { accounts: AgentAccounts, keys: AdminApiKeys, operatorKey: string | undefined }

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * The staff member a request's credential names, or null when it presents none. An x-api-key
 * header is used when present (the console never sends one), else the agent's bearer token or
 * session cookie. A credential that is presented but not valid is a 401 here, whatever the route.
 */
export function createStaffIdentification ({ accounts, keys, operatorKey }: StaffAuthentication) {
  const operatorDigest = operatorKey ? digest(operatorKey) : undefined
  return async (request: FastifyRequest): Promise<StaffPrincipal | null> => {
    const apiKey = request.headers['x-api-key']
    if (apiKey !== undefined) {
      // Digests on both sides: the comparison takes the same time whatever the key's length or content.
      if (typeof apiKey === 'string' && operatorDigest && timingSafeEqual(digest(apiKey), operatorDigest)) {
        return { credential: 'api-key', role: 'admin', clinicId: null, keyId: OPERATOR_KEY_ID }
      }
      const holder = typeof apiKey === 'string' ? await keys.authenticate(apiKey) : null
      if (!holder) throw new AppError('UNAUTHORIZED', `the x-api-key header holds no valid key (unknown or revoked)${operatorDigest ? '' : ', and ADMIN_API_KEY is not set on this server'}: create a key with \`npm run keys -- create\``)
      return { credential: 'api-key', role: holder.role, clinicId: holder.clinicId, keyId: holder.id }
    }
    const token = agentToken(request)
    if (token === null) return null
    const agent = await accounts.authenticate(token)
    if (!agent) throw new AppError('UNAUTHORIZED', 'the session has ended or the token is not valid: sign in again (POST /v1/agent/login)')
    return { credential: 'agent-session', role: agent.role, clinicId: agent.clinicId, agent }
  }
}

export function describeCredentials (via: readonly StaffCredential[]): string {
  return via.map((credential) => credential === 'api-key' ? 'an x-api-key header' : 'a signed-in agent (POST /v1/agent/login, then Authorization: Bearer <token> or the session cookie)').join(' or ')
}

/** The audit trail's name for a staff member. */
export function auditActorOf (principal: StaffPrincipal): AuditActor {
  return principal.credential === 'agent-session' ? { kind: 'agent', id: principal.agent.id } : { kind: 'admin', id: principal.keyId }
}

/** Who is acting in this request and from where, for the audit trail (staff routes only). */
export function auditedBy (request: FastifyRequest): AuditedBy {
  if (!request.principal) throw new AppError('UNAUTHORIZED', 'this route needs staff credentials')
  return { actor: auditActorOf(request.principal), ip: request.ip }
}
