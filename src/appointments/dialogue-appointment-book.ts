import type { AppointmentBook, AppointmentChange } from '../flows/turn-services.ts'
import type { ClinicDirectoryStore } from './clinic-directory-store.ts'
import type { Appointment, BookingResult, CancelResult, LookupResult, RescheduleResult } from './appointment-types.ts'
import type { BookingService } from './booking-service.ts'
import { addLocalDays } from './zoned-time.ts'

/** Adapts the booking service to what the appointment dialogue needs. */
export function createDialogueAppointmentBook (booking: BookingService, directory: ClinicDirectoryStore): AppointmentBook {
  return {
    async findSlots ({ clinicId, department, doctorId, date, spanDays = 1, partOfDay, limit }) {
      const window = date ? { from: date, to: addLocalDays(date, spanDays - 1) } : {}
      const slots = await booking.findSlots({ clinicId, department, limit, ...window, ...(partOfDay ? { partOfDay } : {}), ...(doctorId ? { doctorId } : {}) })
      return slots.map((slot) => ({ id: slot.id, start: slot.start, doctorName: slot.doctor?.name ?? null, departmentName: slot.department.name }))
    },
    async directory (clinicId) {
      const [departments, doctors] = await Promise.all([directory.listDepartments(clinicId), directory.listDoctors(clinicId)])
      return {
        departments: departments.map((department) => ({ code: department.code, available: department.available, fallbackCode: department.fallbackCode })),
        doctors: doctors.map((doctor) => ({ id: doctor.id, name: doctor.name, department: doctor.department, active: doctor.active }))
      }
    },
    async book (input) {
      return toChange(await booking.bookAppointment(input))
    },
    async lookup (input) {
      return toChange(await booking.lookupAppointment(input))
    },
    async reschedule (input) {
      return toChange(await booking.rescheduleAppointment(input))
    },
    async cancel (input) {
      return toChange(await booking.cancelAppointment(input))
    }
  }
}

function toChange (result: BookingResult | LookupResult | RescheduleResult | CancelResult): AppointmentChange {
  if (!result.ok) return { ok: false, reason: result.reason }
  return { ok: true, appointment: summarise(result.appointment) }
}

function summarise (appointment: Appointment) {
  return {
    reference: appointment.reference,
    status: appointment.status,
    department: { code: appointment.department.code, name: appointment.department.name },
    doctorName: appointment.doctor?.name ?? null,
    start: appointment.start
  }
}
