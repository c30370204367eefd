import { z } from 'zod'
import type { Database } from '../db/database.ts'

export const RETENTION_DEFAULTS = Object.freeze({ conversationDays: 90, countsDays: 730 })

/**
 * A clinic's retention: `settings.retention` in the clinics table. Conversations (messages,
 * appointments' personal fields, reminders, channel traces) are erased `conversationDays` after the
 * conversation's last activity; the anonymous counts left behind are deleted after `countsDays`.
 */
export const retentionSettingsSchema = z.object({
  conversationDays: z.number().int().min(1).max(3650).default(RETENTION_DEFAULTS.conversationDays),
  countsDays: z.number().int().min(1).max(36500).default(RETENTION_DEFAULTS.countsDays)
}).refine((settings) => settings.countsDays >= settings.conversationDays, {
  message: 'countsDays must be at least conversationDays (counts outlive the conversations they count)',
  path: ['countsDays']
})

export type RetentionSettings = z.infer<typeof retentionSettingsSchema>

/** The clinic's retention with defaults filled in; a malformed stored block falls back to the defaults. */
export function readRetentionSettings (stored: unknown): RetentionSettings {
  const parsed = retentionSettingsSchema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : { ...RETENTION_DEFAULTS }
}

export type RetentionSettingsStore = {
  /** null for an unknown clinic. */
  find: (clinicId: string) => Promise<RetentionSettings | null>
  /** Replaces the clinic's retention block; null for an unknown clinic. */
  save: (clinicId: string, settings: RetentionSettings) => Promise<RetentionSettings | null>
  /** Every clinic with its retention (the purge walks them all). */
  listAll: () => Promise<Array<{ clinicId: string, timezone: string, settings: RetentionSettings }>>
}

export function createRetentionSettingsStore (database: Database): RetentionSettingsStore {
  return {
    async find (clinicId) {
      const result = await database.query<{ retention: unknown }>("SELECT settings->'retention' AS retention FROM clinics WHERE id = $1", [clinicId])
      return result.rows[0] ? readRetentionSettings(result.rows[0].retention) : null
    },
    async save (clinicId, settings) {
      const result = await database.query<{ retention: unknown }>(
        "UPDATE clinics SET settings = jsonb_set(settings, '{retention}', $2::jsonb) WHERE id = $1 RETURNING settings->'retention' AS retention",
        [clinicId, JSON.stringify(settings)])
      return result.rows[0] ? readRetentionSettings(result.rows[0].retention) : null
    },
    async listAll () {
      const result = await database.query<{ id: string, timezone: string, retention: unknown }>("SELECT id, timezone, settings->'retention' AS retention FROM clinics ORDER BY id")
      return result.rows.map((row) => ({ clinicId: row.id, timezone: row.timezone, settings: readRetentionSettings(row.retention) }))
    }
  }
}
