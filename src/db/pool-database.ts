import { AsyncLocalStorage } from 'node:async_hooks'
import pg from 'pg'
import type { Database, DatabaseEngine, Queryable, QueryOptions, QueryResult } from './database.ts'

type PoolDatabaseOptions = {
  pool: pg.Pool
  engine: DatabaseEngine
  /** LISTEN as the engine does it (a dedicated connection, or PGlite in process). */
  listen?: Database['listen']
  onClose?: () => Promise<void>
}

/** Wraps a pg.Pool (server PostgreSQL, or PGlite through its node-postgres bridge) as a Database. */
export function createPoolDatabase ({ pool, engine, listen, onClose }: PoolDatabaseOptions): Database {
  // A pool emits 'error' when an idle connection dies (e.g. the server restarts); without a
  // listener that would crash the process instead of failing the next query.
  pool.on('error', () => {})
  // A checked-out client has no listener of the pool's, so a connection the server drops in the
  // middle of a transaction would raise an uncaught 'error'; the failed query reports it instead.
  pool.on('connect', (client) => { client.on('error', () => {}) })

  // The clinic a request works for (withClinic); each instance has its own, nothing is global.
  const clinicScope = new AsyncLocalStorage<string>()

  async function transaction<Result> (fn: (transaction: Queryable) => Promise<Result>): Promise<Result> {
    const clinicId = clinicScope.getStore()
    const client = await pool.connect()
    try {
      // One round trip for both: the setting is a literal (escaped), so the simple protocol takes two statements.
      await client.query(clinicId === undefined ? 'BEGIN' : `BEGIN; SELECT set_config('app.clinic_id', ${pg.escapeLiteral(clinicId)}, true)`)
      const result = await fn({ query: async (text, values, options) => toResult(await client.query(toConfig(text, values, options))) })
      await client.query('COMMIT')
      return result
    } catch (error) {
      // Roll back before releasing: with PGlite's single connection a half-open transaction
      // would poison every later query.
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  // Under a clinic's context a lone query needs a transaction of its own: SET LOCAL lasts for one.
  const query: Queryable['query'] = async (text, values, options) => clinicScope.getStore() === undefined
    ? toResult(await pool.query(toConfig(text, values, options)))
    : transaction((scoped) => scoped.query(text, values, options))

  return {
    engine,
    query,
    transaction,
    withClinic: (clinicId, fn) => clinicScope.run(clinicId, fn),
    currentClinic: () => clinicScope.getStore(),
    async ping () {
      await pool.query('SELECT 1')
    },
    async hasVector () {
      const result = await pool.query("SELECT 1 FROM pg_extension WHERE extname = 'vector'")
      return (result.rowCount ?? 0) > 0
    },
    async listen (channel, handlers) {
      if (!listen) throw new Error('this database was opened without LISTEN support')
      // A notification is for every listener, whichever request's query happened to deliver it.
      const { onNotification, onResync } = handlers
      return listen(channel, {
        onNotification: (payload) => clinicScope.exit(() => onNotification(payload)),
        ...(onResync ? { onResync: () => clinicScope.exit(onResync) } : {})
      })
    },
    async close () {
      await pool.end()
      await onClose?.()
    }
  }
}

function toConfig (text: string, values: unknown[] | undefined, options: QueryOptions | undefined): pg.QueryConfig {
  return { text, ...(values ? { values } : {}), ...(options?.name ? { name: options.name } : {}) }
}

function toResult<Row> (result: pg.QueryResult): QueryResult<Row> {
  return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 }
}

export function quoteIdentifier (name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
