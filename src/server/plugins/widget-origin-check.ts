import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'

export type WidgetOriginCheckOptions = {
  /** CORS_ORIGINS: allowed for every clinic ('*' for any site). */
  globalOrigins: string[]
  allowedForClinic: (clinicId: string, origin: string) => Promise<boolean>
  defaultClinicId: string
}

/**
 * CORS preflights name no clinic, so they let through any origin that some clinic allows. A
 * conversation is started for one clinic, though: a browser on another clinic's site (or on a site
 * no clinic lists) is refused here with 403, before a conversation exists.
 */
export function registerWidgetOriginCheck (app: FastifyInstance, options: WidgetOriginCheckOptions): void {
  app.addHook('preHandler', async (request) => {
    if (request.method !== 'POST' || request.routeOptions.url !== '/v1/conversations') return
    const origin = request.headers.origin
    // Servers and command-line clients send no Origin; browsers always do on a POST.
    if (origin === undefined || origin === ownOrigin(request)) return
    if (options.globalOrigins.includes('*') || options.globalOrigins.includes(origin)) return
    const clinicId = (request.body as { clinicId?: string } | undefined)?.clinicId ?? options.defaultClinicId
    if (await options.allowedForClinic(clinicId, origin)) return
    throw new AppError('FORBIDDEN', `This site (${origin}) is not among the allowed origins of clinic ${clinicId}'s chat widget.`)
  })
}

function ownOrigin (request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`
}
