import type { Database } from '../db/database.ts'

export type ClinicProfile = {
  id: string
  name: Record<string, string>
  country: string
  timezone: string
  defaultLocale: string
  settings: {
    phone?: string
    address?: Record<string, string>
    departmentFallback?: Record<string, string>
    emergencyNumber?: string
    crisisLines?: Record<string, Array<{ name: string, phone: string }>>
    /** The approved WhatsApp template sent outside the 24-hour window; its one body parameter is the reply text. */
    whatsappTemplate?: { name: string, language: string }
    /** This clinic's own WeChat Official Account (`/webhooks/wechat/:clinicId`); the WECHAT_* settings are the default clinic's. */
    wechat?: { token: string, appId: string, appSecret: string, encodingAesKey?: string, previousEncodingAesKey?: string }
  }
}

export type ClinicDirectory = {
  find: (clinicId: string) => Promise<ClinicProfile | null>
}

/** Clinic profiles change rarely; cached per instance for a minute. */
export function createClinicDirectory (database: Database, now: () => number = Date.now): ClinicDirectory {
  const cache = new Map<string, { profile: ClinicProfile | null, at: number }>()
  return {
    async find (clinicId) {
      const cached = cache.get(clinicId)
      if (cached && now() - cached.at < 60_000) return cached.profile
      const result = await database.query<{ id: string, name: Record<string, string>, country: string, timezone: string, default_locale: string, settings: ClinicProfile['settings'] }>(
        'SELECT id, name, country, timezone, default_locale, settings FROM clinics WHERE id = $1', [clinicId])
      const row = result.rows[0]
      const profile = row ? { id: row.id, name: row.name, country: row.country, timezone: row.timezone, defaultLocale: row.default_locale, settings: row.settings } : null
      cache.set(clinicId, { profile, at: now() })
      return profile
    }
  }
}
