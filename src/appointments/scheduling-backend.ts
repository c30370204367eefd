import type { MessageCipher } from '../privacy/message-cipher.ts'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/database.ts'
import type { BookingResult, CancelResult, LookupResult, RescheduleResult, Slot } from './appointment-types.ts'
import {
  createBookingService, type BookAppointmentOptions, type FindSlotsOptions, type PatientAppointmentOptions, type RescheduleOptions
} from './booking-service.ts'

/**
 * Where appointments really live. The dialogue flow talks to this interface only, so a clinic
 * whose hospital information system (HIS) owns the calendar can swap the local database for it.
 *
 * An external adapter (for a FHIR R4 server, say) would implement each method like this:
 * - findSlots: `GET [base]/Slot?status=free&start=ge{from}&start=lt{to}&specialty={system}|{code}`
 *   (plus `schedule.actor=Practitioner/{id}` for a doctor), each entry mapped with `fromFhirSlot`
 *   and named from the local clinic directory; part of day filtered on the local start time.
 * - book: validate name and phone exactly as the local backend does (phone-number.ts,
 *   patient-name.ts), then `POST [base]/Appointment` built with `toFhirAppointment` (or the
 *   Argonaut `$book` operation); a 409/412 from the server, or a Slot no longer `free`, becomes
 *   `slot_taken`; 404 becomes `slot_not_found`. Keep our `APT-…` reference as an identifier.
 * - lookup: `GET [base]/Appointment?identifier={system}|{reference}` and compare the patient's
 *   phone with the HIS patient record before returning anything (both must match).
 * - reschedule: one FHIR transaction Bundle (or a conditional update with `If-Match` on the
 *   Appointment's version) that moves the slot reference, so a failure keeps the old slot.
 * - cancel: `PATCH` the Appointment to `status: cancelled`.
 * Every call needs a timeout, and a network failure must reach the caller as an error (never as
 * `slot_taken`), so the flow can apologise and hand off instead of misinforming the patient.
 */
export type SchedulingBackend = {
  readonly kind: string
  findSlots: (options: FindSlotsOptions) => Promise<Slot[]>
  book: (options: BookAppointmentOptions) => Promise<BookingResult>
  lookup: (options: PatientAppointmentOptions) => Promise<LookupResult>
  reschedule: (options: RescheduleOptions) => Promise<RescheduleResult>
  cancel: (options: PatientAppointmentOptions) => Promise<CancelResult>
}

/** The default backend: slots and appointments in this service's own database. */
export function createLocalSchedulingBackend (db: Database, clock: Clock, cipher: MessageCipher): SchedulingBackend {
  const service = createBookingService({ db, clock, cipher })
  return {
    kind: 'local',
    findSlots: service.findSlots,
    book: service.bookAppointment,
    lookup: service.lookupAppointment,
    reschedule: service.rescheduleAppointment,
    cancel: service.cancelAppointment
  }
}
