import type { Clock } from '../clock.ts'
import type { Database, Queryable } from '../db/database.ts'
import type {
  Appointment, BookingFailure, BookingResult, CancelResult, LookupResult, PartOfDay, RescheduleFailure, RescheduleResult, Slot
} from './appointment-types.ts'
import { generateReference, normaliseReference } from './appointment-reference.ts'
import { createAppointmentStore, type AppointmentKey, type AppointmentStore, type NewAppointment } from './appointment-store.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import { createClinicDirectoryStore } from './clinic-directory-store.ts'
import { normalisePatientName } from './patient-name.ts'
import { normalisePhone } from './phone-number.ts'
import { createScheduleStore, type LockedSlot } from './schedule-store.ts'
import { resolveWindowBound, type WindowBound } from './slot-window.ts'

export type BookingDependencies = {
  db: Database
  clock: Clock
  /** Encrypts the patient's name and phone at rest (the message key ring). */
  cipher: MessageCipher
  /** Random bytes for references; tests may pass a fixed source. */
  random?: (size: number) => Uint8Array
}

type AppointmentStoreFor = (queryable: Queryable) => AppointmentStore

export type FindSlotsOptions = {
  clinicId: string
  department?: string | undefined
  doctorId?: string | undefined
  /** Default now; never earlier than now. */
  from?: WindowBound | undefined
  /** Default 14 days after from. */
  to?: WindowBound | undefined
  partOfDay?: PartOfDay | undefined
  /** Default 10, at most 200. */
  limit?: number | undefined
}

export type BookAppointmentOptions = { clinicId: string, slotId: string, patientName: string, phone: string, conversationId?: string | null | undefined }
export type PatientAppointmentOptions = { clinicId: string, reference: string, phone: string }
export type RescheduleOptions = PatientAppointmentOptions & { newSlotId: string }

type SlotFailure = Extract<BookingFailure, RescheduleFailure>

const DEFAULT_WINDOW_MS = 14 * 86_400_000
const REFERENCE_ATTEMPTS = 5
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Finding, booking, looking up, moving and cancelling appointments on the local database.
 * A slot is locked (SELECT … FOR UPDATE) for the whole booking transaction, and a partial unique
 * index allows one live appointment per slot, so two patients can never hold the same slot.
 */
export function createBookingService ({ db, clock, cipher, random }: BookingDependencies) {
  const appointments: AppointmentStoreFor = (queryable) => createAppointmentStore(queryable, cipher)
  return {
    /** Bookable slots, earliest first. Unknown clinic: none. */
    async findSlots (options: FindSlotsOptions): Promise<Slot[]> {
      const timeZone = await createClinicDirectoryStore(db).getTimeZone(options.clinicId)
      if (!timeZone) return []
      const now = clock.now()
      const requestedFrom = options.from === undefined ? now : resolveWindowBound(options.from, 'from', timeZone)
      const from = requestedFrom < now ? now : requestedFrom
      const to = options.to === undefined ? new Date(from.getTime() + DEFAULT_WINDOW_MS) : resolveWindowBound(options.to, 'to', timeZone)
      const limit = Math.min(Math.max(Math.trunc(options.limit ?? 10), 1), 200)
      return createScheduleStore(db).findSlots({ ...options, from, to, limit, bookableOnly: true })
    },

    /** Books a free future slot for the patient; expected failures come back as a reason. */
    async bookAppointment (options: BookAppointmentOptions): Promise<BookingResult> {
      const patientName = normalisePatientName(options.patientName)
      if (!patientName) return { ok: false, reason: 'invalid_name' }
      const phone = normalisePhone(options.phone)
      if (!phone) return { ok: false, reason: 'invalid_phone' }
      if (!UUID.test(options.slotId)) return { ok: false, reason: 'slot_not_found' }
      const outcome = await withSlotConflictAsTaken(() => db.transaction(async (transaction) => {
        const slot = await createScheduleStore(transaction).lockSlot(options.clinicId, options.slotId)
        const failure = slotFailure(slot, clock.now())
        if (failure || !slot) return failure ?? 'slot_not_found'
        const id = await insertWithFreshReference(appointments(transaction), {
          clinicId: options.clinicId,
          slotId: slot.id,
          department: slot.department,
          doctorId: slot.doctorId,
          patientName,
          phone,
          conversationId: options.conversationId ?? null
        }, random)
        await createScheduleStore(transaction).setSlotStatus(slot.id, 'booked')
        return { id }
      }))
      if (typeof outcome === 'string') return { ok: false, reason: outcome }
      return { ok: true, appointment: await loadAppointment(appointments(db), outcome.id) }
    },

    /** The appointment, when both its reference (any case) and the patient's phone match. */
    async lookupAppointment (options: PatientAppointmentOptions): Promise<LookupResult> {
      const key = await findPatientAppointment(appointments(db), options, false)
      return key ? { ok: true, appointment: await loadAppointment(appointments(db), key.id) } : { ok: false, reason: 'not_found' }
    },

    /** Moves the appointment to another free slot atomically: either the new slot is held or the old one is kept. */
    async rescheduleAppointment (options: RescheduleOptions): Promise<RescheduleResult> {
      if (!UUID.test(options.newSlotId)) return { ok: false, reason: 'slot_not_found' }
      const outcome = await withSlotConflictAsTaken(() => db.transaction(async (transaction) => {
        const key = await findPatientAppointment(appointments(transaction), options, true)
        if (!key) return 'not_found'
        if (key.status === 'cancelled') return 'already_cancelled'
        const previousStart = (await loadAppointment(appointments(transaction), key.id)).start
        if (key.slotId === options.newSlotId) return { id: key.id, previousStart }
        const newSlot = await lockBothSlots(transaction, options.clinicId, key, options.newSlotId)
        const failure = slotFailure(newSlot, clock.now())
        if (failure || !newSlot) return failure ?? 'slot_not_found'
        const schedules = createScheduleStore(transaction)
        await appointments(transaction).moveToSlot(key.id, newSlot)
        await schedules.setSlotStatus(key.slotId, 'free')
        await schedules.setSlotStatus(newSlot.id, 'booked')
        return { id: key.id, previousStart }
      }))
      if (typeof outcome === 'string') return { ok: false, reason: outcome }
      return { ok: true, appointment: await loadAppointment(appointments(db), outcome.id), previousStart: outcome.previousStart }
    },

    /** Cancels the appointment and frees its slot for other patients. */
    async cancelAppointment (options: PatientAppointmentOptions): Promise<CancelResult> {
      const outcome = await db.transaction(async (transaction) => {
        const key = await findPatientAppointment(appointments(transaction), options, true)
        if (!key) return 'not_found'
        if (key.status === 'cancelled') return 'already_cancelled'
        await createScheduleStore(transaction).lockSlot(options.clinicId, key.slotId)
        await appointments(transaction).markCancelled(key.id)
        await createScheduleStore(transaction).setSlotStatus(key.slotId, 'free')
        return { id: key.id }
      })
      if (typeof outcome === 'string') return { ok: false, reason: outcome }
      return { ok: true, appointment: await loadAppointment(appointments(db), outcome.id) }
    }
  }
}

export type BookingService = ReturnType<typeof createBookingService>

function slotFailure (slot: LockedSlot | null, now: Date): SlotFailure | null {
  if (!slot || !slot.bookable) return 'slot_not_found'
  if (slot.start.getTime() <= now.getTime()) return 'slot_in_past'
  if (slot.status !== 'free') return 'slot_taken'
  return null
}

async function findPatientAppointment (store: AppointmentStore, options: PatientAppointmentOptions, lock: boolean): Promise<AppointmentKey | null> {
  const reference = normaliseReference(options.reference)
  const phone = normalisePhone(options.phone)
  if (!reference || !phone) return null
  return store.findByReference({ clinicId: options.clinicId, reference, phone, lock })
}

// Locks both slots in id order so two reschedules swapping slots cannot deadlock.
async function lockBothSlots (db: Queryable, clinicId: string, key: AppointmentKey, newSlotId: string): Promise<LockedSlot | null> {
  const store = createScheduleStore(db)
  const [first, second] = [key.slotId, newSlotId.toLowerCase()].sort()
  const locked = [await store.lockSlot(clinicId, first as string), await store.lockSlot(clinicId, second as string)]
  return locked.find((slot) => slot?.id === newSlotId.toLowerCase()) ?? null
}

async function insertWithFreshReference (
  store: AppointmentStore, appointment: Omit<NewAppointment, 'reference'>, random: BookingDependencies['random']
): Promise<string> {
  for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt++) {
    const id = await store.insertAppointment({ ...appointment, reference: generateReference(random) })
    if (id) return id
  }
  throw new Error(`no free appointment reference after ${REFERENCE_ATTEMPTS} attempts`)
}

async function loadAppointment (store: AppointmentStore, id: string): Promise<Appointment> {
  const appointment = await store.getAppointment(id)
  if (!appointment) throw new Error(`appointment ${id} vanished`)
  return appointment
}

// The partial unique index is the last line of defence: if two transactions ever got past the row
// lock (say, a slot row recreated), the loser sees 23505 here and the patient hears "taken".
async function withSlotConflictAsTaken<Result> (fn: () => Promise<Result>): Promise<Result | 'slot_taken'> {
  try {
    return await fn()
  } catch (error) {
    const { code, constraint } = error as { code?: string, constraint?: string }
    if (code === '23505' && constraint === 'appointments_active_slot_key') return 'slot_taken'
    throw error
  }
}
