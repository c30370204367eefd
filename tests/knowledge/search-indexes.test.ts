import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'

describe('corpus search indexes', () => {
  let testDatabase: TestDatabase
  beforeAll(async () => { testDatabase = await createTestDatabase('search-indexes') })
  afterAll(async () => { await testDatabase.cleanup() })

  // Every search scans a GIN index's pending list in full, and PGlite has no autovacuum to merge it.
  it('keeps the GIN pending lists short', async () => {
    const result = await testDatabase.database.query<{ name: string, options: string[] | null }>(`SELECT relname AS name, reloptions AS options
      FROM pg_class WHERE relname IN ('corpus_phrase_versions_search', 'corpus_chunks_search') AND relnamespace = current_schema()::regnamespace ORDER BY relname`)
    expect(result.rows).toEqual([
      { name: 'corpus_chunks_search', options: ['gin_pending_list_limit=64'] },
      { name: 'corpus_phrase_versions_search', options: ['gin_pending_list_limit=64'] }
    ])
  })
})
