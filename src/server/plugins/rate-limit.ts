import type { FastifyInstance } from 'fastify'
import rateLimit from '@fastify/rate-limit'

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
