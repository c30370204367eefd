import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'
import type { CorpusContext } from '../../src/knowledge/corpus-context.ts'
import { loadSampleCorpus } from '../../src/knowledge/sample-corpus.ts'
import { corpusContext, FIXTURE_CORPUS } from './corpus-fixture.ts'

type Stored = { phrases: number, documents: number, chunks: number, vectors: number }

async function stored (context: CorpusContext): Promise<Stored> {
  const vectors = context.vectorEnabled ? '(SELECT count(*)::int FROM corpus_vectors)' : '0'
  const result = await context.db.query<Stored>(`SELECT (SELECT count(*)::int FROM corpus_phrase_versions) AS phrases,
    (SELECT count(*)::int FROM corpus_document_versions) AS documents, (SELECT count(*)::int FROM corpus_chunks) AS chunks, ${vectors} AS vectors`)
  return result.rows[0]!
}

// The fixture corpus: 6 phrases, 2 policy documents of 4 chunks, and a vector for each phrase and chunk.
const everything = (context: CorpusContext): Stored => ({ phrases: 6, documents: 2, chunks: 4, vectors: context.vectorEnabled ? 10 : 0 })
const nothing: Stored = { phrases: 0, documents: 0, chunks: 0, vectors: 0 }

// A first start that fails half-way must leave the corpus empty, or the next start (which loads
// into an empty corpus only) would never load the rest.
describe('loading the sample corpus is all or nothing', () => {
  let testDatabase: TestDatabase
  let context: CorpusContext
  let directory: string

  beforeEach(async (test) => {
    testDatabase = await createTestDatabase(`sample-load-${test.task.id}`)
    context = await corpusContext(testDatabase.database)
    directory = mkdtempSync(join(tmpdir(), 'sample-corpus-'))
    cpSync(FIXTURE_CORPUS, directory, { recursive: true })
  })
  afterEach(async (test) => {
    rmSync(directory, { recursive: true, force: true })
    await testDatabase.cleanup({ keep: test.task.result?.state === 'fail' })
  })

  it('stores no phrase when a policy file is broken, and everything once it is fixed', async () => {
    const broken = join(directory, 'policies', 'en', 'broken.md')
    writeFileSync(broken, '---\nid: Not A Valid Id\n---\n# Broken\n\nText.\n')
    await expect(loadSampleCorpus({ ...context, directory })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: /broken\.md/ })
    expect(await stored(context)).toEqual(nothing)

    rmSync(broken)
    expect(await loadSampleCorpus({ ...context, directory })).toMatchObject({ loaded: true, phrases: { created: 6 }, policies: { created: 2 } })
    expect(await stored(context)).toEqual(everything(context))
  })

  it.each(['corpus_chunks', 'corpus_vectors'])('stores nothing when the database refuses a later write (into %s), and everything on the next start', async (table) => {
    if (table === 'corpus_vectors' && !context.vectorEnabled) return
    await context.db.query(`CREATE FUNCTION refuse_write () RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$`)
    await context.db.query(`CREATE TRIGGER refuse_write BEFORE INSERT ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_write()`)
    await expect(loadSampleCorpus({ ...context, directory })).rejects.toThrow(/refused by the test/)
    expect(await stored(context)).toEqual(nothing)

    await context.db.query(`DROP TRIGGER refuse_write ON ${table}`)
    expect(await loadSampleCorpus({ ...context, directory })).toMatchObject({
      loaded: true, phrases: { created: 6, vectorIndexed: true }, policies: { created: 2, vectorIndexed: true }
    })
    expect(await stored(context)).toEqual(everything(context))
    expect(await loadSampleCorpus({ ...context, directory })).toEqual({ loaded: false })
  })
})
