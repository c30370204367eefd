import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBookingService } from '../../src/appointments/booking-service.ts'
import type { Database } from '../../src/db/database.ts'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.ts'
import { createBookableClinic, fixedClock, slotAt } from './appointment-fixtures.ts'
import { testCipher } from '../helpers/test-cipher.ts'

const cipher = testCipher()

const CLINIC = 'concurrent-clinic'
const PATIENTS = 20

// Needs real concurrent connections; PGlite has one connection per process.
describe.skipIf(testEngine !== 'postgres')('two patients booking one slot on the server PostgreSQL', () => {
  let testDatabase: TestDatabase
  let pools: Database[] = []
  const clock = fixedClock('2026-11-30T00:00:00Z')
  beforeAll(async () => {
    testDatabase = await createTestDatabase('booking-concurrency')
    await createBookableClinic(testDatabase.database, CLINIC)
    // Four pools of up to 30 connections: the 20 requests really run side by side.
    pools = await Promise.all([1, 2, 3, 4].map(() => testDatabase.openAnother()))
  })
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.close()))
    await testDatabase.cleanup()
  })

  it('lets exactly one of 20 simultaneous requests book the slot', async () => {
    const slotId = await slotAt(testDatabase.database, CLINIC, '2026-12-03T09:00:00+08:00')
    const results = await Promise.all(Array.from({ length: PATIENTS }, (_, index) => {
      const db = pools[index % pools.length] as Database
      return createBookingService({ db, clock, cipher }).bookAppointment({
        clinicId: CLINIC, slotId, patientName: `Patient ${String.fromCharCode(65 + index)}`, phone: `+86138000000${String(index).padStart(2, '0')}`
      })
    }))
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.filter((result) => !result.ok).map((result) => result.ok ? null : result.reason)).toEqual(Array(PATIENTS - 1).fill('slot_taken'))
    const live = await testDatabase.database.query("SELECT 1 FROM appointments WHERE slot_id = $1 AND status <> 'cancelled'", [slotId])
    expect(live.rowCount).toBe(1)
  })

  it('lets exactly one of 20 simultaneous reschedules move into the same slot, keeping the others where they were', async () => {
    const db = testDatabase.database
    const booking = createBookingService({ db, clock, cipher })
    const starts = ['2026-12-04T09:00:00+08:00', '2026-12-04T09:30:00+08:00', '2026-12-04T10:00:00+08:00', '2026-12-04T10:30:00+08:00', '2026-12-04T11:00:00+08:00',
      '2026-12-04T11:30:00+08:00', '2026-12-07T09:00:00+08:00', '2026-12-07T09:30:00+08:00', '2026-12-07T10:00:00+08:00', '2026-12-07T10:30:00+08:00']
    const references: string[] = []
    for (const [index, start] of starts.entries()) {
      const booked = await booking.bookAppointment({ clinicId: CLINIC, slotId: await slotAt(db, CLINIC, start), patientName: 'Wang Fang', phone: `+861390000000${index}` })
      if (!booked.ok) throw new Error(booked.reason)
      references.push(booked.appointment.reference)
    }
    const target = await slotAt(db, CLINIC, '2026-12-03T11:30:00+08:00')
    const results = await Promise.all(references.map((reference, index) => createBookingService({ db: pools[index % pools.length] as Database, clock, cipher })
      .rescheduleAppointment({ clinicId: CLINIC, reference, phone: `+861390000000${index}`, newSlotId: target })))
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    const booked = await db.query<{ count: string }>("SELECT count(*) FROM slots WHERE clinic_id = $1 AND status = 'booked'", [CLINIC])
    expect(Number(booked.rows[0]?.count)).toBe(1 + references.length)
  })
})
