import type { FastifyPluginAsync } from 'fastify'
import type { Clock } from '../../clock.ts'
import type { WhatsAppSettings } from '../../config.ts'
import { AppError } from '../../errors.ts'
import type { ChannelAdapter } from '../channel-adapter.ts'
import type { ChannelPipeline } from '../channel-pipeline.ts'
import { channelSignature } from '../../server/access/route-access.ts'
import { keepRawBodies, queryStrings, rawBodyOf } from '../raw-body.ts'
import { sameSecret } from './whatsapp-signature.ts'

// Meta's notifications can reach 3 MB.
const BODY_LIMIT = 3 * 1024 * 1024

type RouteOptions = { settings: WhatsAppSettings, adapter: ChannelAdapter, pipeline: ChannelPipeline, clinicId: string, clock: Clock }

/**
 * GET /webhooks/whatsapp: Meta's verification handshake. POST: a signed notification, answered
 * 200 as soon as its messages are queued (replies go out through the outbound queue).
 */
export function whatsappRoutes (options: RouteOptions): FastifyPluginAsync {
  return async (app) => {
    keepRawBodies(app, BODY_LIMIT)
    const routeConfig = { rateLimit: false as const, access: channelSignature('whatsapp') }

    app.get('/webhooks/whatsapp', { config: routeConfig, schema: { tags: ['webhooks'], summary: 'WhatsApp Cloud API webhook verification' } }, async (request, reply) => {
      const query = queryStrings(request.query)
      if (query['hub.mode'] !== 'subscribe' || !sameSecret(query['hub.verify_token'], options.settings.verifyToken)) {
        throw new AppError('FORBIDDEN', 'hub.mode must be subscribe and hub.verify_token must match WHATSAPP_VERIFY_TOKEN')
      }
      return reply.type('text/plain; charset=utf-8').send(query['hub.challenge'] ?? '')
    })

    app.post('/webhooks/whatsapp', { config: routeConfig, schema: { tags: ['webhooks'], summary: 'WhatsApp Cloud API notifications (messages and statuses)' } }, async (request, reply) => {
      const raw = { clinicId: options.clinicId, query: queryStrings(request.query), headers: request.headers, body: rawBodyOf(request.body) }
      // Nothing is read, stored or logged from a request that is not signed with the app secret.
      if (!await options.adapter.verify(raw)) throw new AppError('UNAUTHORIZED', 'X-Hub-Signature-256 is missing or does not match the body')
      let events
      try {
        events = await options.adapter.normalise(raw, options.clock.now())
      } catch (error) {
        if (error instanceof SyntaxError) throw new AppError('INVALID_JSON', 'The request body is not valid JSON.')
        throw error
      }
      let accepted = 0
      for (const event of events) if (await options.pipeline.accept(event)) accepted++
      return reply.status(200).send({ received: events.length, accepted })
    })
  }
}
