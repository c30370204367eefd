import type { Clock } from '../../src/clock.ts'
import type { Database } from '../../src/db/database.ts'
import { createClinicDirectoryStore } from '../../src/appointments/clinic-directory-store.ts'
import { createScheduleStore } from '../../src/appointments/schedule-store.ts'
import { generateSlots } from '../../src/appointments/slot-generator.ts'

export function fixedClock (iso: string): Clock & { set: (iso: string) => void } {
  let now = new Date(iso)
  return { now: () => now, set: (next) => { now = new Date(next) } }
}

/** A clinic in `timeZone` with one department and optionally one doctor, and no schedules. */
export async function createClinic (db: Database, options: { clinicId: string, timeZone: string, department?: string, doctorId?: string }): Promise<void> {
  await db.query('INSERT INTO clinics (id, name, timezone) VALUES ($1, $2::jsonb, $3)',
    [options.clinicId, JSON.stringify({ 'zh-CN': '测试诊所', en: 'Test clinic' }), options.timeZone])
  const directory = createClinicDirectoryStore(db)
  const department = options.department ?? 'general_medicine'
  await directory.upsertDepartment({ clinicId: options.clinicId, code: department, name: { 'zh-CN': '全科', en: 'General practice' }, available: true, fallbackCode: null })
  if (options.doctorId) {
    await directory.upsertDoctor({ clinicId: options.clinicId, id: options.doctorId, department, name: { 'zh-CN': '王医生', en: 'Dr. Wang' }, active: true })
  }
}

/**
 * A Shanghai clinic whose general-practice doctor works Mondays to Fridays 09:00–12:00, with slots
 * generated for the first week of December 2026 (Tue 1 … Mon 7).
 */
export async function createBookableClinic (db: Database, clinicId: string): Promise<void> {
  await createClinic(db, { clinicId, timeZone: 'Asia/Shanghai', doctorId: 'dr-wang' })
  const schedules = createScheduleStore(db)
  for (const weekday of [1, 2, 3, 4, 5]) {
    await schedules.upsertSchedule({ clinicId, department: 'general_medicine', doctorId: 'dr-wang', weekday, startTime: '09:00', endTime: '12:00', slotMinutes: 30 })
  }
  await generateSlots({ db, clinicId, from: '2026-12-01', to: '2026-12-07' })
}

/** The id of the slot starting at a local ISO time such as `2026-12-03T09:30:00+08:00`. */
export async function slotAt (db: Database, clinicId: string, localIso: string): Promise<string> {
  const result = await db.query<{ id: string }>('SELECT id FROM slots WHERE clinic_id = $1 AND start_at = $2::timestamptz', [clinicId, localIso])
  const id = result.rows[0]?.id
  if (!id) throw new Error(`no slot at ${localIso}`)
  return id
}
