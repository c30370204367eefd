import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { pino } from 'pino'
import { loadConfig } from '../../src/config.ts'
import { createDependencies, type AppDependencies } from '../../src/deps.ts'
import { buildApp } from '../../src/server/app.ts'
import { loadSampleData } from '../../src/startup/load-sample-data.ts'
import type { Database } from '../../src/db/database.ts'
import { manualClock } from '../helpers/manual-clock.ts'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.ts'
import { startConversation } from '../helpers/conversation-client.ts'

const PATIENTS = 6

// Two service instances on one server PostgreSQL, each with its own pool and job queue: the real
// concurrency of a scaled-out deployment (PGlite has a single connection).
describe.skipIf(testEngine !== 'postgres')('two workers on one database', () => {
  const clock = manualClock('2026-03-27T10:00:00Z')
  let testDatabase: TestDatabase
  let other: Database
  let first: AppDependencies
  let second: AppDependencies

  beforeAll(async () => {
    testDatabase = await createTestDatabase('reminder-two-workers')
    other = await testDatabase.openAnother()
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', RATE_LIMIT_PER_MINUTE: '10000', ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}` })
    const logger = pino({ level: 'silent' })
    first = await createDependencies({ config, database: testDatabase.database, clock, logger })
    second = await createDependencies({ config, database: other, clock, logger })
    await loadSampleData({ database: testDatabase.database, embedder: first.embedder, clock, defaultClinicId: 'default' })
    await testDatabase.database.query("UPDATE clinics SET timezone = 'Europe/London' WHERE id = 'default'")
  })
  afterAll(async () => {
    await other.close()
    await testDatabase.cleanup()
  })

  it('sends every occurrence exactly once while both drain the queue side by side', async () => {
    const app = await buildApp(first, { logger: false })
    const patients = []
    for (let index = 0; index < PATIENTS; index++) {
      const patient = await startConversation(app, { locale: 'en' })
      await patient.say('remind me to take my tablets at 8am and 8pm')
      patients.push(patient)
    }
    // Both instances poll every 30 minutes of clinic time across the daylight-saving change.
    const sentAt: string[] = []
    while (clock.now() < new Date('2026-03-30T00:00:00Z')) {
      clock.advance(30 * 60_000)
      const [a, b] = await Promise.all([first.reminderWorker.tick(), second.reminderWorker.tick()])
      for (let index = 0; index < a.sent + b.sent; index++) sentAt.push(clock.now().toISOString())
    }
    expect(sentAt).toHaveLength(PATIENTS * 5)
    for (const patient of patients) {
      const rows = await testDatabase.database.query<{ created_at: Date }>("SELECT created_at FROM messages WHERE conversation_id = $1 AND kind = 'reminder' ORDER BY created_at", [patient.id])
      expect(rows.rows.map((row) => row.created_at.toISOString())).toEqual([
        '2026-03-27T20:00:00.000Z', '2026-03-28T08:00:00.000Z', '2026-03-28T20:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-29T19:00:00.000Z'
      ])
    }
    await app.close()
  })
})
