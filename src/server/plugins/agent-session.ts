import '@fastify/cookie'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'
import type { Agent, AgentAccounts } from '../../handoff/agent-accounts.ts'

export const AGENT_COOKIE = 'agent_session'

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in agent, set by agentSessionHook. */
    agent?: Agent
  }
}

/** The session token of a request: `Authorization: Bearer <token>`, else the console's HttpOnly cookie. */
export function agentToken (request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')
  return match?.[1] ?? request.cookies?.[AGENT_COOKIE] ?? null
}

/** An onRequest hook: every route behind it needs a signed-in agent (401 otherwise). */
export function agentSessionHook (accounts: AgentAccounts): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const token = agentToken(request)
    const agent = token ? await accounts.authenticate(token) : null
    if (!agent) throw new AppError('UNAUTHORIZED', 'sign in first: POST /v1/agent/login, then send Authorization: Bearer <token> (or the session cookie)')
    request.agent = agent
  }
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
