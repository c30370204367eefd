import { createHash, randomBytes } from 'node:crypto'
import pg from 'pg'
import type { Database } from '../../src/db/database.ts'
import { openDatabase, openEmbeddedDatabase } from '../../src/db/open-database.ts'
import { migrate } from '../../src/db/migrate.ts'
import { quoteIdentifier } from '../../src/db/pool-database.ts'

export type TestEngine = 'pglite' | 'postgres'

export const testEngine: TestEngine = process.env.TEST_DB_ENGINE === 'postgres' ? 'postgres' : 'pglite'
export const serverDatabaseUrl = process.env.TEST_DATABASE_URL

export type TestDatabase = {
  database: Database
  /** Opens another connection pool on the same database/schema (server PostgreSQL only). */
  openAnother: () => Promise<Database>
  /**
   * The same database acting as a role (a non-superuser app role, for row-level security): a new
   * pool whose connections SET ROLE on the server; on PGlite the one session SETs ROLE (the
   * returned database is the same object, and the role stays until RESET ROLE).
   */
  openAs: (role: string) => Promise<Database>
  /** Drops the schema unless keep is true (kept for inspection when a test failed). */
  cleanup: (options?: { keep?: boolean }) => Promise<void>
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new schema on the server
 * PostgreSQL named after the test so parallel runs never collide.
 */
export async function createTestDatabase (name: string, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const database = testEngine === 'postgres' ? undefined : await openEmbeddedDatabase('memory://')
  if (database) {
    if (options.migrated !== false) await migrate(database)
    return {
      database,
      openAnother: () => { throw new Error('PGlite has a single connection') },
      async openAs (role) {
        await database.query(`SET ROLE ${quoteIdentifier(role)}`)
        return database
      },
      cleanup: () => database.close()
    }
  }
  return createServerTestDatabase(name, options)
}

async function createServerTestDatabase (name: string, options: { migrated?: boolean }): Promise<TestDatabase> {
  if (!serverDatabaseUrl) throw new Error('TEST_DATABASE_URL is required for the postgres test engine')
  const schema = `t_${name.replace(/[^a-z0-9]+/gi, '_').slice(0, 30)}_${createHash('sha1').update(randomBytes(8)).digest('hex').slice(0, 8)}`.toLowerCase()
  await withAdminClient((client) => client.query(`CREATE SCHEMA ${schema}`))
  const open = () => openDatabase({ databaseUrl: serverDatabaseUrl, dataDir: '', poolSize: 30, searchPath: schema })
  const database = await open()
  if (options.migrated !== false) await migrate(database)
  return {
    database,
    openAnother: open,
    openAs: (role) => openDatabase({ databaseUrl: serverDatabaseUrl, dataDir: '', poolSize: 30, searchPath: schema, role }),
    async cleanup ({ keep = false } = {}) {
      await database.close()
      if (!keep) await withAdminClient((client) => client.query(`DROP SCHEMA ${schema} CASCADE`))
    }
  }
}

async function withAdminClient (fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: serverDatabaseUrl })
  await client.connect()
  try {
    await fn(client)
  } finally {
    await client.end()
  }
}
