import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import type { Clock } from '../../clock.ts'
import { AppError } from '../../errors.ts'
import type { Logger } from '../../logger.ts'
import type { PublicTurn } from '../../conversations/public-shapes.ts'
import type { InboundEvent } from '../channel-adapter.ts'
import { channelSignature } from '../../server/access/route-access.ts'
import { toOutbound, type ChannelPipeline } from '../channel-pipeline.ts'
import { keepRawBodies, queryStrings, rawBodyOf } from '../raw-body.ts'
import { formatWeChatText, openWeChatMessage, toInboundEvent, type OpenedWeChatMessage, type WeChatAccountSettings } from './wechat-adapter.ts'
import { encryptedReplyXml, signatureMatches } from './wechat-crypto.ts'
import { MAX_XML_BYTES, passiveTextXml, WeChatXmlError } from './wechat-xml.ts'

type RouteOptions = {
  /** The account of a clinic: the WECHAT_* settings for the default clinic, a clinic's own settings otherwise; null -> 404. */
  accountFor: (clinicId: string | undefined) => Promise<{ clinicId: string, account: WeChatAccountSettings } | null>
  pipeline: ChannelPipeline
  clock: Clock
  replyDeadlineMs: number
  logger?: Pick<Logger, 'warn'> | undefined
}

const TIMED_OUT = Symbol('timed out')

/**
 * GET|POST /webhooks/wechat[/:clinicId]. A message is answered with a passive (in safe mode
 * encrypted) XML reply when its turn finishes within the deadline; otherwise with "success" at
 * the deadline, and the answer goes out later as a customer-service message through the queue.
 */
export function wechatRoutes (options: RouteOptions): FastifyPluginAsync {
  return async (app) => {
    keepRawBodies(app, MAX_XML_BYTES)
    const config = { rateLimit: false as const, access: channelSignature('wechat') }
    const schema = { tags: ['webhooks'] }

    const verify = async (clinicId: string | undefined, query: unknown, reply: FastifyReply) => {
      const found = await requireAccount(clinicId)
      const { signature, timestamp, nonce, echostr } = queryStrings(query)
      if (!timestamp || !nonce || !signatureMatches([found.account.token, timestamp, nonce], signature)) {
        throw new AppError('UNAUTHORIZED', 'signature does not match the WeChat token')
      }
      return reply.type('text/plain; charset=utf-8').send(echostr ?? '')
    }

    const receive = async (clinicId: string | undefined, query: unknown, body: unknown, reply: FastifyReply) => {
      const found = await requireAccount(clinicId)
      const raw = { clinicId: found.clinicId, query: queryStrings(query), headers: {}, body: rawBodyOf(body) }
      let opened: OpenedWeChatMessage | null
      try {
        opened = openWeChatMessage(found.account, raw)
      } catch (error) {
        if (error instanceof WeChatXmlError) throw new AppError('VALIDATION_FAILED', error.message)
        throw error
      }
      if (!opened) throw new AppError('UNAUTHORIZED', 'the WeChat signature does not match, or the message could not be decrypted for this AppID')
      const event = toInboundEvent(opened.fields, found.clinicId, options.clock.now())
      if (!event) return success(reply)
      const turn = await answerWithinDeadline(event)
      if (!turn || turn.messages.length === 0) return success(reply)
      const content = turn.messages.map((message) => formatWeChatText(toOutbound(message))).join('\n\n')
      const xml = passiveTextXml({ toUser: opened.fields.FromUserName ?? '', fromAccount: opened.fields.ToUserName ?? '', content, now: options.clock.now() })
      if (!opened.encrypted || !opened.key) return reply.type('application/xml; charset=utf-8').send(xml)
      return reply.type('application/xml; charset=utf-8').send(encryptedReplyXml({
        token: found.account.token, key: opened.key, appId: found.account.appId, message: xml, timestamp: String(Math.floor(options.clock.now().getTime() / 1000)), nonce: raw.query.nonce ?? ''
      }))
    }

    /**
     * The event is stored first (its queued job is the fallback, due just after the deadline),
     * then answered in the request. A repeat that WeChat sends because our answer did not reach
     * it gets the same answer again; one that the queue is answering gets "success".
     */
    async function answerWithinDeadline (event: InboundEvent): Promise<PublicTurn | null> {
      const fallbackAt = new Date(options.clock.now().getTime() + options.replyDeadlineMs + 1000)
      const created = await options.pipeline.accept(event, fallbackAt)
      if (!created && await options.pipeline.status(event) !== 'cancelled') return null
      const work = options.pipeline.process(event)
      let timer: NodeJS.Timeout | undefined
      const deadline = new Promise<typeof TIMED_OUT>((resolve) => { timer = setTimeout(() => resolve(TIMED_OUT), options.replyDeadlineMs) })
      try {
        const outcome = await Promise.race([work, deadline])
        if (outcome === TIMED_OUT) {
          work.catch((error: unknown) => options.logger?.warn({ err: error }, 'a WeChat turn past its deadline failed; the queue will run it again'))
          return null
        }
        // Answered in time: the queued fallback is withdrawn, unless a worker already took it (then it sends).
        if (created && !(await options.pipeline.withdraw(event))) return null
        return outcome
      } finally {
        clearTimeout(timer)
      }
    }

    async function requireAccount (clinicId: string | undefined) {
      const found = await options.accountFor(clinicId)
      if (!found) throw new AppError('NOT_FOUND', clinicId ? `no WeChat Official Account is configured for clinic ${clinicId}` : 'the WeChat channel is not configured')
      return found
    }

    app.get('/webhooks/wechat', { config, schema: { ...schema, summary: 'WeChat URL verification' } }, (request, reply) => verify(undefined, request.query, reply))
    app.get<{ Params: { clinicId: string } }>('/webhooks/wechat/:clinicId', { config, schema: { ...schema, summary: 'WeChat URL verification (a clinic\'s own account)' } }, (request, reply) => verify(request.params.clinicId, request.query, reply))
    app.post('/webhooks/wechat', { config, schema: { ...schema, summary: 'WeChat messages and events' } }, (request, reply) => receive(undefined, request.query, request.body, reply))
    app.post<{ Params: { clinicId: string } }>('/webhooks/wechat/:clinicId', { config, schema: { ...schema, summary: 'WeChat messages and events (a clinic\'s own account)' } }, (request, reply) => receive(request.params.clinicId, request.query, request.body, reply))
  }
}

function success (reply: FastifyReply) {
  // "success" (never encrypted) tells WeChat the message was received and no passive reply follows.
  return reply.type('text/plain; charset=utf-8').send('success')
}
