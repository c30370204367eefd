import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuditTrail } from '../../src/privacy/audit-trail.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'

describe('audit trail', () => {
  let testDatabase: TestDatabase
  beforeAll(async () => {
    testDatabase = await createTestDatabase('audit_trail')
    await testDatabase.database.query("INSERT INTO clinics (id, name) VALUES ('other', '{}') ON CONFLICT DO NOTHING")
  })
  afterAll(async () => { await testDatabase.cleanup() })

  it('keeps events per clinic, newest first, filterable by action and actor', async () => {
    const trail = createAuditTrail(testDatabase.database)
    await trail.record({ clinicId: 'default', actor: { kind: 'agent', id: 'a1' }, action: 'conversation.viewed', subject: { kind: 'conversation', id: 'c1' }, ip: '10.0.0.1' })
    await trail.record({ clinicId: 'default', actor: { kind: 'admin', id: 'key-1' }, action: 'settings.changed', subject: { kind: 'settings' } })
    await trail.record({ clinicId: 'other', actor: { kind: 'agent', id: 'a2' }, action: 'conversation.viewed', subject: { kind: 'conversation', id: 'c9' } })

    const all = await trail.list({ clinicId: 'default' })
    expect(all.map((event) => event.action)).toEqual(['settings.changed', 'conversation.viewed'])
    expect(all[1]).toMatchObject({ actor: { kind: 'agent', id: 'a1' }, subject: { kind: 'conversation', id: 'c1' }, ip: '10.0.0.1' })
    expect(await trail.list({ clinicId: 'default', action: 'conversation.viewed' })).toHaveLength(1)
    expect(await trail.list({ clinicId: 'default', actorKind: 'admin' })).toHaveLength(1)
    expect((await trail.list({ clinicId: 'other' })).map((event) => event.subject?.id)).toEqual(['c9'])
  })

  it('refuses to change or delete what was recorded, whoever asks', async () => {
    const { database } = testDatabase
    await expect(database.query("UPDATE audit_events SET action = 'nothing.happened'")).rejects.toThrow(/append-only/)
    await expect(database.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/)
    await expect(database.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/)
    expect((await createAuditTrail(database).list({ clinicId: 'default' })).length).toBeGreaterThan(0)
  })

  it('commits an event with the change it audits, or not at all', async () => {
    const { database } = testDatabase
    const trail = createAuditTrail(database)
    await expect(database.transaction(async (transaction) => {
      await trail.record({ clinicId: 'default', actor: { kind: 'system', id: 'test' }, action: 'rolled.back' }, transaction)
      throw new Error('the audited change failed')
    })).rejects.toThrow('the audited change failed')
    expect(await trail.list({ clinicId: 'default', action: 'rolled.back' })).toHaveLength(0)
  })
})
