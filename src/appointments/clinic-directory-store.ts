import type { Queryable } from '../db/database.ts'
import type { Department, Doctor, LocalizedName } from './appointment-types.ts'

type DepartmentRow = { clinic_id: string, code: string, name: LocalizedName, available: boolean, fallback_code: string | null }
type DoctorRow = { clinic_id: string, id: string, department: string, name: LocalizedName, active: boolean }

/** SQL for a clinic's time zone, departments and doctors. */
export function createClinicDirectoryStore (db: Queryable) {
  return {
    /** The clinic's IANA time zone, or null when there is no such clinic. */
    async getTimeZone (clinicId: string): Promise<string | null> {
      const result = await db.query<{ timezone: string }>('SELECT timezone FROM clinics WHERE id = $1', [clinicId])
      return result.rows[0]?.timezone ?? null
    },

    async listDepartments (clinicId: string): Promise<Department[]> {
      const result = await db.query<DepartmentRow>(
        'SELECT clinic_id, code, name, available, fallback_code FROM departments WHERE clinic_id = $1 ORDER BY code', [clinicId])
      return result.rows.map(toDepartment)
    },

    async getDepartment (clinicId: string, code: string): Promise<Department | null> {
      const result = await db.query<DepartmentRow>(
        'SELECT clinic_id, code, name, available, fallback_code FROM departments WHERE clinic_id = $1 AND code = $2', [clinicId, code])
      const row = result.rows[0]
      return row ? toDepartment(row) : null
    },

    async upsertDepartment (department: Department): Promise<void> {
      await db.query(`
        INSERT INTO departments (clinic_id, code, name, available, fallback_code) VALUES ($1, $2, $3::jsonb, $4, $5)
        ON CONFLICT (clinic_id, code) DO UPDATE
          SET name = EXCLUDED.name, available = EXCLUDED.available, fallback_code = EXCLUDED.fallback_code, updated_at = now()`,
      [department.clinicId, department.code, JSON.stringify(department.name), department.available, department.fallbackCode])
    },

    async listDoctors (clinicId: string): Promise<Doctor[]> {
      const result = await db.query<DoctorRow>(
        'SELECT clinic_id, id, department, name, active FROM doctors WHERE clinic_id = $1 ORDER BY department, id', [clinicId])
      return result.rows.map(toDoctor)
    },

    async getDoctor (clinicId: string, doctorId: string): Promise<Doctor | null> {
      const result = await db.query<DoctorRow>(
        'SELECT clinic_id, id, department, name, active FROM doctors WHERE clinic_id = $1 AND id = $2', [clinicId, doctorId])
      const row = result.rows[0]
      return row ? toDoctor(row) : null
    },

    async upsertDoctor (doctor: Doctor): Promise<void> {
      await db.query(`
        INSERT INTO doctors (clinic_id, id, department, name, active) VALUES ($1, $2, $3, $4::jsonb, $5)
        ON CONFLICT (clinic_id, id) DO UPDATE
          SET department = EXCLUDED.department, name = EXCLUDED.name, active = EXCLUDED.active, updated_at = now()`,
      [doctor.clinicId, doctor.id, doctor.department, JSON.stringify(doctor.name), doctor.active])
    }
  }
}

export type ClinicDirectoryStore = ReturnType<typeof createClinicDirectoryStore>

function toDepartment (row: DepartmentRow): Department {
  return { clinicId: row.clinic_id, code: row.code, name: row.name, available: row.available, fallbackCode: row.fallback_code }
}

function toDoctor (row: DoctorRow): Doctor {
  return { clinicId: row.clinic_id, id: row.id, department: row.department, name: row.name, active: row.active }
}
