import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/clock.ts'
import { createJobQueue } from '../../src/delivery/job-queue.ts'
import { readKeyStatus } from '../../src/privacy/key-status.ts'
import { createKeyRotationJob, KEY_ROTATION_JOB } from '../../src/privacy/rotation-job.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'
import { MESSAGE_COUNT, expectEverythingReadable, keyRings, seedPatientData, type SeededData } from './rotation-fixtures.ts'

// The service's own background rotation: queued at start when rows are under an older key, done
// by jobs of the durable queue that each rewrite a share and hand over to the next.
const rings = keyRings()

describe('key rotation as a background job of the durable queue', () => {
  let testDatabase: TestDatabase
  let seeded: SeededData
  beforeAll(async () => {
    testDatabase = await createTestDatabase('rotation-job')
    seeded = await seedPatientData(testDatabase.database, rings.before)
  }, 180_000)
  afterAll(async () => { await testDatabase.cleanup() })

  it('is queued once, runs as a chain of jobs until nothing is under the old key, and is not queued again', async () => {
    const jobs = createJobQueue({ database: testDatabase.database, clock: systemClock, logger: pino({ level: 'silent' }) })
    const rotation = createKeyRotationJob({ jobs, database: testDatabase.database, cipher: rings.during, rowsPerJob: 2500 })
    expect(await rotation.schedule()).toBe(true)
    expect(await rotation.schedule()).toBe(false)
    await jobs.drain()
    const chain = await jobs.list({ kind: KEY_ROTATION_JOB })
    expect(chain.length).toBeGreaterThanOrEqual(Math.ceil(MESSAGE_COUNT / 2500))
    expect(chain.every((job) => job.status === 'done')).toBe(true)
    expect(chain.filter((job) => (job.result as { complete: boolean }).complete)).toHaveLength(1)
    expect((await readKeyStatus(testDatabase.database, rings.during)).complete).toBe(true)
    await expectEverythingReadable(testDatabase.database, rings.after, seeded)
    expect(await rotation.schedule()).toBe(false)
  }, 120_000)
})
