import type { FastifyInstance, FastifyRequest, RouteHandlerMethod, RouteOptions } from 'fastify'
import type { Database } from '../../db/database.ts'
import { withClinicContext } from '../../db/clinic-context.ts'
import type { RouteAccess } from './route-access.ts'

export type ClinicContextOptions = {
  database: Database
  /** The clinic of a conversation (null when there is none): a patient's requests run under it. */
  clinicOfConversation: (conversationId: string) => Promise<string | null>
}

type ClinicOfRequest = (request: FastifyRequest) => Promise<string | null | undefined>

/**
 * Runs the handler of every route that works for one clinic inside withClinicContext, so the
 * database's row-level security (migrations/0021) walls each request into that clinic:
 * - a conversation token's routes: the conversation's clinic (`:id`);
 * - staff routes scoped by `:clinicId`: that clinic (the access hook has checked the credential);
 * - staff routes of the credential's own clinic: the agent's or the key's clinic (a key of every
 *   clinic runs without a context).
 * Public, channel-webhook and platform routes run without one; the channel pipeline sets it once
 * it knows the clinic (conversation service). Register after requireAccessDeclarations, before routes.
 */
export function runRoutesInClinicContext (app: FastifyInstance, options: ClinicContextOptions): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const clinicOf = clinicResolver(route.config?.access, options)
    if (!clinicOf) return
    const handler = route.handler as (this: FastifyInstance, ...args: Parameters<RouteHandlerMethod>) => unknown
    route.handler = async function (this: FastifyInstance, request, reply) {
      const clinicId = await clinicOf(request)
      if (!clinicId) return handler.call(this, request, reply)
      return withClinicContext(options.database, clinicId, async () => handler.call(this, request, reply))
    }
  })
}

function clinicResolver (access: RouteAccess | undefined, options: ClinicContextOptions): ClinicOfRequest | null {
  if (access?.kind === 'patient-token') {
    return async (request) => {
      const id = (request.params as { id?: string }).id
      return id === undefined ? null : options.clinicOfConversation(id)
    }
  }
  if (access?.kind !== 'staff') return null
  if (access.clinic === 'path') return async (request) => (request.params as { clinicId?: string }).clinicId
  if (access.clinic === 'own') return async (request) => request.principal?.clinicId
  return null
}
