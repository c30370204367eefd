import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AgentAccounts } from '../../handoff/agent-accounts.ts'
import { agentToken, clearAgentCookie, setAgentCookie, signedInAgent } from '../plugins/agent-session.ts'
import { publicRoute, staffRoute } from '../access/route-access.ts'
import { agentErrors, agentSchema, loginBodySchema } from '../schemas/agent.ts'
import { DEPARTMENTS } from '../../flows/triage-vocabulary.ts'

// The console's department filter for quick replies: codes with their names in both languages.
const departments = Object.entries(DEPARTMENTS).map(([code, names]) => ({ code, name: { en: names.en, 'zh-CN': names.zh } }))

const tags = ['agents']
/**
 * Agent sign-in: a bearer token for API clients and an HttpOnly cookie for the console. Attempts
 * are limited per client address, on top of the per-account lock after repeated wrong passwords.
 */
export function agentAuthRoutes (accounts: AgentAccounts, loginAttemptsPerMinute: number): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/v1/agent/login', {
      config: { rateLimit: { max: loginAttemptsPerMinute, timeWindow: '1 minute' }, access: publicRoute('sign-in: checks the password itself, limited per address and per account') },
      schema: {
        tags,
        summary: 'Sign in; 401 for wrong credentials, 429 after repeated failures',
        body: loginBodySchema,
        response: { 200: z.object({ token: z.string(), expiresAt: z.string(), agent: agentSchema }), ...agentErrors }
      }
    }, async (request, reply) => {
      const session = await accounts.login({ ...request.body, ip: request.ip }).catch((error: unknown) => {
        const seconds = (error as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds
        if (seconds) reply.header('Retry-After', String(seconds))
        throw error
      })
      setAgentCookie(reply, session.token, session.expiresAt)
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), agent: session.agent }
    })

    app.register(async (signedIn) => {
      const config = { access: staffRoute('agent', { clinic: 'own', via: ['agent-session'] }) }

      signedIn.get('/v1/agent/me', {
        config,
        schema: {
          tags,
          summary: 'The signed-in agent, and the triage departments (for filtering quick replies)',
          security: [{ agentSession: [] }],
          response: { 200: z.object({ agent: agentSchema, departments: z.array(z.object({ code: z.string(), name: z.record(z.string(), z.string()) })) }), ...agentErrors }
        }
      }, async (request) => ({ agent: signedInAgent(request), departments }))

      signedIn.post('/v1/agent/logout', {
        config,
        schema: { tags, summary: 'Sign out (the token stops working)', security: [{ agentSession: [] }], response: { 204: z.null(), ...agentErrors } }
      }, async (request, reply) => {
        const token = agentToken(request)
        if (token) await accounts.logout(token, { ip: request.ip })
        clearAgentCookie(reply)
        return reply.status(204).send(null)
      })
    })
  }
}
