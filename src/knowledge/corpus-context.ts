import type { Clock } from '../clock.ts'
import type { Database } from '../db/database.ts'
import type { Embedder } from './embedder.ts'
import type { AuditedBy } from '../privacy/audited-by.ts'

/** What the corpus modules use; built once in the composition root. */
export type CorpusContext = {
  db: Database
  embedder: Embedder
  vectorEnabled: boolean
  clock: Clock
  /** Who is changing the corpus in this request, for the audit trail (absent: the system, e.g. an import at start-up). */
  auditedBy?: AuditedBy | undefined
}
