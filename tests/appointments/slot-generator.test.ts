import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScheduleStore } from '../../src/appointments/schedule-store.ts'
import { generateSlots } from '../../src/appointments/slot-generator.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'
import { createClinic } from './appointment-fixtures.ts'

async function listStarts (testDatabase: TestDatabase, clinicId: string, from: string, to: string): Promise<string[]> {
  const slots = await createScheduleStore(testDatabase.database).findSlots({
    clinicId, from: new Date(from), to: new Date(to), bookableOnly: false, limit: 500
  })
  return slots.map((slot) => slot.start)
}

describe('generateSlots', () => {
  let testDatabase: TestDatabase
  beforeAll(async () => {
    testDatabase = await createTestDatabase('slot-generator')
    const db = testDatabase.database
    await createClinic(db, { clinicId: 'new-york', timeZone: 'America/New_York', doctorId: 'dr-ny' })
    await createClinic(db, { clinicId: 'shanghai', timeZone: 'Asia/Shanghai' })
    const schedules = createScheduleStore(db)
    // Friday and Monday mornings around the spring change; Sunday nights across both changes.
    for (const weekday of [1, 5]) {
      await schedules.upsertSchedule({ clinicId: 'new-york', department: 'general_medicine', doctorId: 'dr-ny', weekday, startTime: '09:00', endTime: '10:00', slotMinutes: 30 })
    }
    await schedules.upsertSchedule({ clinicId: 'new-york', department: 'general_medicine', doctorId: 'dr-ny', weekday: 7, startTime: '01:00', endTime: '03:30', slotMinutes: 30 })
    await schedules.upsertSchedule({ clinicId: 'shanghai', department: 'general_medicine', doctorId: null, weekday: 1, startTime: '07:00', endTime: '08:00', slotMinutes: 20 })
  })
  afterAll(async () => { await testDatabase.cleanup() })

  it('keeps local wall-clock times across the US spring DST change and skips the missing hour', async () => {
    const result = await generateSlots({ db: testDatabase.database, clinicId: 'new-york', from: '2026-03-06', to: '2026-03-09' })
    expect(result).toMatchObject({ timeZone: 'America/New_York', days: 4 })
    expect(await listStarts(testDatabase, 'new-york', '2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([
      '2026-03-06T09:00:00-05:00', '2026-03-06T09:30:00-05:00',
      '2026-03-08T01:00:00-05:00', '2026-03-08T01:30:00-05:00',
      // 02:00 and 02:30 do not exist on 8 March; 03:00 is already daylight time.
      '2026-03-08T03:00:00-04:00',
      '2026-03-09T09:00:00-04:00', '2026-03-09T09:30:00-04:00'
    ])
  })

  it('creates one slot for the repeated hour when DST ends, and slots keep their real length', async () => {
    await generateSlots({ db: testDatabase.database, clinicId: 'new-york', from: '2026-11-01', to: '2026-11-01' })
    const slots = await createScheduleStore(testDatabase.database).findSlots({
      clinicId: 'new-york', from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-02T00:00:00Z'), bookableOnly: false, limit: 50
    })
    expect(slots.map((slot) => [slot.start, slot.end])).toEqual([
      ['2026-11-01T01:00:00-04:00', '2026-11-01T01:30:00-04:00'],
      ['2026-11-01T01:30:00-04:00', '2026-11-01T01:00:00-05:00'],
      ['2026-11-01T02:00:00-05:00', '2026-11-01T02:30:00-05:00'],
      ['2026-11-01T02:30:00-05:00', '2026-11-01T03:00:00-05:00'],
      ['2026-11-01T03:00:00-05:00', '2026-11-01T03:30:00-05:00']
    ])
  })

  it('uses the Shanghai calendar day even when the slot falls on the previous UTC day', async () => {
    await generateSlots({ db: testDatabase.database, clinicId: 'shanghai', from: '2026-12-06', to: '2026-12-08' })
    expect(await listStarts(testDatabase, 'shanghai', '2026-12-06T00:00:00Z', '2026-12-09T00:00:00Z')).toEqual([
      '2026-12-07T07:00:00+08:00', '2026-12-07T07:20:00+08:00', '2026-12-07T07:40:00+08:00'
    ])
  })

  it('is idempotent: generating the same window again creates nothing', async () => {
    const again = await generateSlots({ db: testDatabase.database, clinicId: 'new-york', from: '2026-03-06', to: '2026-03-09' })
    expect(again.created).toBe(0)
    const count = await testDatabase.database.query<{ count: string }>("SELECT count(*) FROM slots WHERE clinic_id = 'new-york'")
    expect(Number(count.rows[0]?.count)).toBe(12)
  })

  it('a longer window adds only the missing days, leaving existing slots (and their bookings) as they are', async () => {
    const db = testDatabase.database
    const starts = (from: string, to: string) => listStarts(testDatabase, 'shanghai', from, to)
    // Mondays only: 7, 14 and 21 Dec. The first call covers the 7th, the second the 7th to the 21st.
    await generateSlots({ db, clinicId: 'shanghai', from: '2026-12-07', to: '2026-12-07' })
    await db.query("UPDATE slots SET status = 'booked' WHERE clinic_id = 'shanghai' AND start_at = '2026-12-07T07:20:00+08:00'")
    const longer = await generateSlots({ db, clinicId: 'shanghai', from: '2026-12-07', to: '2026-12-21' })
    expect(longer.created).toBe(2 * 3)
    expect(await starts('2026-12-07T00:00:00+08:00', '2026-12-22T00:00:00+08:00')).toEqual([
      '2026-12-07T07:00:00+08:00', '2026-12-07T07:20:00+08:00', '2026-12-07T07:40:00+08:00',
      '2026-12-14T07:00:00+08:00', '2026-12-14T07:20:00+08:00', '2026-12-14T07:40:00+08:00',
      '2026-12-21T07:00:00+08:00', '2026-12-21T07:20:00+08:00', '2026-12-21T07:40:00+08:00'
    ])
    const booked = await db.query<{ status: string }>("SELECT status FROM slots WHERE clinic_id = 'shanghai' AND start_at = '2026-12-07T07:20:00+08:00'")
    expect(booked.rows).toEqual([{ status: 'booked' }])
  })

  it('refuses an unknown clinic, a reversed window and a window over a year', async () => {
    const db = testDatabase.database
    await expect(generateSlots({ db, clinicId: 'nowhere', from: '2026-01-01', to: '2026-01-02' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(generateSlots({ db, clinicId: 'shanghai', from: '2026-01-02', to: '2026-01-01' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(generateSlots({ db, clinicId: 'shanghai', from: '2026-01-01', to: '2027-06-01' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })
})
