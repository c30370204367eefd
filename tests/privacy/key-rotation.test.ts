import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuditTrail } from '../../src/privacy/audit-trail.ts'
import { rotateKeys } from '../../src/privacy/key-rotation.ts'
import { readKeyStatus } from '../../src/privacy/key-status.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'
import { MESSAGE_COUNT, expectEverythingReadable, keyRings, seedPatientData, type SeededData } from './rotation-fixtures.ts'

const rings = keyRings()

describe('key rotation over 10,000 messages, interrupted and resumed', () => {
  let testDatabase: TestDatabase
  let seeded: SeededData
  beforeAll(async () => {
    testDatabase = await createTestDatabase('key-rotation')
    seeded = await seedPatientData(testDatabase.database, rings.before)
  }, 180_000)
  afterAll(async () => { await testDatabase.cleanup() })

  const messageKeys = async () => (await readKeyStatus(testDatabase.database, rings.during)).fields.find((field) => field.table === 'messages')!.byKey

  it('stops between batches when aborted, keeps what it committed, and reports the rest as pending', async () => {
    expect(await messageKeys()).toEqual({ k1: MESSAGE_COUNT })
    const controller = new AbortController()
    const progress: Array<{ table: string, done: number, total: number }> = []
    const result = await rotateKeys({
      database: testDatabase.database,
      cipher: rings.during,
      batchSize: 500,
      signal: controller.signal,
      audit: createAuditTrail(testDatabase.database),
      onProgress: (step) => {
        progress.push(step)
        if (step.table === 'messages' && step.done >= 3000) controller.abort()
      }
    })
    expect(result).toMatchObject({ complete: false, aborted: true })
    expect(result.remaining.messages).toBe(MESSAGE_COUNT - 3000)
    expect(progress.filter((step) => step.table === 'messages').map((step) => step.done)).toEqual([500, 1000, 1500, 2000, 2500, 3000])
    expect(progress.at(-1)).toMatchObject({ total: MESSAGE_COUNT })
    expect(await messageKeys()).toEqual({ k1: MESSAGE_COUNT - 3000, k2: 3000 })
    const status = await readKeyStatus(testDatabase.database, rings.during)
    expect(status.complete).toBe(false)
    // Half-way, both keys are needed and every message still reads.
    await expectEverythingReadable(testDatabase.database, rings.during, seeded)
  }, 120_000)

  it('resumes where it stopped and finishes: everything under the new key, readable with the new key alone', async () => {
    const result = await rotateKeys({ database: testDatabase.database, cipher: rings.during, audit: createAuditTrail(testDatabase.database) })
    expect(result).toMatchObject({ complete: true, aborted: false, remaining: {} })
    // Only what was left is rewritten: the first 3,000 messages are not done twice.
    expect(result.rewritten.messages).toBe(MESSAGE_COUNT - 3000)
    expect(await messageKeys()).toEqual({ k2: MESSAGE_COUNT })
    const status = await readKeyStatus(testDatabase.database, rings.during)
    expect(status.complete).toBe(true)
    for (const field of status.fields) {
      const keyIds = Object.keys(field.byKey)
      if (!field.oneWay) expect(keyIds.every((keyId) => keyId === 'k2'), `${field.table} ${field.field} ${field.kind}`).toBe(true)
      expect(field.plaintext).toBe(0)
    }
    expect(status.fields.find((field) => field.table === 'appointments' && field.kind === 'lookup hash')!.byKey).toEqual({ k2: 1 })
    await expectEverythingReadable(testDatabase.database, rings.after, seeded)
    // A second run finds nothing to do.
    expect(await rotateKeys({ database: testDatabase.database, cipher: rings.during })).toEqual({ complete: true, aborted: false, rewritten: {}, remaining: {} })
  }, 120_000)

  it('records each run in the audit trail, as the system', async () => {
    const events = await testDatabase.database.query<{ action: string, actor_kind: string, subject_id: string }>(
      "SELECT action, actor_kind, subject_id FROM audit_events WHERE action LIKE 'encryption.%' ORDER BY id")
    expect(events.rows).toEqual([
      { action: 'encryption.rotation_started', actor_kind: 'system', subject_id: 'k2' },
      { action: 'encryption.rotation_interrupted', actor_kind: 'system', subject_id: 'k2' },
      { action: 'encryption.rotation_started', actor_kind: 'system', subject_id: 'k2' },
      { action: 'encryption.rotation_finished', actor_kind: 'system', subject_id: 'k2' }
    ])
  })

  it('the old key alone opens nothing any more: a clear error names the key, never plaintext', async () => {
    const { createConversationStore } = await import('../../src/conversations/conversation-store.ts')
    const stale = createConversationStore(testDatabase.database, rings.before)
    await expect(stale.listMessages(seeded.conversationId, 1)).rejects.toMatchObject({
      name: 'CipherError', code: 'ENCRYPTION_KEY_MISSING', message: expect.stringContaining('"k2", which is not in the key ring')
    })
  })
})
