import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Database } from '../db/database.ts'

export const SAMPLE_CLINIC_FILE = fileURLToPath(new URL('../../corpus/clinic.json', import.meta.url))

type SampleClinic = {
  id: string
  name: Record<string, string>
  country: string
  timezone: string
  defaultLocale?: string
  phone?: string
  address?: Record<string, string>
  departmentFallback?: Record<string, string>
  emergencyNumber?: string
  crisisLines?: Record<string, Array<{ name: string, phone: string }>>
  /** Reminder and check-in settings (src/reminders/reminder-settings.ts). */
  reminders?: Record<string, unknown>
}

/**
 * Gives the default clinic its sample profile (name, country, time zone, phone, crisis lines)
 * the first time; a clinic whose settings staff already filled in is left alone.
 */
export async function applySampleClinic (database: Database, path = SAMPLE_CLINIC_FILE): Promise<boolean> {
  const clinic = JSON.parse(await readFile(path, 'utf8')) as SampleClinic
  const settings = {
    phone: clinic.phone,
    address: clinic.address,
    departmentFallback: clinic.departmentFallback,
    emergencyNumber: clinic.emergencyNumber,
    crisisLines: clinic.crisisLines,
    reminders: clinic.reminders,
    sample: true
  }
  const result = await database.query(
    `UPDATE clinics SET name = $2, country = $3, timezone = $4, default_locale = $5, settings = $6
     WHERE id = $1 AND settings = '{}'::jsonb`,
    [clinic.id, JSON.stringify(clinic.name), clinic.country, clinic.timezone, clinic.defaultLocale ?? 'zh-CN', JSON.stringify(settings)])
  return result.rowCount === 1
}
