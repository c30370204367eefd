import { z } from 'zod'

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be an ISO 8601 date (2026-05-01) or date-time with offset' })
  .transform((value) => new Date(value))

export const auditQuerySchema = z.object({
  from: instant.optional().describe('events at or after this instant (a date means 00:00 UTC)'),
  to: instant.optional().describe('events before this instant'),
  action: z.string().min(1).max(100).optional().describe('e.g. conversation.viewed, agent.login_failed, settings.changed'),
  actorKind: z.enum(['agent', 'admin', 'system', 'patient']).optional(),
  actorId: z.string().min(1).max(100).optional().describe('an agent id, an API key id (ctk_…), ADMIN_API_KEY'),
  subjectKind: z.string().min(1).max(50).optional().describe('conversation, agent, api_key, widget, phrase, …'),
  subjectId: z.string().min(1).max(100).optional(),
  before: z.string().regex(/^\d{1,18}$/, 'must be an event id (from nextBefore)').optional().describe('paging: events older than this event id'),
  limit: z.coerce.number().int().min(1).max(1000).optional().describe('default 100 (JSON) or 1000 (CSV)'),
  format: z.enum(['json', 'csv']).optional().describe('csv, or send Accept: text/csv')
}).strict()

export const auditEventSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actor: z.object({ kind: z.string(), id: z.string().nullable() }),
  action: z.string(),
  subject: z.object({ kind: z.string(), id: z.string().nullable() }).nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown())
}).describe('AuditEvent')

export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  /** Pass as ?before= for the next (older) page; null on the last page. */
  nextBefore: z.string().nullable()
})
