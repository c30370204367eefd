import type { Database } from '../db/database.ts'
import type { AuditTrail } from '../privacy/audit-trail.ts'
import type { AuditedBy } from '../privacy/audited-by.ts'
import type { ClinicProfile } from './clinic-directory.ts'
import { emergencyContactsFor } from './emergency-contacts.ts'
import { readWidgetSettings, toPublicWidgetSettings, type PublicWidgetSettings, type WidgetSettings } from './widget-settings.ts'

type ClinicRow = { id: string, name: Record<string, string>, country: string, timezone: string, default_locale: string, settings: ClinicProfile['settings'] & { widget?: unknown } }

export type WidgetSettingsStore = {
  /** The settings a widget loads: null for an unknown clinic. */
  publicSettings: (clinicId: string) => Promise<PublicWidgetSettings | null>
  /** The stored settings with defaults filled in: null for an unknown clinic. */
  find: (clinicId: string) => Promise<WidgetSettings | null>
  /** Replaces the clinic's widget settings, recording which fields changed; null for an unknown clinic. */
  save: (clinicId: string, settings: WidgetSettings, by: AuditedBy) => Promise<WidgetSettings | null>
  /** Whether any clinic lists this origin (answers CORS preflights, which name no clinic). */
  allowedByAnyClinic: (origin: string) => Promise<boolean>
  allowedForClinic: (clinicId: string, origin: string) => Promise<boolean>
}

// Preflights arrive before most API calls: the union of all clinics' origins is kept for a while.
const ORIGINS_CACHE_MS = 30_000

export function createWidgetSettingsStore (database: Database, audit: AuditTrail, now: () => number = Date.now): WidgetSettingsStore {
  let origins: { values: Set<string>, at: number } | undefined

  async function findRow (clinicId: string): Promise<ClinicRow | null> {
    const result = await database.query<ClinicRow>('SELECT id, name, country, timezone, default_locale, settings FROM clinics WHERE id = $1', [clinicId])
    return result.rows[0] ?? null
  }

  async function allOrigins (): Promise<Set<string>> {
    if (origins && now() - origins.at < ORIGINS_CACHE_MS) return origins.values
    const result = await database.query<{ origin: string }>(
      `SELECT DISTINCT jsonb_array_elements_text(settings->'widget'->'allowedOrigins') AS origin
       FROM clinics WHERE jsonb_typeof(settings->'widget'->'allowedOrigins') = 'array'`)
    origins = { values: new Set(result.rows.map((row) => row.origin.toLowerCase())), at: now() }
    return origins.values
  }

  return {
    async publicSettings (clinicId) {
      const row = await findRow(clinicId)
      if (!row) return null
      const profile: ClinicProfile = { id: row.id, name: row.name, country: row.country, timezone: row.timezone, defaultLocale: row.default_locale, settings: row.settings }
      const { emergencyNumber } = emergencyContactsFor(profile, row.default_locale)
      return toPublicWidgetSettings({ clinicId: row.id, name: row.name, defaultLocale: row.default_locale, emergencyNumber, widget: readWidgetSettings(row.settings.widget) })
    },

    async find (clinicId) {
      const row = await findRow(clinicId)
      return row ? readWidgetSettings(row.settings.widget) : null
    },

    async save (clinicId, settings, by) {
      const saved = await database.transaction(async (transaction) => {
        const before = await transaction.query<{ widget: unknown }>('SELECT settings->\'widget\' AS widget FROM clinics WHERE id = $1 FOR UPDATE', [clinicId])
        if (!before.rows[0]) return null
        const result = await transaction.query<{ widget: unknown }>(
          'UPDATE clinics SET settings = jsonb_set(settings, \'{widget}\', $2::jsonb) WHERE id = $1 RETURNING settings->\'widget\' AS widget',
          [clinicId, JSON.stringify({ ...settings, allowedOrigins: settings.allowedOrigins.map((origin) => origin.toLowerCase()) })])
        const previous = readWidgetSettings(before.rows[0].widget)
        const after = readWidgetSettings(result.rows[0]!.widget)
        const fields = Object.keys(after).filter((field) => JSON.stringify(previous[field as keyof WidgetSettings]) !== JSON.stringify(after[field as keyof WidgetSettings]))
        await audit.record({ clinicId, ...by, action: 'settings.changed', subject: { kind: 'widget' }, detail: { fields } }, transaction)
        return after
      })
      origins = undefined
      return saved
    },

    async allowedByAnyClinic (origin) {
      return (await allOrigins()).has(origin.toLowerCase())
    },

    async allowedForClinic (clinicId, origin) {
      const row = await findRow(clinicId)
      return row ? readWidgetSettings(row.settings.widget).allowedOrigins.some((allowed) => allowed.toLowerCase() === origin.toLowerCase()) : false
    }
  }
}
