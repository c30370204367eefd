import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/database.ts'
import { openDatabase } from '../../src/db/open-database.ts'
import { testEngine } from '../helpers/test-database.ts'
import { eventually } from '../helpers/eventually.ts'
import { createTemporaryPostgres, temporaryPostgresUnavailableReason, type TemporaryPostgres } from '../helpers/temporary-postgres.ts'

// The LISTEN connection that feeds every SSE stream must outlive a database restart. This runs on
// a private throwaway cluster, never the shared one on 5432.
const unavailable = testEngine === 'postgres' ? temporaryPostgresUnavailableReason() : null

describe.skipIf(testEngine !== 'postgres')('the LISTEN connection across a server restart', () => {
  if (unavailable) {
    it.skip(`needs a private PostgreSQL cluster: ${unavailable}`, () => {})
    return
  }
  let server: TemporaryPostgres
  let database: Database

  beforeAll(async () => {
    server = await createTemporaryPostgres()
    database = await openDatabase({ databaseUrl: server.url, dataDir: '' })
  }, 120_000)
  afterAll(async () => {
    await database?.close()
    await server?.destroy()
  })

  it('reconnects by itself, tells its subscribers to re-read, and delivers what is sent afterwards', async () => {
    const payloads: string[] = []
    let resyncs = 0
    await database.listen('conv_events_public', { onNotification: (payload) => payloads.push(payload), onResync: () => { resyncs += 1 } })
    await database.query("SELECT pg_notify('conv_events_public', 'before')")
    await eventually(async () => payloads.includes('before'), 'the first notification')

    await server.stop()
    await server.start()
    await eventually(async () => resyncs > 0, 'the resync after reconnecting')
    await database.query("SELECT pg_notify('conv_events_public', 'after')")
    await eventually(async () => payloads.includes('after'), 'a notification after the restart')
    expect(payloads).toEqual(['before', 'after'])
  }, 120_000)
})
