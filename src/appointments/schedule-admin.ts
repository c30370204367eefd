import type { Database, Queryable } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { isDepartmentCode } from '../flows/triage-vocabulary.ts'
import type { Appointment, Department, Doctor, LocalizedName, Slot, WeeklySchedule } from './appointment-types.ts'
import { createAppointmentStore } from './appointment-store.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import type { AuditTrail } from '../privacy/audit-trail.ts'
import type { AuditedBy } from '../privacy/audited-by.ts'
import { vocabularyName } from './clinic-catalog.ts'
import { createClinicDirectoryStore } from './clinic-directory-store.ts'
import { createScheduleStore } from './schedule-store.ts'
import { generateSlots, type GenerateSlotsResult } from './slot-generator.ts'
import { resolveWindowBound, type WindowBound } from './slot-window.ts'
import { parseLocalTime } from './zoned-time.ts'

export type DepartmentInput = { code: string, name?: LocalizedName | undefined, available: boolean, fallbackCode?: string | null | undefined }
export type DoctorInput = { id: string, department: string, name: LocalizedName, active: boolean }
export type ScheduleInput = Omit<WeeklySchedule, 'id' | 'clinicId' | 'doctorId'> & { doctorId?: string | null | undefined }
export type AdminWindow = { from: WindowBound, to: WindowBound }

const LIST_LIMIT = 2000

/** What clinic staff manage through the admin API: departments, doctors, schedules, slots. Changes are audited in their transaction. */
export function createScheduleAdmin ({ db, cipher, audit }: { db: Database, cipher: MessageCipher, audit: AuditTrail }) {
  const recordChange = (transaction: Queryable, clinicId: string, by: AuditedBy, subject: { kind: string, id?: string }, detail: Record<string, unknown>) =>
    audit.record({ clinicId, ...by, action: 'settings.changed', subject, detail }, transaction)

  async function timeZoneOf (clinicId: string): Promise<string> {
    const timeZone = await createClinicDirectoryStore(db).getTimeZone(clinicId)
    if (!timeZone) throw new AppError('NOT_FOUND', `No clinic ${clinicId}`)
    return timeZone
  }

  return {
    async listDepartments (clinicId: string): Promise<Department[]> {
      await timeZoneOf(clinicId)
      return createClinicDirectoryStore(db).listDepartments(clinicId)
    },

    /** Creates or updates each listed department; departments not listed are left as they are. */
    async putDepartments (clinicId: string, departments: DepartmentInput[], by: AuditedBy): Promise<Department[]> {
      await timeZoneOf(clinicId)
      departments.forEach(checkDepartment)
      await db.transaction(async (transaction) => {
        const directory = createClinicDirectoryStore(transaction)
        for (const department of departments) {
          await directory.upsertDepartment({
            clinicId,
            code: department.code,
            name: department.name ?? vocabularyName(department.code),
            available: department.available,
            fallbackCode: department.fallbackCode ?? null
          })
        }
        await recordChange(transaction, clinicId, by, { kind: 'departments' }, { codes: departments.map((department) => department.code) })
      })
      return createClinicDirectoryStore(db).listDepartments(clinicId)
    },

    async putDoctor (clinicId: string, doctor: DoctorInput, by: AuditedBy): Promise<Doctor> {
      await timeZoneOf(clinicId)
      await requireDepartment(db, clinicId, doctor.department)
      const record = { clinicId, ...doctor }
      await db.transaction(async (transaction) => {
        await createClinicDirectoryStore(transaction).upsertDoctor(record)
        await recordChange(transaction, clinicId, by, { kind: 'doctor', id: doctor.id }, { department: doctor.department, active: doctor.active })
      })
      return record
    },

    /** Adds weekly templates in one transaction (all or none). */
    async addSchedules (clinicId: string, schedules: ScheduleInput[], by: AuditedBy): Promise<WeeklySchedule[]> {
      await timeZoneOf(clinicId)
      return db.transaction(async (transaction) => {
        const saved: WeeklySchedule[] = []
        for (const [index, schedule] of schedules.entries()) {
          await checkSchedule(transaction, clinicId, schedule, schedules.length > 1 ? `[${index}].` : '')
          saved.push(await createScheduleStore(transaction).upsertSchedule({ clinicId, ...schedule, doctorId: schedule.doctorId ?? null }))
        }
        await recordChange(transaction, clinicId, by, { kind: 'schedules' }, { scheduleIds: saved.map((schedule) => schedule.id) })
        return saved
      })
    },

    /** Slots are derived from the schedules: their generation is recorded once it is done. */
    async generateSlots (clinicId: string, window: { from: string, to: string }, by: AuditedBy): Promise<GenerateSlotsResult> {
      await timeZoneOf(clinicId)
      const result = await generateSlots({ db, clinicId, ...window })
      await audit.record({ clinicId, ...by, action: 'slots.generated', subject: { kind: 'slots' }, detail: { ...window, created: result.created } })
      return result
    },

    /** Slots of every status in the window (local dates or instants). */
    async listSlots (clinicId: string, options: AdminWindow & { department?: string | undefined }): Promise<Slot[]> {
      const timeZone = await timeZoneOf(clinicId)
      return createScheduleStore(db).findSlots({
        clinicId,
        department: options.department,
        from: resolveWindowBound(options.from, 'from', timeZone),
        to: resolveWindowBound(options.to, 'to', timeZone),
        bookableOnly: false,
        limit: LIST_LIMIT
      })
    },

    /** Appointments carry patients' names and phones: who listed them, and how many, is recorded. */
    async listAppointments (clinicId: string, window: AdminWindow, by: AuditedBy): Promise<Appointment[]> {
      const timeZone = await timeZoneOf(clinicId)
      const appointments = await createAppointmentStore(db, cipher).listAppointments({
        clinicId,
        from: resolveWindowBound(window.from, 'from', timeZone),
        to: resolveWindowBound(window.to, 'to', timeZone),
        limit: LIST_LIMIT
      })
      await audit.record({ clinicId, ...by, action: 'appointments.viewed', subject: { kind: 'appointments' }, detail: { from: window.from, to: window.to, count: appointments.length } })
      return appointments
    }
  }
}

export type ScheduleAdmin = ReturnType<typeof createScheduleAdmin>

function checkDepartment (department: DepartmentInput): void {
  if (!isDepartmentCode(department.code)) throw invalid(`code ${department.code} is not a known department code`)
  const fallback = department.fallbackCode
  if (fallback !== undefined && fallback !== null && (!isDepartmentCode(fallback) || fallback === department.code)) {
    throw invalid(`fallbackCode ${fallback} must be another known department code`)
  }
}

async function requireDepartment (db: Queryable, clinicId: string, code: string, field = 'department'): Promise<void> {
  if (!(await createClinicDirectoryStore(db).getDepartment(clinicId, code))) {
    throw invalid(`${field}: the clinic has no department ${code}; add it with PUT …/departments first`)
  }
}

async function checkSchedule (db: Queryable, clinicId: string, schedule: ScheduleInput, prefix: string): Promise<void> {
  await requireDepartment(db, clinicId, schedule.department, `${prefix}department`)
  if (schedule.doctorId) {
    const doctor = await createClinicDirectoryStore(db).getDoctor(clinicId, schedule.doctorId)
    if (!doctor) throw invalid(`${prefix}doctorId: no doctor ${schedule.doctorId}`)
    if (doctor.department !== schedule.department) throw invalid(`${prefix}doctorId: ${schedule.doctorId} works in ${doctor.department}`)
  }
  const start = parseLocalTime(schedule.startTime)
  const end = parseLocalTime(schedule.endTime)
  if (start === null || end === null || end - start < schedule.slotMinutes) {
    throw invalid(`${prefix}endTime must be at least slotMinutes after startTime`)
  }
}

function invalid (message: string): AppError {
  return new AppError('VALIDATION_FAILED', message)
}
