import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBookingService } from '../../src/appointments/booking-service.ts'
import { createClinicDirectoryStore } from '../../src/appointments/clinic-directory-store.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'
import { createBookableClinic, fixedClock, slotAt } from './appointment-fixtures.ts'
import { testCipher } from '../helpers/test-cipher.ts'

const cipher = testCipher()

const CLINIC = 'booking-clinic'
const PATIENT = { clinicId: CLINIC, patientName: '张伟', phone: '138 1234 5678' }

describe('booking service', () => {
  let testDatabase: TestDatabase
  const clock = fixedClock('2026-12-02T02:00:00Z') // Wed 2 Dec, 10:00 in Shanghai
  let booking: ReturnType<typeof createBookingService>
  beforeAll(async () => {
    testDatabase = await createTestDatabase('booking-service')
    await createBookableClinic(testDatabase.database, CLINIC)
    booking = createBookingService({ db: testDatabase.database, clock, cipher })
  })
  afterAll(async () => { await testDatabase.cleanup() })

  const slot = (localIso: string) => slotAt(testDatabase.database, CLINIC, localIso)

  it('finds future free slots with local times, filtered by local date and part of day', async () => {
    const next = await booking.findSlots({ clinicId: CLINIC, department: 'general_medicine', limit: 2 })
    expect(next.map((found) => found.start)).toEqual(['2026-12-02T10:00:00+08:00', '2026-12-02T10:30:00+08:00'])
    expect(next[0]).toMatchObject({ department: { code: 'general_medicine', name: { en: 'General practice' } }, doctor: { id: 'dr-wang' }, status: 'free' })
    const thursday = await booking.findSlots({ clinicId: CLINIC, from: '2026-12-03', to: '2026-12-03', limit: 50 })
    expect(thursday).toHaveLength(6)
    expect(await booking.findSlots({ clinicId: CLINIC, from: '2026-12-03', to: '2026-12-03', partOfDay: 'afternoon' })).toEqual([])
    expect(await booking.findSlots({ clinicId: CLINIC, department: 'pediatrics' })).toEqual([])
    expect(await booking.findSlots({ clinicId: 'no-such-clinic' })).toEqual([])
  })

  it('books a slot and returns the appointment with a reference and local times', async () => {
    const result = await booking.bookAppointment({ ...PATIENT, slotId: await slot('2026-12-03T09:00:00+08:00') })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.appointment).toMatchObject({
      status: 'booked',
      start: '2026-12-03T09:00:00+08:00',
      end: '2026-12-03T09:30:00+08:00',
      department: { code: 'general_medicine' },
      doctor: { id: 'dr-wang' },
      patient: { name: '张伟', phoneMasked: '+86138****5678' }
    })
    expect(result.appointment.reference).toMatch(/^APT-[0-9A-Z]{6}$/)
    // Name and phone are encrypted at rest: neither is readable in the table, and a restarted
    // service with the same key ring reads them back.
    const stored = await testDatabase.database.query<{ phone_hash: string }>('SELECT * FROM appointments WHERE id = $1', [result.appointment.id])
    const row = JSON.stringify(stored.rows[0])
    for (const secret of ['张伟', '13812345678', '1234']) expect(row).not.toContain(secret)
    // The phone's lookup hash is keyed (HMAC): not the plain sha256 anyone can compute for every number.
    expect(stored.rows[0]!.phone_hash).toMatch(/^test:[A-Za-z0-9_-]{43}$/)
    expect(row).not.toContain(createHash('sha256').update('+8613812345678').digest('hex'))
    const reread = await createBookingService({ db: testDatabase.database, clock, cipher }).lookupAppointment({ ...PATIENT, reference: result.appointment.reference })
    expect(reread.ok && reread.appointment.patient).toEqual({ name: '张伟', phoneMasked: '+86138****5678' })
    const thursday = await booking.findSlots({ clinicId: CLINIC, from: '2026-12-03', to: '2026-12-03', limit: 50 })
    expect(thursday.map((found) => found.start)).not.toContain('2026-12-03T09:00:00+08:00')
  })

  it('refuses a taken slot, a past slot, an unknown slot and invalid patient details', async () => {
    const taken = await slot('2026-12-03T09:00:00+08:00')
    expect(await booking.bookAppointment({ ...PATIENT, phone: '13900000000', slotId: taken })).toEqual({ ok: false, reason: 'slot_taken' })
    expect(await booking.bookAppointment({ ...PATIENT, slotId: await slot('2026-12-02T09:30:00+08:00') })).toEqual({ ok: false, reason: 'slot_in_past' })
    expect(await booking.bookAppointment({ ...PATIENT, slotId: '00000000-0000-0000-0000-000000000000' })).toEqual({ ok: false, reason: 'slot_not_found' })
    expect(await booking.bookAppointment({ ...PATIENT, slotId: 'not-a-uuid' })).toEqual({ ok: false, reason: 'slot_not_found' })
    expect(await booking.bookAppointment({ ...PATIENT, clinicId: 'default', slotId: taken })).toEqual({ ok: false, reason: 'slot_not_found' })
    expect(await booking.bookAppointment({ ...PATIENT, phone: '12345', slotId: taken })).toEqual({ ok: false, reason: 'invalid_phone' })
    expect(await booking.bookAppointment({ ...PATIENT, patientName: 'R2D2', slotId: taken })).toEqual({ ok: false, reason: 'invalid_name' })
  })

  it('looks an appointment up only with both the reference (any case) and the phone', async () => {
    const booked = await booking.bookAppointment({ ...PATIENT, slotId: await slot('2026-12-04T09:00:00+08:00') })
    if (!booked.ok) throw new Error(booked.reason)
    const reference = booked.appointment.reference
    const found = await booking.lookupAppointment({ clinicId: CLINIC, reference: reference.toLowerCase(), phone: '+86 13812345678' })
    expect(found).toMatchObject({ ok: true, appointment: { reference, start: '2026-12-04T09:00:00+08:00' } })
    expect(await booking.lookupAppointment({ clinicId: CLINIC, reference, phone: '13900000000' })).toEqual({ ok: false, reason: 'not_found' })
    expect(await booking.lookupAppointment({ clinicId: CLINIC, reference: 'APT-000000', phone: PATIENT.phone })).toEqual({ ok: false, reason: 'not_found' })
    expect(await booking.lookupAppointment({ clinicId: 'default', reference, phone: PATIENT.phone })).toEqual({ ok: false, reason: 'not_found' })
  })

  it('reschedules atomically: the new slot is booked and the old one freed, or nothing changes', async () => {
    const booked = await booking.bookAppointment({ ...PATIENT, slotId: await slot('2026-12-04T10:00:00+08:00') })
    if (!booked.ok) throw new Error(booked.reason)
    const { reference } = booked.appointment
    const moved = await booking.rescheduleAppointment({ clinicId: CLINIC, reference, phone: PATIENT.phone, newSlotId: await slot('2026-12-04T11:00:00+08:00') })
    expect(moved).toMatchObject({ ok: true, previousStart: '2026-12-04T10:00:00+08:00', appointment: { reference, status: 'rescheduled', start: '2026-12-04T11:00:00+08:00' } })
    const friday = (await booking.findSlots({ clinicId: CLINIC, from: '2026-12-04', to: '2026-12-04', limit: 50 })).map((found) => found.start)
    expect(friday).toContain('2026-12-04T10:00:00+08:00')
    expect(friday).not.toContain('2026-12-04T11:00:00+08:00')

    const taken = await slot('2026-12-03T09:00:00+08:00')
    expect(await booking.rescheduleAppointment({ clinicId: CLINIC, reference, phone: PATIENT.phone, newSlotId: taken })).toEqual({ ok: false, reason: 'slot_taken' })
    expect(await booking.rescheduleAppointment({ clinicId: CLINIC, reference, phone: '13900000000', newSlotId: taken })).toEqual({ ok: false, reason: 'not_found' })
    const unchanged = await booking.lookupAppointment({ clinicId: CLINIC, reference, phone: PATIENT.phone })
    expect(unchanged).toMatchObject({ ok: true, appointment: { start: '2026-12-04T11:00:00+08:00' } })
  })

  it('cancels, frees the slot for another patient, and refuses to cancel twice', async () => {
    const slotId = await slot('2026-12-07T09:00:00+08:00')
    const booked = await booking.bookAppointment({ ...PATIENT, slotId })
    if (!booked.ok) throw new Error(booked.reason)
    const { reference } = booked.appointment
    expect(await booking.cancelAppointment({ clinicId: CLINIC, reference, phone: '13900000000' })).toEqual({ ok: false, reason: 'not_found' })
    expect(await booking.cancelAppointment({ clinicId: CLINIC, reference, phone: PATIENT.phone })).toMatchObject({ ok: true, appointment: { status: 'cancelled' } })
    expect(await booking.cancelAppointment({ clinicId: CLINIC, reference, phone: PATIENT.phone })).toEqual({ ok: false, reason: 'already_cancelled' })
    expect(await booking.rescheduleAppointment({ clinicId: CLINIC, reference, phone: PATIENT.phone, newSlotId: slotId })).toEqual({ ok: false, reason: 'already_cancelled' })

    const rebooked = await booking.bookAppointment({ clinicId: CLINIC, slotId, patientName: 'Li Na', phone: '+1 415 555 0100' })
    expect(rebooked).toMatchObject({ ok: true, appointment: { status: 'booked', start: '2026-12-07T09:00:00+08:00' } })
  })

  it('stops offering and booking slots of an unavailable department', async () => {
    const directory = createClinicDirectoryStore(testDatabase.database)
    const department = await directory.getDepartment(CLINIC, 'general_medicine')
    if (!department) throw new Error('department missing')
    await directory.upsertDepartment({ ...department, available: false })
    try {
      expect(await booking.findSlots({ clinicId: CLINIC })).toEqual([])
      expect(await booking.bookAppointment({ ...PATIENT, slotId: await slot('2026-12-07T11:00:00+08:00') })).toEqual({ ok: false, reason: 'slot_not_found' })
    } finally {
      await directory.upsertDepartment(department)
    }
  })

  it('draws another reference when the first one is already used', async () => {
    const repeating = createBookingService({ db: testDatabase.database, clock, cipher, random: sequence([0, 0, 1]) })
    const first = await repeating.bookAppointment({ ...PATIENT, slotId: await slot('2026-12-07T10:00:00+08:00') })
    const second = await repeating.bookAppointment({ ...PATIENT, slotId: await slot('2026-12-07T10:30:00+08:00') })
    expect(first).toMatchObject({ ok: true, appointment: { reference: 'APT-000000' } })
    expect(second).toMatchObject({ ok: true, appointment: { reference: 'APT-111111' } })
  })
})

// Returns six copies of each value in turn, then the last value forever.
function sequence (values: number[]): (size: number) => Uint8Array {
  let index = 0
  return (size) => new Uint8Array(size).fill(values[Math.min(index++, values.length - 1)] ?? 0)
}
