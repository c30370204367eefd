import { z } from 'zod'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import type { PatientDataServices } from '../../privacy/patient-data-services.ts'
import { signedInAgent } from '../plugins/agent-session.ts'
import { PATIENT_TOKEN, staffRoute } from '../access/route-access.ts'
import { agentErrors } from '../schemas/agent.ts'
import { conversationParamsSchema } from '../schemas/conversation.ts'
import { errorResponseSchema } from '../schemas/error.ts'
import { patientDataExportSchema, patientProofBodySchema, verifiedPatientSchema } from '../schemas/patient-data.ts'

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema, 503: errorResponseSchema }
// A supervisor or admin of the caller's own clinic, signed in (the export is handed over in the console).
const VERIFIED_CALLER = { access: staffRoute('supervisor', { clinic: 'own', via: ['agent-session'] }) }

type PatientDataRouteDependencies = { patientData: PatientDataServices }

/**
 * Patient data rights (api.md): the patient's export and erasure with the conversation token, and
 * the same for a caller a supervisor or admin has verified by phone number and booking reference.
 */
export function patientDataRoutes ({ patientData }: PatientDataRouteDependencies): FastifyPluginAsyncZod {
  const { rights, agentVerified } = patientData
  return async (app) => {
    app.get('/v1/conversations/:id/export', {
      config: { access: PATIENT_TOKEN },
      schema: { tags: ['patient data'], summary: 'Download all of this patient\'s data (JSON attachment)', security: [{ conversationToken: [] }], params: conversationParamsSchema, response: { 200: patientDataExportSchema, ...errors } }
    }, async (request, reply) => {
      const document = await rights.exportForPatient({ conversationId: request.params.id, token: bearerToken(request), ip: request.ip })
      return asAttachment(reply, `conversation-${request.params.id}.json`).send(document)
    })

    app.delete('/v1/conversations/:id', {
      config: { access: PATIENT_TOKEN },
      schema: { tags: ['patient data'], summary: 'Erase this conversation everywhere; the token stops working (later requests: 404)', security: [{ conversationToken: [] }], params: conversationParamsSchema, response: { 204: z.null(), ...errors } }
    }, async (request, reply) => {
      await rights.eraseForPatient({ conversationId: request.params.id, token: bearerToken(request), ip: request.ip })
      return reply.status(204).send(null)
    })

    app.register(async (plain) => {
      const staff = plain.withTypeProvider<ZodTypeProvider>()
      const common = { tags: ['agents: patient data'], security: [{ agentSession: [] }], body: patientProofBodySchema }

      staff.post('/v1/agent/patient-data/lookup', {
        config: VERIFIED_CALLER,
        schema: { ...common, summary: 'Verify a caller by phone and booking reference (404 unless both match one booking; failures are limited)', response: { 200: verifiedPatientSchema, ...agentErrors } }
      }, async (request, reply) => withRetryAfter(reply, () => agentVerified.lookup(signedInAgent(request), request.body, request.ip)))

      staff.post('/v1/agent/patient-data/export', {
        config: VERIFIED_CALLER,
        schema: { ...common, summary: 'Export a verified caller\'s data (JSON attachment)', response: { 200: patientDataExportSchema, ...agentErrors } }
      }, async (request, reply) => {
        const document = await withRetryAfter(reply, () => agentVerified.export(signedInAgent(request), request.body, request.ip))
        return asAttachment(reply, `patient-data-${document.appointments[0]?.reference ?? 'export'}.json`).send(document)
      })

      staff.post('/v1/agent/patient-data/erase', {
        config: VERIFIED_CALLER,
        schema: { ...common, summary: 'Erase a verified caller\'s conversations and booking details', response: { 204: z.null(), ...agentErrors } }
      }, async (request, reply) => {
        await withRetryAfter(reply, () => agentVerified.erase(signedInAgent(request), request.body, request.ip))
        return reply.status(204).send(null)
      })
    })
  }
}

function asAttachment (reply: FastifyReply, filename: string): FastifyReply {
  return reply.header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`).header('cache-control', 'no-store')
}

/** A refused verification says when the agent may try again. */
async function withRetryAfter<Result> (reply: FastifyReply, action: () => Promise<Result>): Promise<Result> {
  try {
    return await action()
  } catch (error) {
    const seconds = (error as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds
    if (seconds) reply.header('Retry-After', String(seconds))
    throw error
  }
}

function bearerToken (request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')
  return match?.[1] ?? null
}
