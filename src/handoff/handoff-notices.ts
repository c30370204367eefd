import type { ClinicDirectory, ClinicProfile } from '../clinics/clinic-directory.ts'
import type { ConversationRecord, ConversationStore } from '../conversations/conversation-store.ts'
import type { Database, Queryable } from '../db/database.ts'
import { composeReply } from '../flows/compose-reply.ts'
import type { VettedCorpus } from '../flows/turn-services.ts'
import type { ReplyKind } from '../flows/turn-types.ts'

export type NoticeServices = {
  database: Database
  corpus: VettedCorpus
  clinics: ClinicDirectory
  store: ConversationStore
  emergencyContacts: (clinic: ClinicProfile, locale: string) => { emergencyNumber: string, crisisLines: string }
}

/**
 * What the service itself tells a patient during a handoff (connected, wait, ended...): always a
 * vetted phrase of the corpus in the conversation's language, stored as a bot message.
 */
export function createHandoffNotices (services: NoticeServices) {
  return {
    async variablesFor (clinic: ClinicProfile, locale: string): Promise<Record<string, string>> {
      const contacts = services.emergencyContacts(clinic, locale)
      return { clinicName: clinic.name[locale] ?? clinic.name.en ?? clinic.id, clinicPhone: clinic.settings.phone ?? '', emergencyNumber: contacts.emergencyNumber, crisisLines: contacts.crisisLines }
    },

    /**
     * Composes the phrase and appends it to the conversation; returns the new message's id. Outside
     * any open transaction: composing reads the corpus, and PGlite has a single connection.
     */
    async send (conversation: ConversationRecord, notice: Notice): Promise<string> {
      return this.append(services.database, conversation, await this.compose(conversation, notice), notice.now)
    },

    async compose (conversation: ConversationRecord, notice: Omit<Notice, 'now'>): Promise<ComposedNotice> {
      const clinic = await services.clinics.find(conversation.clinicId)
      if (!clinic) throw new Error(`clinic ${conversation.clinicId} does not exist`)
      const locale = conversation.locale === 'zh-CN' ? 'zh-CN' : 'en'
      const composed = await composeReply({
        corpus: services.corpus,
        clinic,
        locale,
        reply: { kind: notice.kind ?? 'handoff', key: notice.key, ...(notice.variables ? { variables: notice.variables } : {}) },
        commonVariables: await this.variablesFor(clinic, locale)
      })
      return { kind: composed.kind, text: composed.text, meta: { key: composed.key, sources: composed.sources ?? [] } }
    },

    append (queryable: Queryable, conversation: ConversationRecord, composed: ComposedNotice, now: Date): Promise<string> {
      return services.store.appendMessage(queryable, { clinicId: conversation.clinicId, conversationId: conversation.id, role: 'bot', kind: composed.kind, text: composed.text, meta: composed.meta, now })
    }
  }
}

export type HandoffNotices = ReturnType<typeof createHandoffNotices>

type Notice = { key: string, kind?: ReplyKind, variables?: Record<string, string>, now: Date }
export type ComposedNotice = { kind: string, text: string, meta: Record<string, unknown> }
