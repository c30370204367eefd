import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'
import type { CorpusContext } from '../../src/knowledge/corpus-context.ts'
import type { Embedder } from '../../src/knowledge/embedder.ts'
import { createRetriever } from '../../src/knowledge/retrieval.ts'
import { searchQuickReplies } from '../../src/knowledge/quick-replies.ts'
import { loadSampleCorpus } from '../../src/knowledge/sample-corpus.ts'
import { corpusContext } from './corpus-fixture.ts'

const SAMPLE_CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url))
const QUESTIONS = ['r u open sunday?', 'how do i file a claim after paying', '看专家号要多少钱', '小孩咳嗽三天了去哪个科']
const localeOf = (text: string) => /\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en'

// Results come from up to three statements (lexical candidates, vector neighbours with their rows,
// rows of the rest): whichever brought a row, it is the approved one and the filters hold.
describe('retrieval paths', () => {
  let testDatabase: TestDatabase
  let context: CorpusContext

  beforeAll(async () => {
    testDatabase = await createTestDatabase('retrieval-paths')
    context = await corpusContext(testDatabase.database)
    await loadSampleCorpus({ ...context, directory: SAMPLE_CORPUS })
  })
  afterAll(async () => { await testDatabase.cleanup() })

  it('degrades to lexical retrieval when the embedder fails', async () => {
    const failing: Embedder = { model: context.embedder.model, embeddings: { embedQuery: () => Promise.reject(new Error('model down')), embedDocuments: () => Promise.reject(new Error('model down')) } }
    const degraded = createRetriever({ db: context.db, embedder: failing, vectorEnabled: context.vectorEnabled })
    const lexical = createRetriever({ db: context.db, embedder: context.embedder, vectorEnabled: false })
    for (const text of QUESTIONS) {
      const request = { clinicId: 'default', locale: localeOf(text), text }
      const items = await degraded.retrieve(request)
      expect(items.length).toBeGreaterThan(0)
      expect(items).toEqual(await lexical.retrieve(request))
    }
  })

  it('returns each phrase as its approved version, within the categories asked for', async () => {
    const retriever = createRetriever({ db: context.db, embedder: context.embedder, vectorEnabled: context.vectorEnabled })
    for (const text of QUESTIONS) {
      const locale = localeOf(text)
      const items = await retriever.retrieve({ clinicId: 'default', locale, text, limit: 8 })
      expect(new Set(items.map((item) => item.group ?? item.documentId)).size).toBe(items.length)
      for (const item of items.filter((entry) => entry.kind === 'phrase')) {
        const approved = await retriever.getApprovedPhrase({ clinicId: 'default', locale, group: item.group! })
        expect({ id: item.id, title: item.title, body: item.body }).toEqual({ id: approved?.id, title: approved?.title, body: approved?.body })
      }
      const triage = await retriever.retrieve({ clinicId: 'default', locale, text, categories: ['triage'], limit: 8 })
      expect(triage.every((item) => item.category === 'triage')).toBe(true)
    }
  })

  it('finds quick replies by a lone typed prefix through the corpus words it begins', async () => {
    const search = (query: string) => searchQuickReplies(context.db, { clinicId: 'default', locale: 'en', query, now: new Date(), limit: 50 })
    expect((await search('cardiol')).map((reply) => reply.group)).toContain('triage.dept.cardiology')
    expect((await search('pls cardiol')).map((reply) => reply.group)).toContain('triage.dept.cardiology')
    expect(await search('zqxj')).toEqual([])
    // Exactly the English phrases with a word starting "dent" (title, body, tags or examples).
    expect((await search('dent')).map((reply) => reply.group).sort()).toEqual(['insurance.coverage_check', 'insurance.exclusions', 'triage.dept.stomatology'])
  })
})
