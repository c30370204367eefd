import { z } from 'zod'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Database } from '../../db/database.ts'
import type { AgentAccounts } from '../../handoff/agent-accounts.ts'
import { saveHandoffSettings } from '../../handoff/handoff-settings.ts'
import type { AuditTrail } from '../../privacy/audit-trail.ts'
import { staffRoute } from '../access/route-access.ts'
import { STAFF_SECURITY } from '../plugins/openapi.ts'
import { auditedBy } from '../access/staff-principal.ts'
import { agentErrors, agentSchema, clinicParamsSchema, createAgentBodySchema, handoffSettingsSchema } from '../schemas/agent.ts'

const tags = ['agents: administration']
const security = STAFF_SECURITY
// An admin API key of the clinic (or of every clinic), or an admin agent of that clinic.
const config = { access: staffRoute('admin', { clinic: 'path' }) }

/** A clinic's agent accounts and handoff settings; an admin of one clinic cannot touch another. */
export function agentAdminRoutes (input: { accounts: AgentAccounts, database: Database, audit: AuditTrail }): FastifyPluginAsyncZod {
  const { accounts } = input
  return async (app) => {
    app.post('/v1/admin/clinics/:clinicId/agents', {
      config,
      schema: { tags, security, summary: 'Create an agent, supervisor or admin of the clinic', params: clinicParamsSchema, body: createAgentBodySchema, response: { 201: z.object({ agent: agentSchema }), ...agentErrors } }
    }, async (request, reply) => {
      const agent = await accounts.create({ clinicId: request.params.clinicId, ...request.body }, auditedBy(request))
      return reply.status(201).send({ agent })
    })

    app.get('/v1/admin/clinics/:clinicId/agents', {
      config,
      schema: { tags, security, summary: "The clinic's active agents", params: clinicParamsSchema, response: { 200: z.object({ agents: z.array(agentSchema) }), ...agentErrors } }
    }, async (request) => ({ agents: await accounts.list(request.params.clinicId) }))

    app.delete('/v1/admin/clinics/:clinicId/agents/:agentId', {
      config,
      schema: {
        tags,
        security,
        summary: 'Deactivate an agent: its sessions end at once and it can no longer sign in (not your own account)',
        params: clinicParamsSchema.extend({ agentId: z.string().min(1).max(64) }),
        response: { 200: z.object({ agent: agentSchema }), ...agentErrors }
      }
    }, async (request) => ({ agent: await accounts.deactivate(request.params.clinicId, request.params.agentId, auditedBy(request)) }))

    app.put('/v1/admin/clinics/:clinicId/handoff-settings', {
      config,
      schema: {
        tags,
        security,
        summary: 'Staffed hours (local time, per weekday; none = always staffed) and the default minutes per waiting conversation',
        params: clinicParamsSchema,
        body: handoffSettingsSchema,
        response: { 200: z.object({ handoff: handoffSettingsSchema }), ...agentErrors }
      }
    }, async (request) => {
      await saveHandoffSettings(input, request.params.clinicId, request.body, auditedBy(request))
      return { handoff: request.body }
    })
  }
}
