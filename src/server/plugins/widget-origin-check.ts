import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'

export type WidgetOriginCheckOptions = {
  /** CORS_ORIGINS: allowed for every clinic ('*' for any site). */
  globalOrigins: string[]
  allowedForClinic: (clinicId: string, origin: string) => Promise<boolean>
  defaultClinicId: string
  /** The clinic of a conversation (null for an unknown id): its patient routes are checked against it. */
  clinicOfConversation: (conversationId: string) => Promise<string | null>
}

/**
 * CORS preflights name no clinic, so they let through any origin that some clinic allows. Each
 * conversation belongs to one clinic, though: a browser on another clinic's site (or on a site no
 * clinic lists) is refused here with 403, when it starts a conversation (the clinic of the body)
 * and on every later request with a conversation token (the conversation's clinic), so a page of
 * clinic A cannot drive clinic B's conversations even with a token it got hold of.
 */
export function registerWidgetOriginCheck (app: FastifyInstance, options: WidgetOriginCheckOptions): void {
  app.addHook('preHandler', async (request) => {
    const clinicOf = clinicOfRequest(request, options)
    if (!clinicOf) return
    const origin = request.headers.origin
    // Servers and command-line clients send no Origin; browsers always do on a POST and on cross-site reads.
    if (origin === undefined || origin === ownOrigin(request)) return
    if (options.globalOrigins.includes('*') || options.globalOrigins.includes(origin)) return
    const clinicId = await clinicOf()
    // An unknown conversation: the route answers 404 as it would to anyone.
    if (clinicId === null || await options.allowedForClinic(clinicId, origin)) return
    throw new AppError('FORBIDDEN', `This site (${origin}) is not among the allowed origins of clinic ${clinicId}'s chat widget.`)
  })
}

function clinicOfRequest (request: FastifyRequest, options: WidgetOriginCheckOptions): (() => Promise<string | null>) | null {
  if (request.method === 'POST' && request.routeOptions.url === '/v1/conversations') {
    return async () => (request.body as { clinicId?: string } | undefined)?.clinicId ?? options.defaultClinicId
  }
  const conversationId = (request.params as { id?: string } | undefined)?.id
  if (request.routeOptions.config?.access?.kind !== 'patient-token' || conversationId === undefined) return null
  return () => options.clinicOfConversation(conversationId)
}

function ownOrigin (request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`
}
