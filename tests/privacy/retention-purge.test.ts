import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { manualClock } from '../helpers/manual-clock.ts'
import { createJobQueue } from '../../src/delivery/job-queue.ts'
import { createRetentionPurge, RETENTION_PURGE_JOB } from '../../src/privacy/retention-purge.ts'
import { createBookingService } from '../../src/appointments/booking-service.ts'
import { seedSampleSchedules } from '../../src/appointments/seed-sample-schedules.ts'
import { findPatientTraces } from './patient-data-traces.ts'

const ADMIN_KEY = 'retention-admin-key'
const DAY = 86_400_000
const clock = manualClock('2026-12-01T08:00:00Z')

describe('retention: per-clinic settings and the scheduled purge', () => {
  let testApp: TestApp
  const admin = (method: 'GET' | 'PUT', clinicId: string, payload?: Record<string, unknown>) =>
    testApp.app.inject({ method, url: `/v1/admin/clinics/${clinicId}/retention`, headers: { 'x-api-key': ADMIN_KEY, 'x-actor': 'Director Fang' }, ...(payload ? { payload } : {}) })
  const exists = async (id: string) => (await testApp.testDatabase.database.query('SELECT 1 FROM conversations WHERE id = $1', [id])).rowCount === 1
  const purgeEvents = (clinicId: string, action = 'retention.purged') => testApp.dependencies.audit.list({ clinicId, action })
  const pendingPurgeJobs = async () => (await testApp.testDatabase.database.query<{ run_at: Date }>(
    "SELECT run_at FROM delivery_jobs WHERE kind = $1 AND status = 'queued' ORDER BY run_at", [RETENTION_PURGE_JOB])).rows.map((row) => row.run_at.toISOString())
  /** Lets the clock reach the next scheduled run and the queue run what is due, as the service's poll would. */
  async function runScheduledPurge (): Promise<void> {
    const [next] = await pendingPurgeJobs()
    if (new Date(next!) > clock.now()) clock.set(next!)
    await testApp.dependencies.jobs.drain()
  }

  beforeAll(async () => {
    testApp = await buildTestApp('retention-purge', { clock, environment: { ADMIN_API_KEY: ADMIN_KEY } })
    await testApp.testDatabase.database.query('INSERT INTO clinics (id, name) VALUES (\'other\', \'{"en": "Other Clinic", "zh-CN": "另一家诊所"}\')')
  })
  afterAll(async () => { await testApp.close() })

  it('has documented defaults, and is set through the admin API, validated as a whole and audited', async () => {
    expect((await admin('GET', 'default')).json()).toEqual({ conversationDays: 90, countsDays: 730 })
    const refused = await admin('PUT', 'default', { conversationDays: 800 })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.message).toMatch(/^body\.countsDays: countsDays must be at least conversationDays/)
    expect((await admin('PUT', 'default', { conversationDays: 0 })).statusCode).toBe(400)
    expect((await admin('PUT', 'default', { keepForever: true })).statusCode).toBe(400)
    expect((await admin('GET', 'default')).json()).toEqual({ conversationDays: 90, countsDays: 730 })

    const saved = await admin('PUT', 'default', { conversationDays: 30 })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toEqual({ conversationDays: 30, countsDays: 730 })
    expect((await admin('PUT', 'other', { conversationDays: 60 })).json()).toEqual({ conversationDays: 60, countsDays: 730 })
    expect((await admin('GET', 'nowhere')).statusCode).toBe(404)
    expect((await testApp.app.inject({ method: 'GET', url: '/v1/admin/clinics/default/retention' })).statusCode).toBe(401)
    const [changed] = await testApp.dependencies.audit.list({ clinicId: 'default', action: 'settings.retention_changed' })
    // The bootstrap key acts under its own name: a person's name is no credential.
    expect(changed).toMatchObject({ actor: { kind: 'admin', id: 'ADMIN_API_KEY' }, detail: { before: { conversationDays: 90 }, after: { conversationDays: 30 } } })
  })

  it('purges on schedule what is older than each clinic\'s retention, and only that', async () => {
    const old = await startConversation(testApp.app, { locale: 'en' })
    await old.say('my Wobblefrotz inhaler ran out')
    const otherClinic = await startConversation(testApp.app, { clinicId: 'other', locale: 'en' })
    await otherClinic.say('what are your opening hours?')
    clock.advance(20 * DAY)
    const young = await startConversation(testApp.app, { locale: 'en' })
    await young.say('what are your opening hours?')
    clock.advance(20 * DAY)

    // Every instance queues the next run at start; it is queued once, for the next whole hour.
    await testApp.dependencies.patientData.retentionPurge.start()
    await testApp.dependencies.patientData.retentionPurge.start()
    expect(await pendingPurgeJobs()).toEqual(['2027-01-10T09:00:00.000Z'])
    // A run scheduled for later is no backlog: /health's delivery.pending stays 0.
    expect(await testApp.dependencies.jobs.counts()).toEqual({ pending: 0, dead: 0 })
    await runScheduledPurge()

    expect(await exists(old.id)).toBe(false)
    expect(await exists(young.id)).toBe(true)
    expect(await exists(otherClinic.id)).toBe(true)
    expect(await findPatientTraces(testApp.testDatabase.database, testApp.dependencies.cipher, ['Wobblefrotz'])).toEqual([])
    const [event] = await purgeEvents('default')
    expect(event).toMatchObject({ actor: { kind: 'system', id: 'retention-purge' }, subject: { kind: 'clinic', id: 'default' }, detail: { conversationDays: 30, conversations: 1, conversationIds: [old.id] } })
    expect(await purgeEvents('other')).toEqual([])
    const counts = await testApp.testDatabase.database.query('SELECT clinic_id, day::text AS day, channel, conversations FROM conversation_counts')
    expect(counts.rows).toEqual([{ clinic_id: 'default', day: '2026-12-01', channel: 'web', conversations: 1 }])
    // The run queued the one after it.
    expect(await pendingPurgeJobs()).toEqual(['2027-01-10T10:00:00.000Z'])

    // The other clinic keeps 60 days: its conversation goes once those have passed.
    clock.advance(21 * DAY)
    await runScheduledPurge()
    expect(await exists(otherClinic.id)).toBe(false)
    expect(await purgeEvents('other')).toHaveLength(1)
  })

  it('keeps a conversation whose reminder is still active', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    await patient.say('remind me to take my pills at 9am every day')
    clock.advance(45 * DAY)
    await testApp.dependencies.patientData.retentionPurge.runOnce()
    expect(await exists(patient.id)).toBe(true)
  })

  it('erases in batches, each batch audited with its own counts', async () => {
    const ids: string[] = []
    for (let index = 0; index < 5; index++) ids.push((await startConversation(testApp.app, { clinicId: 'other', locale: 'en' })).id)
    clock.advance(61 * DAY)
    const { database, cipher, audit } = testApp.dependencies
    const batches = createRetentionPurge({ database, cipher, clock, audit, jobs: createJobQueue({ database, clock }), settings: testApp.dependencies.patientData.retentionSettings, batchSize: 2 })
    const before = (await purgeEvents('other')).length
    const results = await batches.runOnce()
    expect(results.find((result) => result.clinicId === 'other')).toMatchObject({ conversations: 5 })
    const events = await purgeEvents('other')
    // Newest first: the last, short batch, then two full ones.
    expect(events.slice(0, events.length - before).map((event) => event.detail.conversations)).toEqual([1, 2, 2])
    for (const id of ids) expect(await exists(id)).toBe(false)
  })

  it('anonymises a booking whose conversation was deleted without an erasure, once the visit is past retention', async () => {
    const { database, cipher } = testApp.dependencies
    await seedSampleSchedules({ db: database, clinicId: 'default', now: clock.now(), days: 7 })
    const slot = await database.query<{ id: string }>("SELECT id FROM slots WHERE clinic_id = 'default' AND status = 'free' AND start_at > $1 ORDER BY start_at LIMIT 1", [clock.now()])
    const patient = await startConversation(testApp.app, { locale: 'en' })
    const booked = await createBookingService({ db: database, clock, cipher }).bookAppointment({ clinicId: 'default', slotId: slot.rows[0]!.id, patientName: 'Ottoline Brackenbury', phone: '13812345670', conversationId: patient.id })
    expect(booked.ok).toBe(true)
    // As a WeChat unsubscribe does: the conversation goes, the booking (and who made it) stays.
    await database.query('DELETE FROM conversations WHERE id = $1', [patient.id])
    const needles = ['Brackenbury', '13812345670']
    await testApp.dependencies.patientData.retentionPurge.runOnce()
    expect(await findPatientTraces(database, cipher, needles)).not.toEqual([])

    clock.advance(40 * DAY)
    await testApp.dependencies.patientData.retentionPurge.runOnce()
    expect(await findPatientTraces(database, cipher, needles)).toEqual([])
    const [event] = await purgeEvents('default')
    expect(event).toMatchObject({ detail: { appointments: 1, conversations: 0 } })
  })

  it('deletes anonymous counts older than countsDays', async () => {
    expect((await admin('PUT', 'default', { countsDays: 60 })).statusCode).toBe(200)
    const before = await testApp.testDatabase.database.query("SELECT count(*)::int AS n FROM conversation_counts WHERE clinic_id = 'default'")
    expect((before.rows[0] as { n: number }).n).toBeGreaterThan(0)
    clock.advance(400 * DAY)
    await testApp.dependencies.patientData.retentionPurge.runOnce()
    const after = await testApp.testDatabase.database.query("SELECT count(*)::int AS n FROM conversation_counts WHERE clinic_id = 'default'")
    expect(after.rows).toEqual([{ n: 0 }])
    const [event] = await purgeEvents('default', 'retention.counts_purged')
    expect(event).toMatchObject({ actor: { kind: 'system', id: 'retention-purge' }, detail: { countsDays: 60, countsRows: (before.rows[0] as { n: number }).n } })
  })
})
