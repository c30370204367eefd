export type QueryResult<Row> = { rows: Row[], rowCount: number }

/**
 * A `name` makes the statement a named prepared statement on each connection (parsed and planned
 * once there, then reused): for hot queries only, and one fixed text per name. Implementations may
 * ignore it.
 */
export type QueryOptions = { name?: string | undefined }

/** What store modules need: parameterised SQL, nothing else. */
export type Queryable = {
  query: <Row = Record<string, unknown>>(text: string, values?: unknown[], options?: QueryOptions) => Promise<QueryResult<Row>>
}

export type DatabaseEngine = 'pglite' | 'postgres'

/** What a LISTEN subscriber is told: each NOTIFY payload, and when some may have been missed. */
export type NotificationHandlers = {
  onNotification: (payload: string) => void
  /** After the listening connection was lost and made again: re-read what may have changed. */
  onResync?: () => void
}

/** The one database port: both engines are reached through a pg.Pool. */
export type Database = Queryable & {
  readonly engine: DatabaseEngine
  /** Runs fn inside BEGIN/COMMIT on one connection; rolls back and rethrows on error. */
  transaction: <Result>(fn: (transaction: Queryable) => Promise<Result>) => Promise<Result>
  /**
   * Runs fn with every query and transaction it makes through this database (awaited or started
   * from it) inside a transaction where `app.clinic_id` is clinicId, so row-level security shows
   * and accepts that clinic's rows only (migrations/0021). Use it through withClinicContext.
   */
  withClinic: <Result>(clinicId: string, fn: () => Promise<Result>) => Promise<Result>
  /** The clinic of the surrounding withClinic, if any. */
  currentClinic: () => string | undefined
  /** Resolves when the database answers a trivial query. */
  ping: () => Promise<void>
  /** Whether the pgvector extension is installed in this database (detected, never assumed). */
  hasVector: () => Promise<boolean>
  /**
   * LISTEN on a channel (a plain lower-case identifier). Resolves once listening; the returned
   * function stops. NOTIFY is plain SQL (`SELECT pg_notify($1, $2)` or a trigger), sent at commit.
   */
  listen: (channel: string, handlers: NotificationHandlers) => Promise<() => Promise<void>>
  close: () => Promise<void>
}
