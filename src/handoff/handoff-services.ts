import type { ClinicDirectory, ClinicProfile } from '../clinics/clinic-directory.ts'
import type { Clock } from '../clock.ts'
import type { ConversationStore } from '../conversations/conversation-store.ts'
import type { Database } from '../db/database.ts'
import type { VettedCorpus } from '../flows/turn-services.ts'
import type { Logger } from '../logger.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import type { AuditTrail } from '../privacy/audit-trail.ts'
import { createAgentAccounts } from './agent-accounts.ts'
import { createAgentMessages, type DeliverAgentMessage } from './agent-messages.ts'
import type { ConversationEvents } from './conversation-events.ts'
import { createHandoffClaims } from './handoff-claims.ts'
import { createHandoffIntake } from './handoff-intake.ts'
import { createHandoffNotices } from './handoff-notices.ts'
import { createHandoffQueue } from './handoff-queue.ts'

export type HandoffServiceOptions = {
  database: Database
  store: ConversationStore
  cipher: MessageCipher
  audit: AuditTrail
  clinics: ClinicDirectory
  corpus: VettedCorpus
  emergencyContacts: (clinic: ClinicProfile, locale: string) => { emergencyNumber: string, crisisLines: string }
  clock: Clock
  logger: Logger
  events: ConversationEvents
  settings: { sessionHours: number, emergencyRealertMinutes: number }
  /** The seam for messaging channels: how an agent's reply reaches a WeChat/WhatsApp patient. */
  deliverAgentMessage?: DeliverAgentMessage | undefined
}

/** Everything the agent workspace needs, built once in the composition root. */
export function createHandoffServices (options: HandoffServiceOptions) {
  const now = () => options.clock.now()
  const { database, store, audit } = options
  const accounts = createAgentAccounts({ database, audit, now, sessionHours: options.settings.sessionHours })
  const notices = createHandoffNotices({ database, corpus: options.corpus, clinics: options.clinics, store, emergencyContacts: options.emergencyContacts })
  return {
    accounts,
    events: options.events,
    queue: createHandoffQueue({
      database,
      store,
      audit,
      cipher: options.cipher,
      variablesFor: async (conversation) => {
        const clinic = await options.clinics.find(conversation.clinicId)
        return clinic ? notices.variablesFor(clinic, conversation.locale === 'zh-CN' ? 'zh-CN' : 'en') : {}
      }
    }),
    claims: createHandoffClaims({ database, accounts, notices, cipher: options.cipher, audit, now }),
    messages: createAgentMessages({ database, store, cipher: options.cipher, now, deliverAgentMessage: options.deliverAgentMessage }),
    intake: createHandoffIntake({ database, cipher: options.cipher, events: options.events, notices, clinics: options.clinics, now, logger: options.logger, emergencyRealertMinutes: options.settings.emergencyRealertMinutes })
  }
}

export type HandoffServices = ReturnType<typeof createHandoffServices>
