import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate, readMigrations } from '../../src/db/migrate.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'

describe('migration 0016 keeps the reminders set before it', () => {
  let testDatabase: TestDatabase
  beforeAll(async () => { testDatabase = await createTestDatabase('reminder-migration', { migrated: false }) })
  afterAll(async () => { await testDatabase.cleanup() })

  it('turns each daily time of 0007 into a daily schedule, active or stopped as it was', async () => {
    const { database } = testDatabase
    const all = await readMigrations()
    await migrate(database, all.filter((migration) => migration.id < 16))
    await database.query("INSERT INTO conversations (id, clinic_id, channel, locale, token_hash) VALUES ('00000000-0000-4000-8000-000000000001', 'default', 'whatsapp', 'en', '\\x00')")
    await database.query(`INSERT INTO medication_reminders (id, clinic_id, conversation_id, time_of_day, timezone, active, created_at) VALUES
      ('00000000-0000-4000-8000-0000000000a1', 'default', '00000000-0000-4000-8000-000000000001', '08:30', 'Europe/London', true, '2026-11-30T23:30:00Z'),
      ('00000000-0000-4000-8000-0000000000a2', 'default', '00000000-0000-4000-8000-000000000001', '21:00', 'Europe/London', false, '2026-11-30T10:00:00Z')`)
    await migrate(database, all)
    const rows = await database.query<{ id: string, schedule: unknown, status: string, channel: string, locale: string, next_at: Date | null }>('SELECT id, schedule, status, channel, locale, next_at FROM reminders ORDER BY id')
    expect(rows.rows).toEqual([
      { id: '00000000-0000-4000-8000-0000000000a1', schedule: { frequency: 'daily', times: ['08:30'], startDate: '2026-11-30', endDate: null }, status: 'active', channel: 'whatsapp', locale: 'en', next_at: null },
      { id: '00000000-0000-4000-8000-0000000000a2', schedule: { frequency: 'daily', times: ['21:00'], startDate: '2026-11-30', endDate: null }, status: 'stopped', channel: 'whatsapp', locale: 'en', next_at: null }
    ])
    const old = await database.query("SELECT to_regclass('medication_reminders') AS name")
    expect(old.rows[0]).toEqual({ name: null })
  })
})
