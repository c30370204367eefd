import { stringify } from 'csv-stringify/sync'
import type { AuditEvent } from './audit-trail.ts'

const COLUMNS = ['id', 'occurredAt', 'clinicId', 'actorKind', 'actorId', 'action', 'subjectKind', 'subjectId', 'ip', 'detail']

/**
 * The audit trail as CSV for a spreadsheet. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) get a leading apostrophe: ids, actions and
 * detail values can carry text that people typed.
 */
export function auditEventsToCsv (events: AuditEvent[]): string {
  const rows = events.map((event) => [
    event.id,
    event.occurredAt.toISOString(),
    event.clinicId ?? '',
    event.actor.kind,
    event.actor.id ?? '',
    event.action,
    event.subject?.kind ?? '',
    event.subject?.id ?? '',
    event.ip ?? '',
    JSON.stringify(event.detail)
  ])
  // The byte-order mark makes Excel read the file as UTF-8 (names in Chinese stay readable).
  return '\uFEFF' + stringify(rows, { header: true, columns: COLUMNS, escape_formulas: true, record_delimiter: 'windows' })
}
