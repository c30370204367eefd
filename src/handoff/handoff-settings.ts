import type { Database } from '../db/database.ts'
import { AppError } from '../errors.ts'
import type { AuditTrail } from '../privacy/audit-trail.ts'
import type { AuditedBy } from '../privacy/audited-by.ts'

/** Staffed hours per weekday (local time) and the default minutes per waiting conversation. */
export type HandoffSettings = { staffedHours?: Partial<Record<string, Array<{ open: string, close: string }>>> | undefined, minutesPerConversation?: number | undefined }

/** Replaces the clinic's handoff settings and records the change in the same transaction. */
export async function saveHandoffSettings ({ database, audit }: { database: Database, audit: AuditTrail }, clinicId: string, settings: HandoffSettings, by: AuditedBy): Promise<void> {
  await database.transaction(async (transaction) => {
    const result = await transaction.query('UPDATE clinics SET settings = settings || jsonb_build_object(\'handoff\', $2::jsonb) WHERE id = $1', [clinicId, JSON.stringify(settings)])
    if (result.rowCount === 0) throw new AppError('NOT_FOUND', `clinic ${clinicId} does not exist`)
    await audit.record({ clinicId, ...by, action: 'settings.changed', subject: { kind: 'handoff' }, detail: { fields: Object.keys(settings) } }, transaction)
  })
}
