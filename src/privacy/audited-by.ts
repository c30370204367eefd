import type { AuditActor } from './audit-trail.ts'

/** Who made a change and from where: what a domain function needs to record it in the audit trail. */
export type AuditedBy = {
  actor: AuditActor
  /** The client address as the server saw it; absent for the command line and background jobs. */
  ip?: string | undefined
}

/** Changes made from the command line (`npm run keys`, `npm run agents`): the operator at the server. */
export const COMMAND_LINE: AuditedBy = { actor: { kind: 'system', id: 'cli' } }
