import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrate, readMigrations } from '../../src/db/migrate.ts'
import type { Database } from '../../src/db/database.ts'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.ts'

// Needs real concurrent connections; PGlite has one connection per process.
describe.skipIf(testEngine !== 'postgres')('concurrent start on the server PostgreSQL', () => {
  let testDatabase: TestDatabase
  let others: Database[] = []
  beforeAll(async () => {
    testDatabase = await createTestDatabase('migrate-concurrent', { migrated: false })
    others = await Promise.all([testDatabase.openAnother(), testDatabase.openAnother(), testDatabase.openAnother()])
  })
  afterAll(async () => {
    await Promise.all(others.map((database) => database.close()))
    await testDatabase.cleanup()
  })

  it('applies each migration exactly once when four instances migrate at the same moment', async () => {
    const results = await Promise.all([testDatabase.database, ...others].map((database) => migrate(database)))
    const all = (await readMigrations()).map((migration) => migration.name)
    expect(results.flat().sort()).toEqual([...all].sort())
    const recorded = await testDatabase.database.query('SELECT id FROM schema_migrations')
    expect(recorded.rowCount).toBe(all.length)
  })
})
