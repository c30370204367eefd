import type { Database } from '../db/database.ts'
import type { ConversationRecord } from '../conversations/conversation-store.ts'
import type { AuditActor, AuditTrail } from './audit-trail.ts'
import { erasePatientData, type ErasureCounts, type ErasureScope } from './erase-patient-data.ts'
import type { PatientDataExport, PatientDataExporter } from './export-patient-data.ts'
import type { MessageCipher } from './message-cipher.ts'

export type PatientDataRightsDependencies = {
  database: Database
  cipher: MessageCipher
  audit: AuditTrail
  exporter: PatientDataExporter
  /** The conversation API's token check: 401 without a valid token, 404 for an unknown (or erased) conversation. */
  authorise: (conversationId: string, token: string | null) => Promise<ConversationRecord>
  now: () => Date
}

/** Who asked, from where: the audit trail's actor and address. */
export type RightsRequester = { actor: AuditActor, ip?: string | undefined, via: 'patient' | 'agent' | 'retention' }

/**
 * Export and erasure of patient data, always audited: the shared core of the patient's own
 * requests (conversation token), an agent's verified requests and the retention purge.
 */
export function createPatientDataRights (dependencies: PatientDataRightsDependencies) {
  const { database, cipher, audit, exporter, now } = dependencies

  async function exportScope (scope: Omit<ErasureScope, 'now'>, requester: RightsRequester): Promise<PatientDataExport> {
    const document = await exporter.export(scope)
    await audit.record({
      clinicId: scope.clinicId,
      actor: requester.actor,
      action: 'patient_data.exported',
      subject: subjectOf(scope),
      ip: requester.ip,
      detail: {
        via: requester.via,
        conversationIds: document.conversations.map((conversation) => conversation.id),
        messages: document.conversations.reduce((sum, conversation) => sum + conversation.messages.length, 0),
        appointments: document.appointments.length
      }
    })
    return document
  }

  /** One transaction: the data goes and the audit event is written, or neither. */
  async function eraseScope (scope: Omit<ErasureScope, 'now'>, requester: RightsRequester): Promise<ErasureCounts> {
    return database.transaction(async (transaction) => {
      const counts = await erasePatientData(transaction, cipher, { ...scope, now: now() })
      await audit.record({
        clinicId: scope.clinicId,
        actor: requester.actor,
        action: 'patient_data.erased',
        subject: subjectOf(scope),
        ip: requester.ip,
        detail: { via: requester.via, conversationIds: scope.conversationIds, appointmentIds: scope.appointmentIds ?? [], ...counts }
      }, transaction)
      return counts
    })
  }

  return {
    exportScope,
    eraseScope,

    /** GET /v1/conversations/:id/export: the patient's copy of this conversation's data. */
    async exportForPatient (input: { conversationId: string, token: string | null, ip?: string | undefined }): Promise<PatientDataExport> {
      const conversation = await dependencies.authorise(input.conversationId, input.token)
      return exportScope({ clinicId: conversation.clinicId, conversationIds: [conversation.id] }, patient(conversation.id, input.ip))
    },

    /** DELETE /v1/conversations/:id: erases this conversation everywhere; the token stops working. */
    async eraseForPatient (input: { conversationId: string, token: string | null, ip?: string | undefined }): Promise<ErasureCounts> {
      const conversation = await dependencies.authorise(input.conversationId, input.token)
      return eraseScope({ clinicId: conversation.clinicId, conversationIds: [conversation.id] }, patient(conversation.id, input.ip))
    }
  }
}

export type PatientDataRights = ReturnType<typeof createPatientDataRights>

/** The first conversation, or the booking when a verified caller has no conversation left. */
function subjectOf (scope: Omit<ErasureScope, 'now'>): { kind: string, id: string | undefined } {
  return scope.conversationIds.length > 0 || !scope.appointmentIds?.length
    ? { kind: 'conversation', id: scope.conversationIds[0] }
    : { kind: 'appointment', id: scope.appointmentIds[0] }
}

function patient (conversationId: string, ip: string | undefined): RightsRequester {
  return { actor: { kind: 'patient', id: conversationId }, ip, via: 'patient' }
}
