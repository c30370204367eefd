import type { Database, Queryable } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { loadClinicCatalog, vocabularyName, type ClinicCatalog } from './clinic-catalog.ts'
import { createClinicDirectoryStore } from './clinic-directory-store.ts'
import { generateSlots } from './slot-generator.ts'
import { addLocalDays, localDateOf } from './zoned-time.ts'

export type SeedSampleSchedulesOptions = {
  db: Database
  clinicId: string
  now: Date
  /** How many local days, starting today, get slots. */
  days: number
  /** Defaults to corpus/clinic.json, else the built-in catalog. */
  catalog?: ClinicCatalog
}

export type SeedSampleSchedulesResult = { departments: number, doctors: number, schedulesCreated: number, slotsCreated: number }

const SESSIONS = [{ startTime: '09:00', endTime: '12:00' }, { startTime: '14:00', endTime: '17:00' }]
const WEEKDAYS = [1, 2, 3, 4, 5]
const SLOT_MINUTES = 30
// Emergency patients are sent to the emergency department now, never booked into a slot.
const NOT_BOOKABLE = new Set(['emergency'])

/**
 * Gives a clinic departments, doctors, weekday schedules (09:00–12:00 and 14:00–17:00 local,
 * 30-minute slots) and slots for the next `days` days. Safe to run at every start: existing
 * departments and doctors are left as staff edited them, schedules are added only to a clinic
 * that has none, and slots are never duplicated.
 */
export async function seedSampleSchedules (options: SeedSampleSchedulesOptions): Promise<SeedSampleSchedulesResult> {
  const { db, clinicId, now, days } = options
  const catalog = options.catalog ?? await loadClinicCatalog()
  const timeZone = await createClinicDirectoryStore(db).getTimeZone(clinicId)
  if (!timeZone) throw new AppError('NOT_FOUND', `No clinic ${clinicId}`)
  const schedulesCreated = await db.transaction(async (transaction) => {
    await insertMissingDirectoryEntries(transaction, clinicId, catalog)
    return createSchedulesIfNone(transaction, clinicId, catalog)
  })
  const today = localDateOf(now, timeZone)
  const { created } = days > 0
    ? await generateSlots({ db, clinicId, from: today, to: addLocalDays(today, days - 1) })
    : { created: 0 }
  return { departments: catalog.departments.length, doctors: catalog.doctors.length, schedulesCreated, slotsCreated: created }
}

async function insertMissingDirectoryEntries (db: Queryable, clinicId: string, catalog: ClinicCatalog): Promise<void> {
  const directory = createClinicDirectoryStore(db)
  const known = new Set((await directory.listDepartments(clinicId)).map((department) => department.code))
  const wanted = [...catalog.departments]
  for (const doctor of catalog.doctors) {
    if (!wanted.some((department) => department.code === doctor.department)) {
      wanted.push({ code: doctor.department, name: vocabularyName(doctor.department), available: true, fallbackCode: null })
    }
  }
  for (const department of wanted.filter((candidate) => !known.has(candidate.code))) {
    await directory.upsertDepartment({ clinicId, ...department })
  }
  const knownDoctors = new Set((await directory.listDoctors(clinicId)).map((doctor) => doctor.id))
  for (const doctor of catalog.doctors.filter((candidate) => !knownDoctors.has(candidate.id))) {
    await directory.upsertDoctor({ clinicId, ...doctor, active: true })
  }
}

async function createSchedulesIfNone (db: Queryable, clinicId: string, catalog: ClinicCatalog): Promise<number> {
  const existing = await db.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM schedules WHERE clinic_id = $1) AS found', [clinicId])
  if (existing.rows[0]?.found) return 0
  const rows = scheduleOwners(catalog).flatMap((owner) => WEEKDAYS.flatMap((weekday) => SESSIONS.map((session) => ({ ...owner, weekday, ...session }))))
  // One statement for all of them (the same upsert as scheduleStore.upsertSchedule, row by row).
  await db.query(`
    INSERT INTO schedules (clinic_id, department, doctor_id, weekday, start_time, end_time, slot_minutes)
    SELECT $1, department, doctor_id, weekday, start_time::time, end_time::time, $7
    FROM unnest($2::text[], $3::text[], $4::smallint[], $5::text[], $6::text[]) AS input (department, doctor_id, weekday, start_time, end_time)
    ON CONFLICT (clinic_id, department, doctor_id, weekday, start_time) DO UPDATE
      SET end_time = EXCLUDED.end_time, slot_minutes = EXCLUDED.slot_minutes`,
  [clinicId, rows.map((row) => row.department), rows.map((row) => row.doctorId), rows.map((row) => row.weekday),
    rows.map((row) => row.startTime), rows.map((row) => row.endTime), SLOT_MINUTES])
  return rows.length
}

// Each doctor gets a schedule; an available department without doctors gets a department-level one.
function scheduleOwners (catalog: ClinicCatalog): Array<{ department: string, doctorId: string | null }> {
  const staffed = new Set(catalog.doctors.map((doctor) => doctor.department))
  const unavailable = new Set(catalog.departments.filter((department) => !department.available).map((department) => department.code))
  const doctors = catalog.doctors
    .filter((doctor) => !NOT_BOOKABLE.has(doctor.department) && !unavailable.has(doctor.department))
    .map((doctor) => ({ department: doctor.department, doctorId: doctor.id }))
  const departments = catalog.departments
    .filter((department) => department.available && !staffed.has(department.code) && !NOT_BOOKABLE.has(department.code))
    .map((department) => ({ department: department.code, doctorId: null }))
  return [...doctors, ...departments]
}
