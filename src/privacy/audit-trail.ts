import type { Queryable } from '../db/database.ts'

export type AuditActorKind = 'agent' | 'admin' | 'system' | 'patient'

export type AuditActor = {
  kind: AuditActorKind
  /** Agent id, admin key id, job name, or the conversation id whose token acted. */
  id?: string | undefined
}

/**
 * One thing that happened. `detail` is for ids, counts and field names, never patient text:
 * the trail is kept longer than conversations and is exported as CSV to people who may not
 * read the conversations themselves.
 */
export type AuditEntry = {
  clinicId: string | null
  actor: AuditActor
  action: string
  subject?: { kind: string, id?: string | undefined } | undefined
  ip?: string | undefined
  detail?: Record<string, unknown> | undefined
}

export type AuditEvent = {
  id: string
  clinicId: string | null
  occurredAt: Date
  actor: AuditActor
  action: string
  subject: { kind: string, id: string | null } | null
  ip: string | null
  detail: Record<string, unknown>
}

export type AuditFilter = {
  clinicId: string
  from?: Date | undefined
  to?: Date | undefined
  action?: string | undefined
  actorKind?: AuditActorKind | undefined
  actorId?: string | undefined
  subjectKind?: string | undefined
  subjectId?: string | undefined
  /** Events with an id below this one (paging backwards in time). */
  before?: string | undefined
  limit?: number | undefined
}

export type AuditTrail = {
  /**
   * Appends one event. Pass the transaction the audited change runs in, so the event and the
   * change commit together or not at all.
   */
  record: (entry: AuditEntry, executor?: Queryable) => Promise<void>
  /** One clinic's events, newest first. */
  list: (filter: AuditFilter) => Promise<AuditEvent[]>
}

type AuditRow = {
  id: string
  clinic_id: string | null
  occurred_at: Date
  actor_kind: AuditActorKind
  actor_id: string | null
  action: string
  subject_kind: string | null
  subject_id: string | null
  ip: string | null
  detail: Record<string, unknown>
}

const MAX_PAGE = 1000

export function createAuditTrail (database: Queryable, now: () => Date = () => new Date()): AuditTrail {
  return {
    async record (entry, executor = database) {
      await executor.query(
        `INSERT INTO audit_events (clinic_id, occurred_at, actor_kind, actor_id, action, subject_kind, subject_id, ip, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [entry.clinicId, now(), entry.actor.kind, entry.actor.id ?? null, entry.action, entry.subject?.kind ?? null, entry.subject?.id ?? null, entry.ip ?? null, JSON.stringify(entry.detail ?? {})]
      )
    },
    async list (filter) {
      const conditions = ['clinic_id = $1']
      const values: unknown[] = [filter.clinicId]
      const add = (sql: string, value: unknown) => {
        if (value === undefined) return
        values.push(value)
        conditions.push(sql.replace('?', `$${values.length}`))
      }
      add('occurred_at >= ?', filter.from)
      add('occurred_at < ?', filter.to)
      add('action = ?', filter.action)
      add('actor_kind = ?', filter.actorKind)
      add('actor_id = ?', filter.actorId)
      add('subject_kind = ?', filter.subjectKind)
      add('subject_id = ?', filter.subjectId)
      add('id < ?::bigint', filter.before)
      values.push(Math.min(Math.max(filter.limit ?? 100, 1), MAX_PAGE))
      const { rows } = await database.query<AuditRow>(
        `SELECT id::text AS id, clinic_id, occurred_at, actor_kind, actor_id, action, subject_kind, subject_id, ip, detail
         FROM audit_events WHERE ${conditions.join(' AND ')} ORDER BY id DESC LIMIT $${values.length}`,
        values
      )
      return rows.map((row) => ({
        id: row.id,
        clinicId: row.clinic_id,
        occurredAt: row.occurred_at,
        actor: { kind: row.actor_kind, ...(row.actor_id === null ? {} : { id: row.actor_id }) },
        action: row.action,
        subject: row.subject_kind === null ? null : { kind: row.subject_kind, id: row.subject_id },
        ip: row.ip,
        detail: row.detail
      }))
    }
  }
}
