import type { FastifyInstance } from 'fastify'
import type { AppDependencies } from '../../src/deps.ts'
import { COMMAND_LINE } from '../../src/privacy/audited-by.ts'
import type { ApiKeyRole } from '../../src/privacy/admin-api-keys.ts'
import { ADMIN_KEY, createAgent } from './agent-client.ts'

export type StaffRole = 'agent' | 'supervisor' | 'admin'

/** One member of staff with working credentials: an agent signed in, or an admin API key. */
export type TestPrincipal = {
  name: string
  /** The clinic the credential belongs to; '*' for a key of every clinic. */
  clinicId: string
  credential: 'agent-session' | 'api-key'
  role: StaffRole
  headers: Record<string, string>
  /** The agent id, for agents. */
  agentId?: string
}

/** Creates a key through the real store (the CLI's code path) and returns its holder's headers. */
export async function createKeyPrincipal (dependencies: AppDependencies, clinicId: string, role: ApiKeyRole): Promise<TestPrincipal> {
  const { key, token } = await dependencies.adminApiKeys.create({ name: `${clinicId} ${role} key`, clinicId: clinicId === '*' ? null : clinicId, role }, COMMAND_LINE)
  return { name: `${role} key ${key.id} of ${clinicId}`, clinicId, credential: 'api-key', role, headers: { 'x-api-key': token } }
}

/** Agents of each role and keys of each role for one clinic. */
export async function createClinicStaff (app: FastifyInstance, dependencies: AppDependencies, clinicId: string): Promise<TestPrincipal[]> {
  const staff: TestPrincipal[] = []
  for (const role of ['agent', 'supervisor', 'admin'] as const) {
    const agent = await createAgent(app, { email: `${role}@${clinicId}.example`, name: `${role} of ${clinicId}`, role, clinicId })
    staff.push({ name: `${role} agent of ${clinicId}`, clinicId, credential: 'agent-session', role, headers: { authorization: `Bearer ${agent.token}` }, agentId: agent.id })
  }
  staff.push(await createKeyPrincipal(dependencies, clinicId, 'supervisor'), await createKeyPrincipal(dependencies, clinicId, 'admin'))
  return staff
}

/** ADMIN_API_KEY: the bootstrap key of every clinic, with the admin role. */
export const OPERATOR: TestPrincipal = { name: 'ADMIN_API_KEY', clinicId: '*', credential: 'api-key', role: 'admin', headers: { 'x-api-key': ADMIN_KEY } }
