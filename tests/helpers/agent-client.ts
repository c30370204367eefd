import type { FastifyInstance } from 'fastify'

export const ADMIN_KEY = 'handoff-admin-key'

/** The environment of a test app with agents: the admin key, and sign-ins not limited per address. */
export const AGENT_TEST_ENVIRONMENT = { ADMIN_API_KEY: ADMIN_KEY, AGENT_LOGIN_ATTEMPTS_PER_MINUTE: '10000' }

export type InjectedResponse = { statusCode: number, body: string, headers: Record<string, string | string[] | number | undefined>, json: () => any }

export type AgentClient = {
  id: string
  name: string
  token: string
  request: (method: 'GET' | 'POST', url: string, payload?: unknown) => Promise<InjectedResponse>
}

/** Creates an agent through the admin route and signs in, as a clinic's staff would. */
export async function createAgent (app: FastifyInstance, input: { email: string, name: string, role?: 'agent' | 'supervisor' | 'admin', clinicId?: string, password?: string }): Promise<AgentClient> {
  const clinicId = input.clinicId ?? 'default'
  const password = input.password ?? 'correct horse battery'
  const created = await app.inject({ method: 'POST', url: `/v1/admin/clinics/${clinicId}/agents`, headers: { 'x-api-key': ADMIN_KEY }, payload: { email: input.email, name: input.name, password, role: input.role ?? 'agent' } })
  if (created.statusCode !== 201) throw new Error(`create agent failed: ${created.statusCode} ${created.body}`)
  const login = await app.inject({ method: 'POST', url: '/v1/agent/login', payload: { clinicId, email: input.email, password } })
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`)
  const { token, agent } = login.json()
  return {
    id: agent.id,
    name: agent.name,
    token,
    request: (method, url, payload) => app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) })
  }
}

export { eventually } from './eventually.ts'
