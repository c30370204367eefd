import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify'
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AppDependencies } from '../deps.ts'
import { registerErrorHandling, registerNotFoundHandling, toErrorResponse } from './error-handler.ts'
import { refuseNulCharacters } from './refuse-nul-characters.ts'
import { registerSecurityHeaders } from './plugins/helmet.ts'
import { registerCors } from './plugins/cors.ts'
import { perConversationRateLimit, registerRateLimit } from './plugins/rate-limit.ts'
import { registerOpenApi } from './plugins/openapi.ts'
import { healthRoutes } from './routes/health.ts'
import { conversationRoutes } from './routes/conversations.ts'
import { adminScheduleRoutes } from './routes/admin-schedules.ts'
import { corpusAdminRoutes } from './routes/corpus-admin.ts'
import { quickReplyRoutes } from './routes/quick-replies.ts'
import { reminderRoutes } from './routes/reminders.ts'
import { adminReminderRoutes } from './routes/admin-reminders.ts'
import { deliveryAdminRoutes } from '../delivery/delivery-routes.ts'
import { widgetRoutes } from './routes/widget.ts'
import { adminWidgetRoutes } from './routes/admin-widget.ts'
import { registerWidgetOriginCheck } from './plugins/widget-origin-check.ts'
import { DEMO_PAGE_FILE } from '../widget/widget-paths.ts'
import { conversationFeedRoutes } from './routes/conversation-feed.ts'
import { agentAuthRoutes } from './routes/agent-auth.ts'
import { agentAdminRoutes } from './routes/agent-admin.ts'
import { agentWorkspaceRoutes } from './routes/agent-workspace.ts'
import cookie from '@fastify/cookie'
import { consolePageRoutes } from './routes/console-page.ts'
import { CONSOLE_OUTPUT } from '../console-location.ts'
import { patientDataRoutes } from './routes/patient-data.ts'
import { adminRetentionRoutes } from './routes/admin-retention.ts'
import { enforceAccess, requireAccessDeclarations } from './access/access-control.ts'
import { createStaffIdentification } from './access/staff-principal.ts'
import { auditRoutes } from './routes/audit.ts'
import { runRoutesInClinicContext } from './access/clinic-context-hook.ts'

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

  // First: every route registered from here on must declare who may call it.
  requireAccessDeclarations(app)
  // Each route that works for one clinic runs under it: the database's row-level security walls it in.
  runRoutesInClinicContext(app, { database: dependencies.database, clinicOfConversation: dependencies.conversationStore.clinicOf })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.addHook('onSend', async (request, reply) => { reply.header('x-request-id', request.id) })
  registerErrorHandling(app)
  refuseNulCharacters(app)

  await registerSecurityHeaders(app)
  await registerCors(app, config.corsOrigins, dependencies.widget.settings.allowedByAnyClinic)
  registerWidgetOriginCheck(app, { globalOrigins: config.corsOrigins, allowedForClinic: dependencies.widget.settings.allowedForClinic, defaultClinicId: config.defaultClinicId, clinicOfConversation: dependencies.conversationStore.clinicOf })
  await registerRateLimit(app, config.rateLimitPerMinute)
  await app.register(cookie)
  // After the rate limit: a flood of guessed credentials is limited before any is looked up.
  enforceAccess(app, createStaffIdentification({ accounts: dependencies.handoff.accounts, keys: dependencies.adminApiKeys, operatorKey: config.adminApiKey }))
  registerNotFoundHandling(app)
  await registerOpenApi(app)

  await app.register(healthRoutes(dependencies.health))
  await app.register(conversationRoutes(dependencies.conversations, { perConversationLimit: perConversationRateLimit(app, config.conversationMessagesPerMinute) }))
  await app.register(conversationFeedRoutes({ conversations: dependencies.conversations, store: dependencies.conversationStore, events: dependencies.conversationEvents }))
  await app.register(adminScheduleRoutes({ admin: dependencies.scheduleAdmin }))
  await app.register(corpusAdminRoutes(dependencies.corpus), { prefix: '/admin/corpus' })
  for (const routes of dependencies.channels.routes) await app.register(routes)
  await app.register(reminderRoutes(dependencies.reminders))
  await app.register(adminReminderRoutes({ reminders: dependencies.reminders }))
  await app.register(deliveryAdminRoutes(dependencies.jobs))
  await app.register(quickReplyRoutes(dependencies.corpus), { prefix: '/v1/agent/quick-replies' })
  await app.register(agentAuthRoutes(dependencies.handoff.accounts, config.handoff.loginAttemptsPerMinute))
  await app.register(agentAdminRoutes({ accounts: dependencies.handoff.accounts, database: dependencies.database, audit: dependencies.audit }))
  await app.register(auditRoutes(dependencies.audit))
  await app.register(agentWorkspaceRoutes({ handoff: dependencies.handoff, database: dependencies.database, store: dependencies.conversationStore }))
  await app.register(consolePageRoutes(CONSOLE_OUTPUT))
  app.addHook('onReady', async () => { await dependencies.handoff.intake.start() })
  app.addHook('onClose', async () => { dependencies.handoff.intake.stop() })
  await app.register(widgetRoutes({ settings: dependencies.widget.settings, bundleDirectory: dependencies.widget.bundleDirectory, demoPageFile: DEMO_PAGE_FILE, defaultClinicId: config.defaultClinicId }))
  await app.register(adminWidgetRoutes({ settings: dependencies.widget.settings }))
  await app.register(patientDataRoutes({ patientData: dependencies.patientData }))
  await app.register(adminRetentionRoutes({ settings: dependencies.patientData.retentionSettings, audit: dependencies.audit }))
  return app
}
