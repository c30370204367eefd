import type { Queryable } from './database.ts'

/**
 * Why PostgreSQL's row-level security (clinic isolation, migrations/0021) does not apply to the
 * role this connection acts as, or null when it does: superusers and BYPASSRLS roles skip every
 * policy, so the service must run as neither (README, "Clinic isolation").
 */
export async function rowSecurityBypass (database: Queryable): Promise<string | null> {
  const result = await database.query<{ role: string, superuser: boolean, bypass: boolean }>(
    'SELECT current_user AS role, rolsuper AS superuser, rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user')
  const row = result.rows[0]
  if (!row || (!row.superuser && !row.bypass)) return null
  return `the database role "${row.role}" ${row.superuser ? 'is a superuser' : 'has BYPASSRLS'}: row-level security does not separate clinics for it; run the service as a role that is neither (README, "Clinic isolation")`
}
