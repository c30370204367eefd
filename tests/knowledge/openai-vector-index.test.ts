import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'
import { embeddingsResponse, startOpenAiLoopbackServer, type OpenAiLoopbackServer } from '../helpers/openai-loopback-server.ts'
import { systemClock } from '../../src/clock.ts'
import type { CorpusContext } from '../../src/knowledge/corpus-context.ts'
import { importPhrases, importPolicies, readPolicyFolder } from '../../src/knowledge/corpus-import.ts'
import { createEmbedder } from '../../src/knowledge/embedder.ts'
import { loadSampleCorpus } from '../../src/knowledge/sample-corpus.ts'
import { FIXTURE_CORPUS } from './corpus-fixture.ts'

// text-embedding-3-small's size; the migrations index only the offline embedder's 256.
const DIMENSIONS = 1536

// With OPENAI_API_KEY set, the first vectors of the model's size come with an HNSW index for that
// size, so vector search does not scan every row until someone runs `corpus reembed`.
describe('the HNSW index for an OpenAI embedding model', () => {
  let server: OpenAiLoopbackServer
  let testDatabase: TestDatabase
  let context: CorpusContext

  beforeAll(async () => {
    server = await startOpenAiLoopbackServer()
    server.handle('/v1/embeddings', (request) => embeddingsResponse(request, DIMENSIONS))
  })
  afterAll(async () => { await server.close() })
  beforeEach(async (test) => {
    testDatabase = await createTestDatabase(`openai-index-${test.task.id}`)
    const embedder = createEmbedder({ apiKey: 'test-key', baseUrl: server.baseUrl, embeddingModel: 'text-embedding-3-small', timeoutMs: 5000 })
    context = { db: testDatabase.database, embedder, vectorEnabled: await testDatabase.database.hasVector(), clock: systemClock }
  })
  afterEach(async (test) => { await testDatabase.cleanup({ keep: test.task.result?.state === 'fail' }) })

  const hnswIndexes = async () => (await context.db.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = 'corpus_vectors' AND indexdef LIKE '% USING hnsw %' ORDER BY indexname`)).rows.map((row) => row.name)

  const vectorSizes = async () => (await context.db.query<{ dimensions: number, n: number }>(
    'SELECT dimensions, count(*)::int AS n FROM corpus_vectors GROUP BY dimensions')).rows

  it('is built by an import of approved phrases, and by one of policies', async () => {
    if (!context.vectorEnabled) return
    expect(await hnswIndexes()).toEqual(['corpus_vectors_hnsw_256'])
    const text = await readFile(join(FIXTURE_CORPUS, 'phrases/sample.jsonl'), 'utf8')
    expect(await importPhrases(context, text, 'jsonl', { author: 'importer', approvedBy: 'reviewer' })).toMatchObject({ created: 6, vectorIndexed: true })
    expect(await hnswIndexes()).toEqual([`corpus_vectors_hnsw_${DIMENSIONS}`, 'corpus_vectors_hnsw_256'])

    await context.db.query(`DROP INDEX corpus_vectors_hnsw_${DIMENSIONS}`)
    const policies = await readPolicyFolder(join(FIXTURE_CORPUS, 'policies'))
    expect(await importPolicies(context, policies, { author: 'importer', approvedBy: 'reviewer' })).toMatchObject({ created: 2, vectorIndexed: true })
    expect(await hnswIndexes()).toEqual([`corpus_vectors_hnsw_${DIMENSIONS}`, 'corpus_vectors_hnsw_256'])
    expect(await vectorSizes()).toEqual([{ dimensions: DIMENSIONS, n: 10 }])
  })

  it('is built by the sample corpus load at first start', async () => {
    if (!context.vectorEnabled) return
    expect(await loadSampleCorpus({ ...context, directory: FIXTURE_CORPUS })).toMatchObject({ loaded: true, phrases: { vectorIndexed: true } })
    expect(await hnswIndexes()).toEqual([`corpus_vectors_hnsw_${DIMENSIONS}`, 'corpus_vectors_hnsw_256'])
    expect(await vectorSizes()).toEqual([{ dimensions: DIMENSIONS, n: 10 }])
  })
})
