import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate, readMigrations } from '../../src/db/migrate.ts'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.ts'

describe('migrations', () => {
  let testDatabase: TestDatabase
  beforeAll(async () => { testDatabase = await createTestDatabase('migrate', { migrated: false }) })
  afterAll(async () => { await testDatabase.cleanup() })

  it('applies every migration once, in order, and a second run changes nothing', async () => {
    const all = await readMigrations()
    expect(await migrate(testDatabase.database)).toEqual(all.map((migration) => migration.name))
    expect(await migrate(testDatabase.database)).toEqual([])
    const recorded = await testDatabase.database.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id')
    expect(recorded.rows.map((row) => row.id)).toEqual(all.map((migration) => migration.id))
  })

  it('creates the default clinic and the vector extension only where it exists', async () => {
    const clinics = await testDatabase.database.query<{ id: string }>('SELECT id FROM clinics')
    expect(clinics.rows.map((row) => row.id)).toEqual(['default'])
    expect(await testDatabase.database.hasVector()).toBe(testEngine === 'pglite')
  })

  it('applies only a migration added since the last start (a new release)', async () => {
    const added = { id: 9002, name: '9002_added', sql: 'CREATE TABLE added_later (id int)' }
    expect(await migrate(testDatabase.database, [...await readMigrations(), added])).toEqual(['9002_added'])
    expect(await migrate(testDatabase.database, [...await readMigrations(), added])).toEqual([])
    const table = await testDatabase.database.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'added_later'")
    expect(table.rowCount).toBe(1)
  })

  it('rolls back a failing migration completely and records nothing for it', async () => {
    const broken = [{ id: 9001, name: '9001_broken', sql: 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;' }]
    await expect(migrate(testDatabase.database, broken)).rejects.toThrow(/no_such_table/)
    const table = await testDatabase.database.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'")
    expect(table.rowCount).toBe(0)
    const recorded = await testDatabase.database.query('SELECT 1 FROM schema_migrations WHERE id = 9001')
    expect(recorded.rowCount).toBe(0)
  })
})
