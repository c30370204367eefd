import type { Database, Queryable } from '../src/db/database.ts'

export type QueryCounters = {
  queries: number
  transactions: number
  /** Wall time inside query() calls, summed (overlapping calls each count). */
  queryMilliseconds: number
  /** Wall time inside transaction() calls, summed. */
  transactionMilliseconds: number
}

/** Wraps the app's Database to count queries and time them: where a turn's time goes, at concurrency 1. */
export function createTimedDatabase (database: Database): { database: Database, counters: () => QueryCounters } {
  const counters = zero()
  const timedQuery = (queryable: Queryable): Queryable['query'] => async (text, values) => {
    const started = performance.now()
    try {
      return await queryable.query(text, values)
    } finally {
      counters.queries += 1
      counters.queryMilliseconds += performance.now() - started
    }
  }
  const wrapped: Database = {
    engine: database.engine,
    query: timedQuery(database),
    async transaction (fn) {
      const started = performance.now()
      try {
        return await database.transaction((transaction) => fn({ query: timedQuery(transaction) }))
      } finally {
        counters.transactions += 1
        counters.transactionMilliseconds += performance.now() - started
      }
    },
    withClinic: (clinicId, fn) => database.withClinic(clinicId, fn),
    currentClinic: () => database.currentClinic(),
    ping: () => database.ping(),
    hasVector: () => database.hasVector(),
    listen: (channel, handlers) => database.listen(channel, handlers),
    close: () => database.close()
  }
  return { database: wrapped, counters: () => ({ ...counters }) }
}

function zero (): QueryCounters {
  return { queries: 0, transactions: 0, queryMilliseconds: 0, transactionMilliseconds: 0 }
}
