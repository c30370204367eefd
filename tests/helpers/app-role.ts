import type { Database } from '../../src/db/database.ts'
import { quoteIdentifier } from '../../src/db/pool-database.ts'

/**
 * A role like the one README ("Clinic isolation") tells operators to run the service as: not a
 * superuser, not the tables' owner, no BYPASSRLS, so row-level security applies to it. Roles are
 * cluster-wide on the server PostgreSQL: every test file shares this one and grants it its schema.
 */
export const APP_ROLE = 'triage_app_test'

/** Creates the role if missing and grants it what README's SQL grants, on the database's current schema. */
export async function grantAppRole (database: Database, role = APP_ROLE): Promise<void> {
  const name = quoteIdentifier(role)
  // Two test files may create it at once: the loser's error is the same as "already there".
  await database.query(`DO $$ BEGIN CREATE ROLE ${name} LOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`)
  const schema = quoteIdentifier((await database.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema)
  await database.query(`GRANT USAGE ON SCHEMA ${schema} TO ${name}`)
  await database.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${name}`)
  await database.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${name}`)
}
