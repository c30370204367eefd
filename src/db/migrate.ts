import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Database } from './database.ts'

export const MIGRATIONS_DIRECTORY = fileURLToPath(new URL('../../migrations/', import.meta.url))

// Any constant works; it only has to be the same for every instance of this service.
const MIGRATION_LOCK_KEY = 727_412_001

export type Migration = { id: number, name: string, sql: string }

export async function readMigrations (directory = MIGRATIONS_DIRECTORY): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file)).sort()
  const migrations = await Promise.all(files.map(async (file) => ({
    id: Number(file.slice(0, 4)),
    name: file.replace(/\.sql$/, ''),
    sql: await readFile(`${directory}/${file}`, 'utf8')
  })))
  const ids = new Set(migrations.map((migration) => migration.id))
  if (ids.size !== migrations.length) throw new Error('two migration files share a number')
  return migrations
}

/**
 * Applies pending migrations in order, each in its own transaction holding an advisory lock,
 * so two instances starting at once apply every migration exactly once.
 * Returns the names applied by this call.
 */
export async function migrate (database: Database, migrations?: Migration[]): Promise<string[]> {
  const known = await appliedMigrationIds(database)
  const pending = (migrations ?? await readMigrations()).filter((migration) => !known.has(migration.id))
  const applied: string[] = []
  for (const migration of pending) {
    const didApply = await database.transaction(async (transaction) => {
      await transaction.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY])
      await transaction.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`)
      // Insert first: if the row exists another instance already applied it.
      const inserted = await transaction.query(
        'INSERT INTO schema_migrations (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [migration.id, migration.name])
      if (inserted.rowCount === 0) return false
      await transaction.query(migration.sql)
      return true
    })
    if (didApply) applied.push(migration.name)
  }
  return applied
}

/**
 * Migrations already recorded, read without the lock: a committed row is final, so only the others
 * go through the locked transaction (which checks again). A restart with nothing pending then costs
 * two small queries instead of a transaction per migration.
 */
async function appliedMigrationIds (database: Database): Promise<Set<number>> {
  // In the schema migrations create tables in (a per-test schema), never one further down the search path.
  const table = await database.query<{ exists: boolean }>("SELECT to_regclass(quote_ident(current_schema()) || '.schema_migrations') IS NOT NULL AS exists")
  if (!table.rows[0]?.exists) return new Set()
  const result = await database.query<{ id: number }>('SELECT id FROM schema_migrations')
  return new Set(result.rows.map((row) => row.id))
}
