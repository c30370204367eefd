import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { FastifyRequest } from 'fastify'
import type { Database } from '../../db/database.ts'
import { AppError } from '../../errors.ts'
import type { AgentAccounts } from '../../handoff/agent-accounts.ts'
import { adminApiKeyHook } from '../plugins/admin-auth.ts'
import { agentSessionHook } from '../plugins/agent-session.ts'
import { agentErrors, agentSchema, clinicParamsSchema, createAgentBodySchema, handoffSettingsSchema } from '../schemas/agent.ts'

const tags = ['agents: administration']
const security: Array<Record<string, string[]>> = [{ adminApiKey: [] }, { agentSession: [] }]

/**
 * A clinic's agent accounts and handoff settings: with the admin API key, or signed in as an
 * admin agent of that clinic (an admin of one clinic cannot touch another).
 */
export function agentAdminRoutes (input: { accounts: AgentAccounts, database: Database, adminApiKey: string | undefined }): FastifyPluginAsyncZod {
  const { accounts, database } = input
  const adminKey = adminApiKeyHook(input.adminApiKey)
  const agentSession = agentSessionHook(accounts)
  const authorise = async (request: FastifyRequest<{ Params: { clinicId: string } }>) => {
    if (request.headers['x-api-key'] !== undefined) return adminKey(request)
    await agentSession(request)
    if (request.agent?.role !== 'admin' || request.agent.clinicId !== request.params.clinicId) {
      throw new AppError('FORBIDDEN', 'only an admin of this clinic (or the admin API key) may manage its agents')
    }
  }

  return async (app) => {
    app.post('/v1/admin/clinics/:clinicId/agents', {
      preHandler: authorise,
      schema: { tags, security, summary: 'Create an agent, supervisor or admin of the clinic', params: clinicParamsSchema, body: createAgentBodySchema, response: { 201: z.object({ agent: agentSchema }), ...agentErrors } }
    }, async (request, reply) => {
      const agent = await accounts.create({ clinicId: request.params.clinicId, ...request.body })
      return reply.status(201).send({ agent })
    })

    app.get('/v1/admin/clinics/:clinicId/agents', {
      preHandler: authorise,
      schema: { tags, security, summary: "The clinic's active agents", params: clinicParamsSchema, response: { 200: z.object({ agents: z.array(agentSchema) }), ...agentErrors } }
    }, async (request) => ({ agents: await accounts.list(request.params.clinicId) }))

    app.put('/v1/admin/clinics/:clinicId/handoff-settings', {
      preHandler: authorise,
      schema: {
        tags,
        security,
        summary: 'Staffed hours (local time, per weekday; none = always staffed) and the default minutes per waiting conversation',
        params: clinicParamsSchema,
        body: handoffSettingsSchema,
        response: { 200: z.object({ handoff: handoffSettingsSchema }), ...agentErrors }
      }
    }, async (request) => {
      const result = await database.query('UPDATE clinics SET settings = settings || jsonb_build_object(\'handoff\', $2::jsonb) WHERE id = $1', [request.params.clinicId, JSON.stringify(request.body)])
      if (result.rowCount === 0) throw new AppError('NOT_FOUND', `clinic ${request.params.clinicId} does not exist`)
      return { handoff: request.body }
    })
  }
}
