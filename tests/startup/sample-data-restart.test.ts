import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/database.ts'
import { migrate } from '../../src/db/migrate.ts'
import { openDatabase } from '../../src/db/open-database.ts'
import { createOfflineEmbedder } from '../../src/knowledge/embedder.ts'
import { loadSampleData } from '../../src/startup/load-sample-data.ts'
import { fixedClock } from '../appointments/appointment-fixtures.ts'
import { testEngine } from '../helpers/test-database.ts'

// Wed 2 Dec 2026, 08:00 in Shanghai (the sample clinic's zone); the second start is a day later.
const FIRST_START = '2026-12-02T00:00:00Z'
const NEXT_DAY = '2026-12-03T00:00:00Z'

type Counts = { phrases: number, chunks: number, vectors: number, schedules: number, slots: number, lastSlotDay: string }

async function counts (database: Database): Promise<Counts> {
  const vectors = await database.hasVector() ? '(SELECT count(*)::int FROM corpus_vectors)' : '0'
  const result = await database.query<Counts>(`SELECT
    (SELECT count(*)::int FROM corpus_phrase_versions) AS phrases, (SELECT count(*)::int FROM corpus_chunks) AS chunks,
    ${vectors} AS vectors, (SELECT count(*)::int FROM schedules) AS schedules, (SELECT count(*)::int FROM slots) AS slots,
    (SELECT to_char(max(start_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') FROM slots) AS "lastSlotDay"`)
  return result.rows[0]!
}

async function start (dataDir: string, now: string) {
  const database = await openDatabase({ dataDir })
  await migrate(database)
  const sample = await loadSampleData({ database, embedder: createOfflineEmbedder(), clock: fixedClock(now), defaultClinicId: 'default' })
  return { database, sample }
}

// `npm start` twice on the same DATA_DIR: the embedded database on disk (the server PostgreSQL
// keeps its data by itself, and the other tests cover it).
describe.skipIf(testEngine === 'postgres')('a second start on the same data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sample-data-restart-'))
  afterAll(() => { rmSync(dataDir, { recursive: true, force: true }) })

  it('keeps the sample data and duplicates nothing; a day later it adds only the new day of slots', async () => {
    const first = await start(dataDir, FIRST_START)
    const loaded = await counts(first.database)
    await first.database.close()
    expect(first.sample.sampleCorpusLoaded).toBe(true)
    expect(loaded.lastSlotDay).toBe('2026-12-29')
    expect(Math.min(loaded.phrases, loaded.chunks, loaded.schedules, loaded.slots)).toBeGreaterThan(0)
    if (loaded.vectors > 0) expect(loaded.vectors).toBe(loaded.phrases + loaded.chunks)

    const again = await start(dataDir, FIRST_START)
    expect(again.sample.sampleCorpusLoaded).toBe(false)
    expect(await counts(again.database)).toEqual(loaded)
    await again.database.close()

    const nextDay = await start(dataDir, NEXT_DAY)
    const later = await counts(nextDay.database)
    const added = await nextDay.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM slots WHERE (start_at AT TIME ZONE 'Asia/Shanghai')::date = '2026-12-30'")
    await nextDay.database.close()
    expect(later).toEqual({ ...loaded, slots: loaded.slots + added.rows[0]!.n, lastSlotDay: '2026-12-30' })
    // Each of the Wednesday sessions (a fifth of the weekday schedules) has six half-hour slots.
    expect(added.rows[0]!.n).toBe(loaded.schedules / 5 * 6)
  })
})
