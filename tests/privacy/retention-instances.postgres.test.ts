import { randomBytes } from 'node:crypto'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import type { Database } from '../../src/db/database.ts'
import { createDependencies, type AppDependencies } from '../../src/deps.ts'
import { RETENTION_PURGE_JOB } from '../../src/privacy/retention-purge.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { manualClock } from '../helpers/manual-clock.ts'
import { testEngine } from '../helpers/test-database.ts'

const DAY = 86_400_000
const CONVERSATIONS = 12
const ENVIRONMENT = { ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}` }
const clock = manualClock('2026-12-01T08:00:00Z')

// Needs real concurrent connections and a second instance: PGlite has one connection per process.
describe.skipIf(testEngine !== 'postgres')('the retention purge on two service instances at once', () => {
  let first: TestApp
  let secondDatabase: Database
  let second: AppDependencies
  const database = () => first.testDatabase.database

  beforeAll(async () => {
    first = await buildTestApp('retention-instances', { clock, environment: ENVIRONMENT })
    secondDatabase = await first.testDatabase.openAnother()
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', ...ENVIRONMENT })
    second = await createDependencies({ config, database: secondDatabase, clock, logger: pino({ level: 'silent' }) })
    await database().query("UPDATE clinics SET settings = settings || '{\"retention\":{\"conversationDays\":30}}' WHERE id = 'default'")
  })
  afterAll(async () => {
    await secondDatabase?.close()
    await first?.close()
  })

  it('erases each expired conversation once when both instances purge together, in disjoint batches', async () => {
    const ids: string[] = []
    for (let index = 0; index < CONVERSATIONS; index++) ids.push((await startConversation(first.app, { locale: 'en' })).id)
    clock.advance(31 * DAY)
    const results = await Promise.all([first.dependencies.patientData.retentionPurge.runOnce(), second.patientData.retentionPurge.runOnce()])
    const erased = results.flat().filter((result) => result.clinicId === 'default').reduce((sum, result) => sum + result.conversations, 0)
    expect(erased).toBe(CONVERSATIONS)
    const remaining = await database().query('SELECT count(*)::int AS n FROM conversations WHERE id = ANY($1::uuid[])', [ids])
    expect(remaining.rows).toEqual([{ n: 0 }])
    const events = await first.dependencies.audit.list({ clinicId: 'default', action: 'retention.purged' })
    const audited = events.flatMap((event) => event.detail.conversationIds as string[])
    expect(audited.sort()).toEqual([...ids].sort())
    const counts = await database().query<{ n: number }>("SELECT sum(conversations)::int AS n FROM conversation_counts WHERE clinic_id = 'default'")
    expect(counts.rows[0]!.n).toBe(CONVERSATIONS)
  })

  it('queues one scheduled run for both instances, and runs it once', async () => {
    await Promise.all([first.dependencies.patientData.retentionPurge.start(), second.patientData.retentionPurge.start()])
    const queued = await database().query<{ run_at: Date }>("SELECT run_at FROM delivery_jobs WHERE kind = $1 AND status = 'queued'", [RETENTION_PURGE_JOB])
    expect(queued.rows).toHaveLength(1)
    clock.set(queued.rows[0]!.run_at)
    const ran = await Promise.all([first.dependencies.jobs.drain(), second.jobs.drain()])
    expect(ran[0] + ran[1]).toBe(1)
    const next = await database().query<{ run_at: Date }>("SELECT run_at FROM delivery_jobs WHERE kind = $1 AND status = 'queued'", [RETENTION_PURGE_JOB])
    expect(next.rows.map((row) => row.run_at.getTime())).toEqual([queued.rows[0]!.run_at.getTime() + 3_600_000])
  })
})
