/** Names shown to patients, per locale. */
export type LocalizedName = { 'zh-CN': string, en: string }

export type SlotStatus = 'free' | 'held' | 'booked'
export type AppointmentStatus = 'booked' | 'rescheduled' | 'cancelled'
export type PartOfDay = 'morning' | 'afternoon' | 'evening'

export type Department = {
  clinicId: string
  code: string
  name: LocalizedName
  available: boolean
  /** Where patients for this department are sent when it is unavailable. */
  fallbackCode: string | null
}

export type Doctor = {
  clinicId: string
  id: string
  department: string
  name: LocalizedName
  active: boolean
}

/** Weekly template: ISO weekday (1 = Monday), local `HH:MM` times in the clinic's time zone. */
export type WeeklySchedule = {
  id: string
  clinicId: string
  department: string
  doctorId: string | null
  weekday: number
  startTime: string
  endTime: string
  slotMinutes: number
}

export type DepartmentRef = { code: string, name: LocalizedName }
export type DoctorRef = { id: string, name: LocalizedName }

/** A bookable slot; `start`/`end` are ISO-8601 with the clinic's offset. */
export type Slot = {
  id: string
  clinicId: string
  department: DepartmentRef
  doctor: DoctorRef | null
  start: string
  end: string
  status: SlotStatus
}

export type Appointment = {
  id: string
  reference: string
  clinicId: string
  status: AppointmentStatus
  slotId: string
  department: DepartmentRef
  doctor: DoctorRef | null
  start: string
  end: string
  patient: { name: string, phoneMasked: string }
  conversationId: string | null
  createdAt: string
  updatedAt: string
}

export type BookingFailure = 'slot_taken' | 'invalid_phone' | 'invalid_name' | 'slot_not_found' | 'slot_in_past'
export type BookingResult = { ok: true, appointment: Appointment } | { ok: false, reason: BookingFailure }

export type LookupResult = { ok: true, appointment: Appointment } | { ok: false, reason: 'not_found' }

export type RescheduleFailure = 'not_found' | 'already_cancelled' | 'slot_taken' | 'slot_not_found' | 'slot_in_past'
export type RescheduleResult = { ok: true, appointment: Appointment, previousStart: string } | { ok: false, reason: RescheduleFailure }

export type CancelResult = { ok: true, appointment: Appointment } | { ok: false, reason: 'not_found' | 'already_cancelled' }
