import type { Queryable } from '../db/database.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import type { Appointment, AppointmentStatus, LocalizedName } from './appointment-types.ts'
import { formatLocalIso } from './format-local-iso.ts'
import { maskPhone } from './phone-number.ts'

type AppointmentRow = {
  id: string,
  reference: string,
  clinic_id: string,
  status: AppointmentStatus,
  slot_id: string,
  department: string,
  department_name: LocalizedName,
  doctor_id: string | null,
  doctor_name: LocalizedName | null,
  start_at: Date,
  end_at: Date,
  // NULL once the appointment's patient details were erased.
  patient_name_ciphertext: Buffer | null,
  patient_name_key_id: string | null,
  patient_phone_ciphertext: Buffer | null,
  patient_phone_key_id: string | null,
  conversation_id: string | null,
  created_at: Date,
  updated_at: Date,
  timezone: string
}

export type NewAppointment = {
  clinicId: string
  reference: string
  slotId: string
  department: string
  doctorId: string | null
  patientName: string
  /** E.164; stored encrypted, beside its lookup hash. */
  phone: string
  conversationId: string | null
}

/** What a booking transaction needs to know about an existing appointment. */
export type AppointmentKey = { id: string, slotId: string, status: AppointmentStatus, start: Date }

const APPOINTMENT_SELECT = `
  SELECT a.id, a.reference, a.clinic_id, a.status, a.slot_id, a.department, dep.name AS department_name,
         a.doctor_id, doc.name AS doctor_name, s.start_at, s.end_at, a.patient_name_ciphertext, a.patient_name_key_id,
         a.patient_phone_ciphertext, a.patient_phone_key_id,
         a.conversation_id, a.created_at, a.updated_at, c.timezone
  FROM appointments a
  JOIN slots s ON s.id = a.slot_id
  JOIN clinics c ON c.id = a.clinic_id
  JOIN departments dep ON dep.clinic_id = a.clinic_id AND dep.code = a.department
  LEFT JOIN doctors doc ON doc.clinic_id = a.clinic_id AND doc.id = a.doctor_id`

/**
 * SQL for appointments. Patient name and phone are read and written here only, encrypted at rest
 * with the message key ring; the phone's keyed lookup hash beside them finds an appointment.
 */
export function createAppointmentStore (db: Queryable, cipher: MessageCipher) {
  const open = (ciphertext: Buffer | null, keyId: string | null) => ciphertext && keyId ? cipher.decrypt({ ciphertext, keyId }) : ''
  const patientOf = (row: AppointmentRow) => ({
    name: open(row.patient_name_ciphertext, row.patient_name_key_id),
    phone: open(row.patient_phone_ciphertext, row.patient_phone_key_id)
  })
  const toAppointment = (row: AppointmentRow) => appointmentOf(row, patientOf(row))

  return {
    /** Inserts the appointment; null when the reference is already used (the caller draws another). */
    async insertAppointment (appointment: NewAppointment): Promise<string | null> {
      const name = cipher.encrypt(appointment.patientName)
      const phone = cipher.encrypt(appointment.phone)
      const result = await db.query<{ id: string }>(`
        INSERT INTO appointments (clinic_id, reference, slot_id, department, doctor_id, patient_name_ciphertext, patient_name_key_id,
          patient_phone_ciphertext, patient_phone_key_id, phone_hash, conversation_id)
        VALUES ($1, $2, $3::uuid, $4, $5, $6, $7, $8, $9, $10, $11::uuid)
        ON CONFLICT (reference) DO NOTHING
        RETURNING id`,
      [appointment.clinicId, appointment.reference, appointment.slotId, appointment.department, appointment.doctorId,
        name.ciphertext, name.keyId, phone.ciphertext, phone.keyId, cipher.lookup.hash('phone', appointment.phone), appointment.conversationId])
      return result.rows[0]?.id ?? null
    },

    /** The appointment with this reference and phone (E.164, matched by its lookup hash), locked for update when asked. */
    async findByReference (options: { clinicId: string, reference: string, phone: string, lock: boolean }): Promise<AppointmentKey | null> {
      const result = await db.query<{ id: string, slot_id: string, status: AppointmentStatus, start_at: Date }>(`
        SELECT a.id, a.slot_id, a.status, s.start_at
        FROM appointments a JOIN slots s ON s.id = a.slot_id
        WHERE a.clinic_id = $1 AND a.reference = $2 AND a.phone_hash = ANY($3::text[])
        ${options.lock ? 'FOR UPDATE OF a' : ''}`,
      [options.clinicId, options.reference, cipher.lookup.candidates('phone', options.phone)])
      const row = result.rows[0]
      return row ? { id: row.id, slotId: row.slot_id, status: row.status, start: row.start_at } : null
    },

    async getAppointment (id: string): Promise<Appointment | null> {
      const result = await db.query<AppointmentRow>(`${APPOINTMENT_SELECT} WHERE a.id = $1::uuid`, [id])
      const row = result.rows[0]
      return row ? toAppointment(row) : null
    },

    async moveToSlot (id: string, slot: { id: string, department: string, doctorId: string | null }): Promise<void> {
      await db.query(`
        UPDATE appointments SET slot_id = $2::uuid, department = $3, doctor_id = $4, status = 'rescheduled', updated_at = now()
        WHERE id = $1::uuid`, [id, slot.id, slot.department, slot.doctorId])
    },

    async markCancelled (id: string): Promise<void> {
      await db.query(`
        UPDATE appointments SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1::uuid`, [id])
    },

    /** Appointments whose slot starts in [from, to), earliest first (admin view). */
    async listAppointments (options: { clinicId: string, from: Date, to: Date, limit: number }): Promise<Appointment[]> {
      const result = await db.query<AppointmentRow>(`${APPOINTMENT_SELECT}
        WHERE a.clinic_id = $1 AND s.start_at >= $2 AND s.start_at < $3
        ORDER BY s.start_at, a.reference LIMIT $4`, [options.clinicId, options.from, options.to, options.limit])
      return result.rows.map(toAppointment)
    },

    /** The appointments of these conversations or with these ids, with the full phone (a patient's data export). */
    async listWithPatientDetails (options: { clinicId: string, conversationIds: string[], appointmentIds: string[] }): Promise<Array<Appointment & { patientPhone: string }>> {
      const result = await db.query<AppointmentRow>(`${APPOINTMENT_SELECT}
        WHERE a.clinic_id = $1 AND (a.conversation_id = ANY($2::uuid[]) OR a.id = ANY($3::uuid[])) AND a.erased_at IS NULL
        ORDER BY a.created_at, a.reference`, [options.clinicId, options.conversationIds, options.appointmentIds])
      return result.rows.map((row) => ({ ...toAppointment(row), patientPhone: patientOf(row).phone }))
    },

    /**
     * Erasure: empties name, phone and phone hash (NULL, so a key rotation has nothing to rewrite)
     * and unlinks the conversation. The row and its status stay, so a booked slot stays occupied in
     * the clinic's schedule. Returns how many.
     */
    async erasePatientDetails (options: { clinicId: string, conversationIds: string[], appointmentIds: string[], now: Date }): Promise<number> {
      const result = await db.query(`
        UPDATE appointments SET patient_name_ciphertext = NULL, patient_name_key_id = NULL, patient_phone_ciphertext = NULL, patient_phone_key_id = NULL,
          phone_hash = NULL, conversation_id = NULL, erased_at = $4, updated_at = $4
        WHERE clinic_id = $1 AND (conversation_id = ANY($2::uuid[]) OR id = ANY($3::uuid[])) AND erased_at IS NULL`,
      [options.clinicId, options.conversationIds, options.appointmentIds, options.now])
      return result.rowCount
    }
  }
}

export type AppointmentStore = ReturnType<typeof createAppointmentStore>

function appointmentOf (row: AppointmentRow, patient: { name: string, phone: string }): Appointment {
  return {
    id: row.id,
    reference: row.reference,
    clinicId: row.clinic_id,
    status: row.status,
    slotId: row.slot_id,
    department: { code: row.department, name: row.department_name },
    doctor: row.doctor_id && row.doctor_name ? { id: row.doctor_id, name: row.doctor_name } : null,
    start: formatLocalIso(row.start_at, row.timezone),
    end: formatLocalIso(row.end_at, row.timezone),
    patient: { name: patient.name, phoneMasked: maskPhone(patient.phone) },
    conversationId: row.conversation_id,
    createdAt: formatLocalIso(row.created_at, row.timezone),
    updatedAt: formatLocalIso(row.updated_at, row.timezone)
  }
}
