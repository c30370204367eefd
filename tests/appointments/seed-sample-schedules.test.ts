import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_CLINIC_CATALOG, loadClinicCatalog, parseClinicCatalog } from '../../src/appointments/clinic-catalog.ts'
import { createClinicDirectoryStore } from '../../src/appointments/clinic-directory-store.ts'
import { createLocalSchedulingBackend } from '../../src/appointments/scheduling-backend.ts'
import { seedSampleSchedules } from '../../src/appointments/seed-sample-schedules.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'
import { fixedClock } from './appointment-fixtures.ts'
import { testCipher } from '../helpers/test-cipher.ts'

// Wed 2 Dec 2026, 08:00 in Shanghai.
const NOW = '2026-12-02T00:00:00Z'

describe('seedSampleSchedules', () => {
  let testDatabase: TestDatabase
  beforeAll(async () => { testDatabase = await createTestDatabase('seed-schedules') })
  afterAll(async () => { await testDatabase.cleanup() })

  it('reads corpus/clinic.json (or the built-in default) into departments and doctors', async () => {
    const catalog = await loadClinicCatalog()
    expect(catalog.departments.length).toBeGreaterThan(0)
    expect(await loadClinicCatalog('/nonexistent/clinic.json')).toBe(DEFAULT_CLINIC_CATALOG)
    expect(parseClinicCatalog({
      departments: [{ code: 'andrology', available: false }, { code: 'not_a_department' }],
      departmentFallback: { andrology: 'urology' },
      doctors: [{ id: 'dr-a', name: { 'zh-CN': '甲', en: 'A' }, department: 'urology' }]
    })).toEqual({
      timezone: null,
      departments: [{ code: 'andrology', name: { 'zh-CN': '男科', en: 'Andrology' }, available: false, fallbackCode: 'urology' }],
      doctors: [{ id: 'dr-a', name: { 'zh-CN': '甲', en: 'A' }, department: 'urology' }]
    })
  })

  it('creates weekday morning and afternoon 30-minute slots in local time, and is idempotent', async () => {
    const db = testDatabase.database
    const first = await seedSampleSchedules({ db, clinicId: 'default', now: new Date(NOW), days: 7, catalog: DEFAULT_CLINIC_CATALOG })
    // Two doctors, plus department-level schedules for pediatrics and dermatology; never emergency.
    expect(first).toMatchObject({ departments: 5, doctors: 2, schedulesCreated: 4 * 5 * 2 })
    // Wed 2 … Tue 8 Dec has five weekdays; 12 slots a day for each of 4 owners.
    expect(first.slotsCreated).toBe(5 * 12 * 4)

    const again = await seedSampleSchedules({ db, clinicId: 'default', now: new Date(NOW), days: 7, catalog: DEFAULT_CLINIC_CATALOG })
    expect(again).toMatchObject({ schedulesCreated: 0, slotsCreated: 0 })

    const backend = createLocalSchedulingBackend(db, fixedClock(NOW), testCipher())
    const slots = await backend.findSlots({ clinicId: 'default', department: 'general_medicine', from: '2026-12-02', to: '2026-12-02', limit: 50 })
    expect(slots.map((slot) => slot.start.slice(11))).toEqual([
      '09:00:00+08:00', '09:30:00+08:00', '10:00:00+08:00', '10:30:00+08:00', '11:00:00+08:00', '11:30:00+08:00',
      '14:00:00+08:00', '14:30:00+08:00', '15:00:00+08:00', '15:30:00+08:00', '16:00:00+08:00', '16:30:00+08:00'
    ])
    expect(await backend.findSlots({ clinicId: 'default', department: 'emergency' })).toEqual([])
    expect(await backend.findSlots({ clinicId: 'default', from: '2026-12-05', to: '2026-12-06' })).toEqual([])
  })

  it('leaves departments as staff edited them', async () => {
    const db = testDatabase.database
    const directory = createClinicDirectoryStore(db)
    const pediatrics = await directory.getDepartment('default', 'pediatrics')
    if (!pediatrics) throw new Error('pediatrics missing')
    await directory.upsertDepartment({ ...pediatrics, available: false })
    await seedSampleSchedules({ db, clinicId: 'default', now: new Date(NOW), days: 14, catalog: DEFAULT_CLINIC_CATALOG })
    expect(await directory.getDepartment('default', 'pediatrics')).toMatchObject({ available: false })
  })

  it('seeds the shipped sample clinic file', async () => {
    const other = await createTestDatabase('seed-schedules-file')
    try {
      const result = await seedSampleSchedules({ db: other.database, clinicId: 'default', now: new Date(NOW), days: 3 })
      expect(result.slotsCreated).toBeGreaterThan(0)
      const booked = await createLocalSchedulingBackend(other.database, fixedClock(NOW), testCipher()).findSlots({ clinicId: 'default', limit: 1 })
      expect(booked[0]?.start).toBe('2026-12-02T09:00:00+08:00')
    } finally {
      await other.cleanup()
    }
  })
})
