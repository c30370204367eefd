import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AppDependencies } from '../deps.ts'
import { registerErrorHandling, registerNotFoundHandling, toErrorResponse } from './error-handler.ts'
import { refuseNulCharacters } from './refuse-nul-characters.ts'
import { registerSecurityHeaders } from './plugins/helmet.ts'
import { registerCors } from './plugins/cors.ts'
import { registerRateLimit } from './plugins/rate-limit.ts'
import { registerOpenApi } from './plugins/openapi.ts'
import { healthRoutes } from './routes/health.ts'
import { conversationRoutes } from './routes/conversations.ts'
import { adminScheduleRoutes } from './routes/admin-schedules.ts'
import { corpusAdminRoutes } from './routes/corpus-admin.ts'
import { quickReplyRoutes } from './routes/quick-replies.ts'
import { reminderRoutes } from './routes/reminders.ts'
import { adminReminderRoutes } from './routes/admin-reminders.ts'
import { deliveryAdminRoutes } from '../delivery/delivery-routes.ts'

export type BuildAppOptions = {
  /** pino options, or false to log nothing (tests). */
  logger?: boolean | Record<string, unknown>
}

/** Builds the HTTP app with every plugin and route registered; never listens. */
export async function buildApp (dependencies: AppDependencies, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config } = dependencies
  const app = Fastify({
    ...(options.logger === undefined ? { loggerInstance: dependencies.logger as FastifyBaseLogger } : { logger: options.logger }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Errors the router raises before any handler (a malformed percent-encoded URL) get our shape too.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const { statusCode, body } = toErrorResponse(error)
      return reply.status(statusCode).send(body)
    }
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.addHook('onSend', async (request, reply) => { reply.header('x-request-id', request.id) })
  registerErrorHandling(app)
  refuseNulCharacters(app)

  await registerSecurityHeaders(app)
  await registerCors(app, config.corsOrigins)
  await registerRateLimit(app, config.rateLimitPerMinute)
  registerNotFoundHandling(app)
  await registerOpenApi(app)

  await app.register(healthRoutes(dependencies.health))
  await app.register(conversationRoutes(dependencies.conversations))
  await app.register(adminScheduleRoutes({ admin: dependencies.scheduleAdmin, adminApiKey: config.adminApiKey }))
  await app.register(corpusAdminRoutes(dependencies.corpus, config.adminApiKey), { prefix: '/admin/corpus' })
  await app.register(quickReplyRoutes(dependencies.corpus, config.adminApiKey), { prefix: '/v1/agent/quick-replies' })
  for (const routes of dependencies.channels.routes) await app.register(routes)
  await app.register(reminderRoutes(dependencies.reminders))
  await app.register(adminReminderRoutes({ reminders: dependencies.reminders, adminApiKey: config.adminApiKey }))
  await app.register(deliveryAdminRoutes(dependencies.jobs, config.adminApiKey))
  return app
}
