import type { AgentRole } from '../../handoff/agent-accounts.ts'

/** Staff roles, weakest first: agents answer patients, supervisors also oversee, admins also configure. */
export type StaffRole = AgentRole
export const STAFF_ROLES: readonly StaffRole[] = ['agent', 'supervisor', 'admin']

/** How staff prove who they are: a signed-in agent's session, or an admin API key (x-api-key). */
export type StaffCredential = 'agent-session' | 'api-key'

/**
 * Where a staff route's clinic comes from.
 * - `path`: the `:clinicId` path parameter. A credential of another clinic gets 403 (clinic ids are
 *   not secret: they are in every widget's embed code).
 * - `own`: the credential's own clinic. Ids of another clinic's objects (conversations) answer 404,
 *   as if they did not exist: their existence is itself information.
 * - `platform`: not one clinic's (the shared corpus, the delivery queue): only keys of every clinic.
 */
export type ClinicScope = 'path' | 'own' | 'platform'

/**
 * Who may call a route: every route declares one in `config.access`, and the app refuses to start
 * with a route that does not (see access-control.ts).
 */
export type RouteAccess =
  | { kind: 'public', reason: string }
  /** The conversation's bearer token (or `?token=` for EventSource); the conversation service checks it against the conversation. */
  | { kind: 'patient-token' }
  /** A messaging platform's signature over the raw body, verified by the channel's handler. */
  | { kind: 'channel-signature', channel: 'whatsapp' | 'wechat' }
  | { kind: 'staff', role: StaffRole, via: readonly StaffCredential[], clinic: ClinicScope }

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess
  }
}

export function publicRoute (reason: string): RouteAccess {
  return { kind: 'public', reason }
}

export const PATIENT_TOKEN: RouteAccess = { kind: 'patient-token' }

export function channelSignature (channel: 'whatsapp' | 'wechat'): RouteAccess {
  return { kind: 'channel-signature', channel }
}

/** A staff route: the weakest role that may call it, its clinic scope, and the credentials it takes (default both). */
export function staffRoute (role: StaffRole, options: { clinic: ClinicScope, via?: readonly StaffCredential[] }): RouteAccess {
  return { kind: 'staff', role, clinic: options.clinic, via: options.via ?? ['agent-session', 'api-key'] }
}

export function roleRank (role: StaffRole): number {
  return STAFF_ROLES.indexOf(role)
}
