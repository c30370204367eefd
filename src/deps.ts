import { readFileSync } from 'node:fs'
import type { Config } from './config.ts'
import { createLogger, type Logger } from './logger.ts'
import type { Database } from './db/database.ts'
import { systemClock, type Clock } from './clock.ts'
import { createHealthReporter, type HealthReporter } from './health/health-report.ts'
import type { MessageCipher } from './privacy/message-cipher.ts'
import { createConfiguredCipher } from './privacy/configured-cipher.ts'
import { createKeyRotationJob, type KeyRotationJob } from './privacy/rotation-job.ts'
import { createAuditTrail, type AuditTrail } from './privacy/audit-trail.ts'
import { createAdminApiKeys, type AdminApiKeys } from './privacy/admin-api-keys.ts'
import { createConversationStore } from './conversations/conversation-store.ts'
import { createConversationService, type ConversationService } from './conversations/conversation-service.ts'
import { createClinicDirectory } from './clinics/clinic-directory.ts'
import { createEmbedder, type Embedder } from './knowledge/embedder.ts'
import { createRetriever, type Retriever } from './knowledge/retrieval.ts'
import { createBookingService } from './appointments/booking-service.ts'
import { createDialogueAppointmentBook } from './appointments/dialogue-appointment-book.ts'
import { createClinicDirectoryStore } from './appointments/clinic-directory-store.ts'
import { createScheduleAdmin, type ScheduleAdmin } from './appointments/schedule-admin.ts'
import { createFlowRegistry } from './flows/flow-registry.ts'
import type { Understander } from './flows/flow-context.ts'
import { understandByRules } from './flows/understanding/rule-understanding.ts'
import { createUnderstander } from './flows/understanding/understand.ts'
import { createLlmUnderstander } from './flows/understanding/llm-understanding.ts'
import { createMachineTranslator, type MachineTranslator } from './flows/translation/machine-translator.ts'
import { createOpenAiChatModel } from './knowledge/openai-models.ts'
import { createSafetyGuards } from './flows/safety-guards.ts'
import { createFindingExtractor } from './clinical-findings/extract-findings.ts'
import { emergencyContactsFor } from './clinics/emergency-contacts.ts'
import { createVettedCorpus } from './knowledge/vetted-corpus.ts'
import { createPhraseStore } from './knowledge/phrase-store.ts'
import type { CorpusContext } from './knowledge/corpus-context.ts'
import { createReminderService, type ReminderService } from './reminders/reminder-service.ts'
import { createReminderWorker, type ReminderWorker } from './reminders/reminder-worker.ts'
import { createJobQueue, type JobQueue } from './delivery/job-queue.ts'
import { createChannels, type Channels } from './channels/create-channels.ts'
import { createWidgetSettingsStore, type WidgetSettingsStore } from './clinics/widget-settings-store.ts'
import { WIDGET_BUNDLE_DIRECTORY } from './widget/widget-paths.ts'
import { createConversationEvents, type ConversationEvents } from './handoff/conversation-events.ts'
import type { ConversationStore } from './conversations/conversation-store.ts'
import { createHandoffServices, type HandoffServices } from './handoff/handoff-services.ts'
import type { DeliverAgentMessage } from './handoff/agent-messages.ts'
import { createPatientDataServices, type PatientDataServices } from './privacy/patient-data-services.ts'

export type AppDependencies = {
  config: Config
  /** The one logger of the process: the HTTP app's and the domain modules'. */
  logger: Logger
  database: Database
  clock: Clock
  health: HealthReporter
  vectorEnabled: boolean
  cipher: MessageCipher
  /** Append-only record of who read, exported, erased or changed what. */
  audit: AuditTrail
  /** Hashed, clinic- and role-scoped admin API keys (`npm run keys`); ADMIN_API_KEY is checked beside them. */
  adminApiKeys: AdminApiKeys
  /** Key rotation on the job queue: main.ts schedules it at start when rows are under an older key. */
  keyRotation: KeyRotationJob
  embedder: Embedder
  retriever: Retriever
  /** The vetted corpus for admin and quick-reply routes (db, embedder, vectorEnabled, clock). */
  corpus: CorpusContext
  conversations: ConversationService
  scheduleAdmin: ScheduleAdmin
  /** The durable job queue: register handlers here; main.ts starts it after listen and stops it on shutdown. */
  jobs: JobQueue
  /** WhatsApp and WeChat: webhook routes, and `channels.pipeline.sendToConversation` for agent replies and reminders. */
  channels: Channels
  /** Medication reminders and check-ins: the conversation API side. */
  reminders: ReminderService
  /** Sends due reminders; main.ts starts it, tests call tick() with their own clock. */
  reminderWorker: ReminderWorker
  /** The embeddable chat widget: where its bundle is, and each clinic's widget settings. */
  widget: { settings: WidgetSettingsStore, bundleDirectory: string }
  /** Handoff: the conversation store for the patient feed, and the LISTEN/NOTIFY fan-out. */
  conversationStore: ConversationStore
  conversationEvents: ConversationEvents
  /** Agents, the queue, claims, agent replies and the intake that tells patients the wait. */
  handoff: HandoffServices
  /** Patients' export and erasure (their own token, or verified by an agent), retention settings and the scheduled purge. */
  patientData: PatientDataServices
}

type CreateDependenciesOptions = {
  config: Config
  database: Database
  clock?: Clock
  /** Default: a pino logger at LOG_LEVEL that redacts credentials. */
  logger?: Logger
  /** How agent replies reach WeChat/WhatsApp patients (the outbound queue); web patients poll or stream. */
  deliverAgentMessage?: DeliverAgentMessage
}

const packageVersion: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version

/** The composition root: everything the app and the domain modules use is built here, once. */
export async function createDependencies ({ config, database, clock = systemClock, logger = createLogger(config), deliverAgentMessage }: CreateDependenciesOptions): Promise<AppDependencies> {
  const vectorEnabled = await database.hasVector()
  const cipher = createConfiguredCipher(config)
  const audit = createAuditTrail(database, () => clock.now())
  const embedder = createEmbedder({ apiKey: config.openai.apiKey, baseUrl: config.openai.baseUrl, embeddingModel: config.openai.embeddingModel, timeoutMs: config.openai.timeoutMs })
  const retriever = createRetriever({ db: database, embedder, vectorEnabled, now: () => clock.now() })
  const clinics = createClinicDirectory(database)
  const findings = createFindingExtractor()
  const conversationStore = createConversationStore(database, cipher)
  const jobs = createJobQueue({ database, clock, logger, ...config.delivery })
  const reminders = createReminderService({ database, cipher, conversations: conversationStore, clinics, jobs, now: () => clock.now() })
  const turnServices = {
    database,
    clock,
    conversations: conversationStore,
    reminders: reminders.services,
    clinics,
    corpus: createVettedCorpus({ retriever, phrases: createPhraseStore(database), now: () => clock.now() }),
    guards: createSafetyGuards({ findings }),
    findings,
    idleMinutes: config.conversationIdleMinutes,
    appointments: createDialogueAppointmentBook(createBookingService({ db: database, clock, cipher }), createClinicDirectoryStore(database)),
    emergencyContacts: emergencyContactsFor,
    // Under test a phrase with an empty required variable fails the turn; in service it is reported.
    strictPhrases: config.environment === 'test'
  }
  const models = await createConfiguredModels(config, logger)
  const conversationEvents = createConversationEvents(database)
  // Agent replies to WhatsApp and WeChat patients go out through the channels' outbound queue
  // (built below, after the conversation service it feeds); a test may pass its own delivery.
  const replyChannels: { current?: Channels } = {}
  const deliverToChannel: DeliverAgentMessage = deliverAgentMessage ?? (async ({ conversation, message }) => {
    await replyChannels.current?.pipeline.sendToConversation(conversation, { id: message.id, text: message.text })
  })
  const handoff = createHandoffServices({
    ...turnServices, store: turnServices.conversations, cipher, audit, logger, events: conversationEvents, settings: config.handoff, deliverAgentMessage: deliverToChannel
  })
  const conversations = createConversationService({
    ...turnServices,
    translator: models.translator,
    logger,
    flows: createFlowRegistry({ config, understand: models.understand }),
    defaultClinicId: config.defaultClinicId,
    onHandoffRequested: (conversationId) => handoff.intake.intake(conversationId).catch((error: unknown) => logger.warn({ err: error }, 'handoff intake failed'))
  })
  const channels = createChannels({ config, database, jobs, conversations, clinics, cipher, clock, logger })
  replyChannels.current = channels
  const health = createHealthReporter({
    database,
    vectorEnabled,
    models: { understanding: config.openai.apiKey ? `rules+${config.openai.chatModel}` : 'rules', embeddings: embedder.model },
    channels: channels.enabled,
    delivery: () => jobs.counts(),
    version: packageVersion,
    startedAt: clock.now(),
    now: () => clock.now()
  })
  const scheduleAdmin = createScheduleAdmin({ db: database, cipher, audit })
  const corpus: CorpusContext = { db: database, embedder, vectorEnabled, clock }
  const reminderWorker = createReminderWorker({ database, cipher, clock, clinics, corpus: turnServices.corpus, conversations: conversationStore, emergencyContacts: emergencyContactsFor, guards: turnServices.guards, jobs, logger })
  // WhatsApp and WeChat reminders go out through the channels' send jobs.
  reminderWorker.connectChannels(channels.pipeline)
  const widget = { settings: createWidgetSettingsStore(database, audit), bundleDirectory: WIDGET_BUNDLE_DIRECTORY }
  const adminApiKeys = createAdminApiKeys({ database, audit, now: () => clock.now() })
  const patientData = createPatientDataServices({ database, cipher, clock, audit, jobs, logger, conversationStore, authorise: conversations.authorise })
  const keyRotation = createKeyRotationJob({ jobs, database, cipher, audit, logger, now: () => clock.now() })
  return { config, logger, database, clock, health, vectorEnabled, cipher, audit, adminApiKeys, keyRotation, embedder, retriever, conversations, scheduleAdmin, corpus, jobs, channels, reminders, reminderWorker, conversationStore: turnServices.conversations, conversationEvents, handoff, widget, patientData }
}

/**
 * Rules alone, or with an OpenAI key also a chat model (structured output) for understanding and
 * for machine translation of languages the corpus does not cover.
 */
async function createConfiguredModels (config: Config, logger: Logger): Promise<{ understand: Understander, translator: MachineTranslator | undefined }> {
  const { apiKey, baseUrl, chatModel: model, timeoutMs } = config.openai
  const warn = { warn: (details: Record<string, unknown>, message: string) => logger.warn(details, message) }
  if (!apiKey) return { understand: createUnderstander({ rules: understandByRules, llm: undefined, timeoutMs, logger: warn }), translator: undefined }
  const chatModel = await createOpenAiChatModel({ apiKey, baseUrl, model, timeoutMs })
  return {
    understand: createUnderstander({ rules: understandByRules, llm: createLlmUnderstander({ chatModel, timeoutMs }), timeoutMs, logger: warn }),
    translator: createMachineTranslator({ chatModel, timeoutMs })
  }
}
