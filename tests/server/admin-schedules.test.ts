import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBookingService } from '../../src/appointments/booking-service.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'

const KEY = 'admin-key-for-tests-0123456789'
const base = '/v1/admin/clinics/default'
const headers = { 'x-api-key': KEY }

describe('admin scheduling API', () => {
  let testApp: TestApp
  beforeAll(async () => {
    testApp = await buildTestApp('admin-schedules', { environment: { ADMIN_API_KEY: KEY }, sample: false })
  })
  afterAll(async () => { await testApp.close() })

  const inject = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown, extraHeaders: Record<string, string> = headers) =>
    testApp.app.inject({ method, url, headers: extraHeaders, ...(payload === undefined ? {} : { payload: payload as object }) })

  it('answers 401 without the right x-api-key, before looking at the body', async () => {
    for (const extraHeaders of [{}, { 'x-api-key': 'wrong' }] as Array<Record<string, string>>) {
      const response = await inject('POST', `${base}/schedules`, { nonsense: true }, extraHeaders)
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } })
    }
    expect((await inject('GET', `${base}/departments`, undefined, {})).statusCode).toBe(401)
  })

  it('sets up departments, a doctor, schedules and slots, then lists them', async () => {
    const departments = await inject('PUT', `${base}/departments`, {
      departments: [{ code: 'general_medicine' }, { code: 'andrology', available: false, fallbackCode: 'urology' }, { code: 'urology' }]
    })
    expect(departments.statusCode).toBe(200)
    expect(departments.json().departments).toContainEqual({ code: 'andrology', name: { 'zh-CN': '男科', en: 'Andrology' }, available: false, fallbackCode: 'urology' })
    expect((await inject('GET', `${base}/departments`)).json().departments).toHaveLength(3)

    const doctor = await inject('POST', `${base}/doctors`, { id: 'dr-lin', department: 'general_medicine', name: { 'zh-CN': '林医生', en: 'Dr. Lin' } })
    expect(doctor.statusCode).toBe(201)
    expect(doctor.json().doctor).toMatchObject({ id: 'dr-lin', active: true })

    const schedule = await inject('POST', `${base}/schedules`, { department: 'general_medicine', doctorId: 'dr-lin', weekday: 'thu', startTime: '14:00', endTime: '15:00' })
    expect(schedule.statusCode).toBe(201)
    expect(schedule.json().schedule).toMatchObject({ weekday: 4, startTime: '14:00', endTime: '15:00', slotMinutes: 30, doctorId: 'dr-lin' })

    const imported = await inject('POST', `${base}/schedules/import`, [
      { department: 'urology', weekday: 4, startTime: '09:00', endTime: '10:00', slotMinutes: 20 },
      { department: 'urology', weekday: 5, startTime: '09:00', endTime: '10:00', slotMinutes: 20 }
    ])
    expect(imported.statusCode).toBe(201)
    expect(imported.json().schedules).toHaveLength(2)

    const generated = await inject('POST', `${base}/slots/generate`, { from: '2026-12-03', to: '2026-12-04' })
    expect(generated.json()).toEqual({ created: 2 + 3 + 3, timeZone: 'Asia/Shanghai', days: 2 })

    const slots = await inject('GET', `${base}/slots?department=urology&from=2026-12-03&to=2026-12-03`)
    expect(slots.statusCode).toBe(200)
    expect(slots.json().slots.map((slot: { start: string }) => slot.start)).toEqual(['2026-12-03T09:00:00+08:00', '2026-12-03T09:20:00+08:00', '2026-12-03T09:40:00+08:00'])

    const booking = createBookingService({ db: testApp.testDatabase.database, cipher: testApp.dependencies.cipher, clock: { now: () => new Date('2026-12-01T00:00:00Z') } })
    const booked = await booking.bookAppointment({ clinicId: 'default', slotId: slots.json().slots[1].id, patientName: 'Li Na', phone: '13812345678' })
    expect(booked.ok).toBe(true)
    const appointments = await inject('GET', `${base}/appointments?from=2026-12-01&to=2026-12-31`)
    expect(appointments.statusCode).toBe(200)
    expect(appointments.json().appointments).toMatchObject([
      { status: 'booked', start: '2026-12-03T09:20:00+08:00', department: { code: 'urology' }, patient: { name: 'Li Na', phoneMasked: '+86138****5678' } }
    ])
    const afterBooking = await inject('GET', `${base}/slots?department=urology&from=2026-12-03T09:00:00%2B08:00&to=2026-12-03T09:30:00%2B08:00`)
    expect(afterBooking.json().slots.map((slot: { status: string }) => slot.status)).toEqual(['free', 'booked'])
  })

  it('answers 400 naming the field for invalid input', async () => {
    const cases: Array<[string, string, unknown, RegExp]> = [
      ['PUT', '/departments', { departments: [{ code: 'astrology' }] }, /departments\.0\.code/],
      ['POST', '/doctors', { id: 'dr x', department: 'urology', name: { 'zh-CN': 'x', en: 'x' } }, /id/],
      ['POST', '/schedules', { department: 'urology', weekday: 8, startTime: '09:00', endTime: '10:00' }, /weekday/],
      ['POST', '/schedules', { department: 'urology', weekday: 1, startTime: '9am', endTime: '10:00' }, /startTime/],
      ['POST', '/schedules', { department: 'urology', weekday: 1, startTime: '10:00', endTime: '09:00' }, /endTime/],
      ['POST', '/schedules', { department: 'pediatrics', weekday: 1, startTime: '09:00', endTime: '10:00' }, /no department pediatrics/],
      ['POST', '/schedules', { department: 'urology', doctorId: 'dr-lin', weekday: 1, startTime: '09:00', endTime: '10:00' }, /works in general_medicine/],
      ['POST', '/schedules/import', [], /body/],
      ['POST', '/slots/generate', { from: '3 Dec', to: '2026-12-04' }, /from/],
      ['POST', '/slots/generate', { from: '2026-12-04', to: '2026-12-03' }, /to must not be before from/],
      ['GET', '/slots?from=yesterday&to=2026-12-03', undefined, /from/]
    ]
    for (const [method, path, payload, message] of cases) {
      const response = await inject(method as 'GET', `${base}${path}`, payload)
      expect(response.statusCode, `${method} ${path} ${JSON.stringify(payload)}`).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION_FAILED')
      expect(response.json().error.message).toMatch(message)
    }
  })

  it('answers 404 for an unknown clinic', async () => {
    const response = await inject('GET', '/v1/admin/clinics/nowhere/departments')
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('NOT_FOUND')
  })
})

describe('admin scheduling API without ADMIN_API_KEY', () => {
  it('is off: every request is refused', async () => {
    const testApp = await buildTestApp('admin-schedules-off', { sample: false })
    try {
      const response = await testApp.app.inject({ method: 'GET', url: `${base}/departments`, headers: { 'x-api-key': '' } })
      expect(response.statusCode).toBe(401)
      expect(response.json().error.message).toMatch(/ADMIN_API_KEY/)
    } finally {
      await testApp.close()
    }
  })
})
