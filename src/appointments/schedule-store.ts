import type { Queryable } from '../db/database.ts'
import type { LocalizedName, PartOfDay, Slot, SlotStatus, WeeklySchedule } from './appointment-types.ts'
import { formatLocalIso } from './format-local-iso.ts'

type ScheduleRow = {
  id: string,
  clinic_id: string,
  department: string,
  doctor_id: string | null,
  weekday: number,
  start_time: string,
  end_time: string,
  slot_minutes: number
}

type SlotRow = {
  id: string,
  clinic_id: string,
  department: string,
  department_name: LocalizedName,
  doctor_id: string | null,
  doctor_name: LocalizedName | null,
  start_at: Date,
  end_at: Date,
  status: SlotStatus,
  timezone: string
}

/** A slot row about to be inserted; times are instants. */
export type NewSlot = { department: string, doctorId: string | null, start: Date, end: Date, scheduleId: string | null }

export type SlotQuery = {
  clinicId: string
  department?: string | undefined
  doctorId?: string | undefined
  from: Date
  to: Date
  partOfDay?: PartOfDay | undefined
  /** Only free slots in an available department with an active (or no) doctor. */
  bookableOnly: boolean
  limit: number
}

/** The slot columns the booking transaction needs after locking the row. */
export type LockedSlot = { id: string, department: string, doctorId: string | null, start: Date, status: SlotStatus, bookable: boolean }

type LockedSlotRow = { id: string, department: string, doctor_id: string | null, start_at: Date, status: SlotStatus, bookable: boolean }

const SLOT_SELECT = `
  SELECT s.id, s.clinic_id, s.department, dep.name AS department_name, s.doctor_id, doc.name AS doctor_name,
         s.start_at, s.end_at, s.status, c.timezone
  FROM slots s
  JOIN clinics c ON c.id = s.clinic_id
  JOIN departments dep ON dep.clinic_id = s.clinic_id AND dep.code = s.department
  LEFT JOIN doctors doc ON doc.clinic_id = s.clinic_id AND doc.id = s.doctor_id`

// Morning before 12:00, afternoon before 18:00, evening after, on the clinic's wall clock.
const PART_OF_DAY = `CASE WHEN extract(hour FROM s.start_at AT TIME ZONE c.timezone) < 12 THEN 'morning'
  WHEN extract(hour FROM s.start_at AT TIME ZONE c.timezone) < 18 THEN 'afternoon' ELSE 'evening' END`

/** SQL for weekly schedule templates and the slots expanded from them. */
export function createScheduleStore (db: Queryable) {
  return {
    /** Creates the template, or updates end time and slot length of the one starting at the same time. */
    async upsertSchedule (schedule: Omit<WeeklySchedule, 'id'>): Promise<WeeklySchedule> {
      const result = await db.query<ScheduleRow>(`
        INSERT INTO schedules (clinic_id, department, doctor_id, weekday, start_time, end_time, slot_minutes)
        VALUES ($1, $2, $3, $4, $5::time, $6::time, $7)
        ON CONFLICT (clinic_id, department, doctor_id, weekday, start_time) DO UPDATE
          SET end_time = EXCLUDED.end_time, slot_minutes = EXCLUDED.slot_minutes
        RETURNING id, clinic_id, department, doctor_id, weekday, to_char(start_time, 'HH24:MI') AS start_time,
                  to_char(end_time, 'HH24:MI') AS end_time, slot_minutes`,
      [schedule.clinicId, schedule.department, schedule.doctorId, schedule.weekday, schedule.startTime, schedule.endTime, schedule.slotMinutes])
      return toSchedule(result.rows[0] as ScheduleRow)
    },

    async listSchedules (clinicId: string): Promise<WeeklySchedule[]> {
      const result = await db.query<ScheduleRow>(`
        SELECT id, clinic_id, department, doctor_id, weekday, to_char(start_time, 'HH24:MI') AS start_time,
               to_char(end_time, 'HH24:MI') AS end_time, slot_minutes
        FROM schedules WHERE clinic_id = $1 ORDER BY department, doctor_id NULLS FIRST, weekday, start_time`, [clinicId])
      return result.rows.map(toSchedule)
    },

    /** Inserts slots that do not exist yet (same owner and start); returns how many were new. */
    async insertSlots (clinicId: string, slots: NewSlot[]): Promise<number> {
      if (slots.length === 0) return 0
      const result = await db.query(`
        INSERT INTO slots (clinic_id, department, doctor_id, start_at, end_at, schedule_id)
        SELECT $1, department, doctor_id, start_at, end_at, schedule_id
        FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::uuid[])
          AS input (department, doctor_id, start_at, end_at, schedule_id)
        ON CONFLICT (clinic_id, department, doctor_id, start_at) DO NOTHING`,
      [clinicId, slots.map((slot) => slot.department), slots.map((slot) => slot.doctorId),
        slots.map((slot) => slot.start), slots.map((slot) => slot.end), slots.map((slot) => slot.scheduleId)])
      return result.rowCount
    },

    async findSlots (query: SlotQuery): Promise<Slot[]> {
      const result = await db.query<SlotRow>(`${SLOT_SELECT}
        WHERE s.clinic_id = $1 AND s.start_at >= $2 AND s.start_at < $3
          AND ($4::text IS NULL OR s.department = $4)
          AND ($5::text IS NULL OR s.doctor_id = $5)
          AND ($6::text IS NULL OR ${PART_OF_DAY} = $6)
          AND (NOT $7 OR (s.status = 'free' AND dep.available AND (doc.id IS NULL OR doc.active)))
        ORDER BY s.start_at, s.department, s.doctor_id NULLS FIRST
        LIMIT $8`,
      [query.clinicId, query.from, query.to, query.department ?? null, query.doctorId ?? null, query.partOfDay ?? null,
        query.bookableOnly, query.limit])
      return result.rows.map(toSlot)
    },

    async getSlot (clinicId: string, slotId: string): Promise<Slot | null> {
      const result = await db.query<SlotRow>(`${SLOT_SELECT} WHERE s.clinic_id = $1 AND s.id = $2::uuid`, [clinicId, slotId])
      const row = result.rows[0]
      return row ? toSlot(row) : null
    },

    /** Locks the slot row until the surrounding transaction ends; concurrent bookers queue here. */
    async lockSlot (clinicId: string, slotId: string): Promise<LockedSlot | null> {
      const result = await db.query<LockedSlotRow>(`
        SELECT s.id, s.department, s.doctor_id, s.start_at, s.status, dep.available AND coalesce(doc.active, true) AS bookable
        FROM slots s
        JOIN departments dep ON dep.clinic_id = s.clinic_id AND dep.code = s.department
        LEFT JOIN doctors doc ON doc.clinic_id = s.clinic_id AND doc.id = s.doctor_id
        WHERE s.clinic_id = $1 AND s.id = $2::uuid
        FOR UPDATE OF s`, [clinicId, slotId])
      const row = result.rows[0]
      return row
        ? { id: row.id, department: row.department, doctorId: row.doctor_id, start: row.start_at, status: row.status, bookable: row.bookable }
        : null
    },

    async setSlotStatus (slotId: string, status: SlotStatus): Promise<void> {
      await db.query('UPDATE slots SET status = $2, updated_at = now() WHERE id = $1', [slotId, status])
    }
  }
}

export type ScheduleStore = ReturnType<typeof createScheduleStore>

function toSchedule (row: ScheduleRow): WeeklySchedule {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    department: row.department,
    doctorId: row.doctor_id,
    weekday: Number(row.weekday),
    startTime: row.start_time,
    endTime: row.end_time,
    slotMinutes: row.slot_minutes
  }
}

function toSlot (row: SlotRow): Slot {
  return {
    id: row.id,
    clinicId: row.clinic_id,
    department: { code: row.department, name: row.department_name },
    doctor: row.doctor_id && row.doctor_name ? { id: row.doctor_id, name: row.doctor_name } : null,
    start: formatLocalIso(row.start_at, row.timezone),
    end: formatLocalIso(row.end_at, row.timezone),
    status: row.status
  }
}
