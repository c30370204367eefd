import type { Database, Queryable } from './database.ts'

/** Sets the clinic of the current transaction only (is_local = true), for the row-level security of migrations/0021. */
const SET_CLINIC_CONTEXT = "SELECT set_config('app.clinic_id', $1, true)"

/**
 * Runs fn for one clinic: every query and transaction it makes through `database` (including the
 * stores built on it) runs in a transaction with `app.clinic_id` set, so PostgreSQL's row-level
 * security returns and accepts that clinic's rows alone, even where a query lacks its
 * `clinic_id` filter. Nested calls take the innermost clinic.
 *
 * The policies are enforced only for a role that is not a superuser and has no BYPASSRLS: see
 * README, "Clinic isolation".
 */
export async function withClinicContext<Result> (database: Database, clinicId: string, fn: () => Promise<Result>): Promise<Result> {
  // Empty is what the policies read as "every clinic" (platform work): never a request's context.
  if (clinicId === '') throw new Error('withClinicContext needs a clinic id')
  return database.withClinic(clinicId, fn)
}

/** The same for a transaction already open (its first statement should be this). */
export async function setClinicContext (transaction: Queryable, clinicId: string): Promise<void> {
  await transaction.query(SET_CLINIC_CONTEXT, [clinicId])
}
