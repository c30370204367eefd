import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AgentAccounts } from '../../handoff/agent-accounts.ts'
import { agentSessionHook, agentToken, clearAgentCookie, setAgentCookie, signedInAgent } from '../plugins/agent-session.ts'
import { agentErrors, agentSchema, loginBodySchema } from '../schemas/agent.ts'

const tags = ['agents']
// Per client address, on top of the per-account lock after repeated wrong passwords.
const LOGIN_ATTEMPTS_PER_MINUTE = 10

/** Agent sign-in: a bearer token for API clients and an HttpOnly cookie for the console. */
export function agentAuthRoutes (accounts: AgentAccounts): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/v1/agent/login', {
      config: { rateLimit: { max: LOGIN_ATTEMPTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in; 401 for wrong credentials, 429 after repeated failures',
        body: loginBodySchema,
        response: { 200: z.object({ token: z.string(), expiresAt: z.string(), agent: agentSchema }), ...agentErrors }
      }
    }, async (request, reply) => {
      const session = await accounts.login(request.body)
      setAgentCookie(reply, session.token, session.expiresAt)
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), agent: session.agent }
    })

    app.register(async (signedIn) => {
      signedIn.addHook('onRequest', agentSessionHook(accounts))

      signedIn.get('/v1/agent/me', {
        schema: { tags, summary: 'The signed-in agent', security: [{ agentSession: [] }], response: { 200: z.object({ agent: agentSchema }), ...agentErrors } }
      }, async (request) => ({ agent: signedInAgent(request) }))

      signedIn.post('/v1/agent/logout', {
        schema: { tags, summary: 'Sign out (the token stops working)', security: [{ agentSession: [] }], response: { 204: z.null(), ...agentErrors } }
      }, async (request, reply) => {
        const token = agentToken(request)
        if (token) await accounts.logout(token)
        clearAgentCookie(reply)
        return reply.status(204).send(null)
      })
    })
  }
}
