import '@fastify/cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'
import type { Agent } from '../../handoff/agent-accounts.ts'

export const AGENT_COOKIE = 'agent_session'

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in agent, set by the access hook (src/server/access) on agent routes. */
    agent?: Agent
  }
}

/** The session token of a request: `Authorization: Bearer <token>`, else the console's HttpOnly cookie. */
export function agentToken (request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')
  return match?.[1] ?? request.cookies?.[AGENT_COOKIE] ?? null
}

export function signedInAgent (request: FastifyRequest): Agent {
  if (!request.agent) throw new AppError('UNAUTHORIZED', 'sign in first')
  return request.agent
}

export function setAgentCookie (reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(AGENT_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: 'auto', path: '/', expires: expiresAt })
}

export function clearAgentCookie (reply: FastifyReply): void {
  reply.clearCookie(AGENT_COOKIE, { path: '/' })
}
