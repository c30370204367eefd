import type { Clock } from '../clock.ts'
import type { Database } from '../db/database.ts'
import type { JobQueue } from '../delivery/job-queue.ts'
import type { Logger } from '../logger.ts'
import type { ConversationStore } from '../conversations/conversation-store.ts'
import type { AuditTrail } from './audit-trail.ts'
import type { MessageCipher } from './message-cipher.ts'
import { createPatientDataExporter } from './export-patient-data.ts'
import { createPatientDataRights, type PatientDataRights, type PatientDataRightsDependencies } from './patient-data-rights.ts'
import { createAgentVerifiedPatientData, type AgentVerifiedPatientData } from './agent-verified-patient-data.ts'
import { createRetentionSettingsStore, type RetentionSettingsStore } from './retention-settings.ts'
import { createRetentionPurge, type RetentionPurge } from './retention-purge.ts'

export type PatientDataServices = {
  /** Export and erasure with the conversation token (and the shared, audited core). */
  rights: PatientDataRights
  /** The same for a caller an agent has verified by phone and booking reference. */
  agentVerified: AgentVerifiedPatientData
  retentionSettings: RetentionSettingsStore
  /** The hourly purge on the job queue; main.ts starts it after the queue. */
  retentionPurge: RetentionPurge
}

type PatientDataServicesDependencies = {
  database: Database
  cipher: MessageCipher
  clock: Clock
  audit: AuditTrail
  jobs: JobQueue
  logger?: Pick<Logger, 'info' | 'warn'> | undefined
  conversationStore: ConversationStore
  authorise: PatientDataRightsDependencies['authorise']
}

/** Builds the patient data rights and retention parts (called once, by the composition root). */
export function createPatientDataServices (dependencies: PatientDataServicesDependencies): PatientDataServices {
  const { database, cipher, clock, audit } = dependencies
  const now = () => clock.now()
  const exporter = createPatientDataExporter({ database, cipher, conversations: dependencies.conversationStore, now })
  const rights = createPatientDataRights({ database, cipher, audit, exporter, authorise: dependencies.authorise, now })
  const retentionSettings = createRetentionSettingsStore(database)
  return {
    rights,
    agentVerified: createAgentVerifiedPatientData({ database, cipher, audit, rights, now }),
    retentionSettings,
    retentionPurge: createRetentionPurge({ database, cipher, clock, jobs: dependencies.jobs, audit, settings: retentionSettings, logger: dependencies.logger })
  }
}
