import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import { AppError } from '../../errors.ts'

/**
 * Per-client limit kept in process memory. Behind several instances each instance limits on its
 * own; put the real limit at the load balancer as well (see README, "Deploy at scale").
 */
export async function registerRateLimit (app: FastifyInstance, perMinute: number): Promise<void> {
  await app.register(rateLimit, {
    max: perMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'FST_ERR_RATE_LIMIT',
      error: 'Too Many Requests',
      message: `Rate limit exceeded, retry in ${context.after}`
    })
  })
}

/**
 * A second limit, per conversation (its `:id`), for the patient's message route: a script with one
 * stolen or leaked conversation token, spread over many addresses, still runs at most this many
 * turns a minute. Keyed on the id, not the token, so wrong tokens for the conversation count too
 * (they are refused anyway). The plugin runs one limit per request, so this one is checked by hand
 * (`createRateLimit`, the same in-memory store). Register after registerRateLimit.
 */
export function perConversationRateLimit (app: FastifyInstance, perMinute: number): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const check = app.createRateLimit({
    max: perMinute,
    timeWindow: '1 minute',
    keyGenerator: (request) => `conversation:${(request.params as { id?: string }).id ?? ''}`
  })
  return async (request, reply) => {
    const limit = await check(request)
    if (limit.isAllowed || !limit.isExceeded) return
    reply.header('Retry-After', String(limit.ttlInSeconds))
    throw new AppError('RATE_LIMITED', `Too many messages in this conversation: please wait ${limit.ttlInSeconds} seconds and try again.`)
  }
}
