import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'
import type { CorpusContext } from '../../src/knowledge/corpus-context.ts'
import { importPhrases, importPolicies, readPolicyFolder } from '../../src/knowledge/corpus-import.ts'
import { exportPhrases } from '../../src/knowledge/corpus-export.ts'
import { corpusIsEmpty, loadSampleCorpus } from '../../src/knowledge/sample-corpus.ts'
import { createRetriever } from '../../src/knowledge/retrieval.ts'
import { corpusStats } from '../../src/knowledge/corpus-stats.ts'
import { reembedCorpus } from '../../src/knowledge/reembed.ts'
import { corpusContext, FIXTURE_CORPUS } from './corpus-fixture.ts'

const count = async (context: CorpusContext) => Number((await context.db.query<{ n: number }>('SELECT count(*)::int AS n FROM corpus_phrase_versions')).rows[0]!.n)

describe('import, export and the sample corpus', () => {
  let testDatabase: TestDatabase
  let context: CorpusContext

  beforeAll(async () => {
    testDatabase = await createTestDatabase('corpus-import')
    context = await corpusContext(testDatabase.database)
  })
  afterAll(async () => { await testDatabase.cleanup() })

  it('loads the sample corpus as approved into an empty corpus only, and answers with citations', async () => {
    expect(await corpusIsEmpty(context.db)).toBe(true)
    const load = await loadSampleCorpus({ ...context, directory: FIXTURE_CORPUS })
    expect(load).toMatchObject({ loaded: true, phrases: { created: 6 }, policies: { created: 2 } })
    expect(await loadSampleCorpus({ ...context, directory: FIXTURE_CORPUS })).toEqual({ loaded: false })
    const retriever = createRetriever({ db: context.db, embedder: context.embedder, vectorEnabled: context.vectorEnabled })
    const emergency = await retriever.getApprovedPhrase({ clinicId: 'default', locale: 'zh-CN', group: 'safety.emergency' })
    expect(emergency).toMatchObject({ author: 'sample-import', reviewer: 'sample-review', status: 'approved' })
    const [top] = await retriever.retrieve({ clinicId: 'default', locale: 'zh-CN', text: '心跳很快怎么办' })
    expect(top).toMatchObject({ group: 'triage.dept.cardiology', version: 1, title: '心内科', department: 'cardiology', sourceRef: 'Fixture' })
    const [policy] = await retriever.retrieve({ clinicId: 'default', locale: 'en', text: 'how much is the deductible', categories: ['insurance'] })
    expect(policy).toMatchObject({ kind: 'chunk', documentKey: 'basic-plan', version: 1, sectionPath: 'Basic Plan > Deductible' })
    expect((await corpusStats(context)).approvedChunks).toBe(4)
  })

  it('gives every approved phrase and policy chunk of the sample one vector, and keeps the HNSW index', async () => {
    if (!context.vectorEnabled) return
    const vectors = await context.db.query<{ kind: string, n: number }>(
      'SELECT owner_kind AS kind, count(*)::int AS n FROM corpus_vectors GROUP BY owner_kind ORDER BY owner_kind')
    expect(vectors.rows).toEqual([{ kind: 'chunk', n: 4 }, { kind: 'phrase', n: 6 }])
    const indexes = await context.db.query<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE tablename = 'corpus_vectors' ORDER BY indexname")
    expect(indexes.rows.map((row) => row.name)).toEqual(['corpus_vectors_hnsw_256', 'corpus_vectors_model', 'corpus_vectors_pkey'])
  })

  it('re-importing the same files changes nothing', async () => {
    const before = await count(context)
    const text = await readFile(join(FIXTURE_CORPUS, 'phrases/sample.jsonl'), 'utf8')
    expect(await importPhrases(context, text, 'jsonl', { author: 'sample-import', approvedBy: 'sample-review' })).toMatchObject({ created: 0, updated: 0, unchanged: 6 })
    expect(await importPolicies(context, await readPolicyFolder(join(FIXTURE_CORPUS, 'policies')), { author: 'x' })).toMatchObject({ unchanged: 2 })
    expect(await count(context)).toBe(before)
  })

  it('round-trips export and import in JSONL and CSV without creating versions', async () => {
    const before = await count(context)
    for (const format of ['jsonl', 'csv'] as const) {
      const exported = await exportPhrases(context.db, format)
      expect(await importPhrases(context, exported, format, { author: 'someone' })).toMatchObject({ created: 0, updated: 0, unchanged: 6 })
    }
    expect(await count(context)).toBe(before)
  })

  it('rejects a bad file naming line, field and reason, and stores nothing', async () => {
    const before = await count(context)
    const text = [
      '{"group":"info.new_one","locale":"en","category":"info","title":"New","body":"A new phrase."}',
      '{"group":"info.bad","locale":"en","category":"gossip","title":"Bad","body":"x"}',
      'not json',
      '{"group":"info.new_one","locale":"en","category":"info","title":"Again","body":"dup"}'
    ].join('\n')
    const error = await importPhrases(context, text, 'jsonl', { author: 'alice' }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' })
    const problems = (error as { details: { errors: Array<{ line: number, field: string }> } }).details.errors
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([[2, 'category'], [3, '(line)'], [4, 'group']])
    expect((error as Error).message).toContain('line 2, category')
    expect(await count(context)).toBe(before)
  })

  it('imports CSV written by Excel (BOM, CRLF, quoted newlines) as drafts', async () => {
    const csv = '\uFEFFgroup,locale,category,title,body,examples,tags\r\ninfo.csv_one,en,info,From CSV,"First line\r\nsecond line",how are you|what now,a|b\r\n'
    expect(await importPhrases(context, csv, 'csv', { author: 'alice' })).toMatchObject({ created: 1 })
    const exported = await exportPhrases(context.db, 'jsonl', { status: 'draft' })
    expect(JSON.parse(exported.trim())).toMatchObject({ group: 'info.csv_one', body: 'First line\r\nsecond line', examples: ['how are you', 'what now'], tags: ['a', 'b'] })
    const bad = '\uFEFFgroup,locale,category,title,body\r\ninfo.ok,en,info,T,B\r\nBAD KEY,en,info,T,"multi\nline"\r\ninfo.x,en,info,,B\r\n'
    await expect(importPhrases(context, bad, 'csv', { author: 'alice' })).rejects.toMatchObject({
      details: { errors: [{ line: 3, field: 'group' }, { line: 5, field: 'title' }] }
    })
  })

  it('re-embeds resumably (only what is missing for the current model)', async () => {
    if (!context.vectorEnabled) {
      await expect(reembedCorpus(context)).rejects.toThrow(/pgvector is not installed/)
      return
    }
    await context.db.query("UPDATE corpus_vectors SET model = 'old-model' WHERE owner_kind = 'phrase'")
    const report = await reembedCorpus(context)
    expect(report).toMatchObject({ phrases: 6, chunks: 0, model: 'hashed-ngram-v1', removedOtherModels: 0 })
    expect(await reembedCorpus(context)).toMatchObject({ phrases: 0, chunks: 0 })
  })
})
