// Benchmark, never a test: p50/p95 latency of retrieval and quick-reply search at 1k, 10k and 100k
// approved phrases on in-memory PGlite (with pgvector), and the 100k/1k growth ratio.
// Phrases are the sample corpus repeated with distinct groups and a few random extra words, so
// common tokens match many rows, as in a real multi-clinic corpus. Results: bench/results/retrieval.json.
import { randomUUID } from 'node:crypto'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import pg from 'pg'
import { PGlite } from '@electric-sql/pglite'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { vector } from '@electric-sql/pglite-pgvector'
import { createPoolDatabase } from '../src/db/pool-database.ts'
import { migrate } from '../src/db/migrate.ts'
import type { Database } from '../src/db/database.ts'
import { createOfflineEmbedder } from '../src/knowledge/embedder.ts'
import { createRetriever } from '../src/knowledge/retrieval.ts'
import { searchQuickReplies } from '../src/knowledge/quick-replies.ts'
import { phraseEmbeddingText } from '../src/knowledge/corpus-indexing.ts'
import { tokenDocument } from '../src/knowledge/search-tokens.ts'
import { toVectorLiteral } from '../src/knowledge/vector-store.ts'

const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url))
const SIZES = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number)
const QUERIES = 200
// Optional directory of loaded databases (<size>.tar), reused across runs: loading 100k takes minutes.
const CACHE = process.env.RETRIEVAL_BENCH_CACHE
const BATCH = 500

type Template = { locale: string, category: string, department: string | null, tags: string[], title: string, body: string, examples: string[], shortcut: string | null }

async function templates (): Promise<Template[]> {
  const directory = root('corpus/phrases')
  const files = (await readdir(directory)).filter((file) => file.endsWith('.jsonl'))
  const lines = (await Promise.all(files.map((file) => readFile(`${directory}/${file}`, 'utf8')))).join('\n').split('\n').filter(Boolean)
  return lines.map((line) => JSON.parse(line) as Template)
}

const WORDS = Array.from({ length: 3000 }, (_, index) => `w${(index * 7919).toString(36)}`)
const HAN = Array.from({ length: 3000 }, (_, index) => String.fromCodePoint(0x4e00 + ((index * 37) % 20000)))
const pick = <T>(items: T[], seed: number) => items[seed % items.length]!

async function load (db: Database, count: number, sample: Template[]): Promise<void> {
  const embedder = createOfflineEmbedder()
  // Bulk build: drop the HNSW index and create it once at the end (much faster than per-row inserts).
  await db.query('DROP INDEX IF EXISTS corpus_vectors_hnsw_256')
  for (let start = 0; start < count; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, count - start) }, (_, offset) => {
      const index = start + offset
      const template = sample[index % sample.length]!
      const noise = template.locale === 'en' ? [pick(WORDS, index), pick(WORDS, index * 13 + 5)].join(' ') : pick(HAN, index) + pick(HAN, index * 13 + 5)
      const body = `${template.body} ${noise}`
      return { id: randomUUID(), phraseId: randomUUID(), group: `bench.g${index}`, template, body }
    })
    const vectors = await embedder.embeddings.embedDocuments(rows.map((row) => phraseEmbeddingText({ ...row.template, body: row.body })))
    await db.transaction(async (transaction) => {
      await transaction.query('INSERT INTO corpus_phrases (id, clinic_id, group_key, locale) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[])',
        [rows.map((row) => row.phraseId), rows.map(() => null), rows.map((row) => row.group), rows.map((row) => row.template.locale)])
      await transaction.query(`INSERT INTO corpus_phrase_versions (id, phrase_id, version, clinic_id, group_key, locale, status, category, department, tags,
          title, body, examples, shortcut, author, reviewer, content_hash, search_vector)
        SELECT r.id, r.phrase_id, 1, NULL, r.group_key, r.locale, 'approved', r.category, r.department, '{}', r.title, r.body, '{}', r.shortcut, 'bench', 'bench-review', 'x',
          setweight(to_tsvector('simple', r.head), 'A') || setweight(to_tsvector('simple', r.tail), 'B')
        FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
          AS r(id, phrase_id, group_key, locale, category, department, title, body, shortcut, head, tail)`,
      [rows.map((row) => row.id), rows.map((row) => row.phraseId), rows.map((row) => row.group), rows.map((row) => row.template.locale),
        rows.map((row) => row.template.category), rows.map((row) => row.template.department), rows.map((row) => row.template.title), rows.map((row) => row.body),
        rows.map((row, offset) => row.template.shortcut ? `${row.template.shortcut}${(start + offset) % 50}` : null),
        rows.map((row) => tokenDocument(`${row.template.title} ${row.template.examples.join(' ')}`)), rows.map((row) => tokenDocument(row.body))])
      await transaction.query(`INSERT INTO corpus_vectors (owner_kind, owner_id, clinic_id, locale, model, dimensions, embedding)
        SELECT 'phrase', r.id, NULL, r.locale, $4, 256, r.embedding::vector FROM unnest($1::uuid[], $2::text[], $3::text[]) AS r(id, locale, embedding)`,
      [rows.map((row) => row.id), rows.map((row) => row.template.locale), vectors.map(toVectorLiteral), embedder.model])
    })
  }
  await db.query('CREATE INDEX corpus_vectors_hnsw_256 ON corpus_vectors USING hnsw ((embedding::vector(256)) vector_cosine_ops) WHERE dimensions = 256')
  await db.query('ANALYZE')
}

function percentile (values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right)
  return Number(sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!.toFixed(2))
}

/**
 * Times the runs after the warm-up runs, which are other queries: they warm the JIT, prepared
 * statements and buffer cache without caching the measured queries' own token statistics.
 */
async function time (runs: Array<() => Promise<unknown>>, warmUp: Array<() => Promise<unknown>>): Promise<{ p50: number, p95: number }> {
  for (const run of warmUp) await run()
  const durations: number[] = []
  for (const run of runs) {
    const started = performance.now()
    await run()
    durations.push(performance.now() - started)
  }
  return { p50: percentile(durations, 0.5), p95: percentile(durations, 0.95) }
}

/** An in-memory database holding `size` phrases, from the cache when there is one. */
async function loaded (size: number, sample: Template[]): Promise<{ db: Database, loadSeconds: number }> {
  const cached = CACHE ? `${CACHE}/${size}.tar` : null
  const loadDataDir = cached && existsSync(cached) ? new Blob([await readFile(cached)]) : undefined
  const pglite = await PGlite.create('memory://', { extensions: { vector }, ...(loadDataDir ? { loadDataDir } : {}) })
  const db = createPoolDatabase({ pool: new pg.Pool(createPgConfig(pglite)), engine: 'pglite', onClose: () => pglite.close() })
  await migrate(db)
  if (loadDataDir) return { db, loadSeconds: 0 }
  const loadStarted = performance.now()
  await load(db, size, sample)
  const loadSeconds = Number(((performance.now() - loadStarted) / 1000).toFixed(1))
  if (cached) await writeFile(cached, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()))
  return { db, loadSeconds }
}

async function measure (size: number, sample: Template[], queries: Array<{ locale: string, query: string }>) {
  const { db, loadSeconds } = await loaded(size, sample)
  try {
    const retriever = createRetriever({ db, embedder: createOfflineEmbedder(), vectorEnabled: await db.hasVector() })
    const pickedIndexes = new Set(Array.from({ length: QUERIES }, (_, index) => (index * 31) % queries.length))
    const picked = [...pickedIndexes].map((index) => queries[index]!)
    // The first size measured used to pay for the JIT warming up: now every size warms up the same way.
    const others = queries.filter((_, index) => !pickedIndexes.has(index))
    const warmUp = [...others, ...others]
    const retrieve = (query: { locale: string, query: string }) => () => retriever.retrieve({ clinicId: 'default', locale: query.locale, text: query.query })
    const retrieval = await time(picked.map(retrieve), warmUp.map(retrieve))
    const now = new Date()
    const asAgent = (query: { locale: string, query: string }, index: number) => index % 4 === 0 ? { locale: 'en', query: '/ho' } : index % 4 === 1 ? { locale: query.locale, query: query.query.slice(0, 6) } : query
    const search = (query: { locale: string, query: string }) => () => searchQuickReplies(db, { clinicId: 'default', locale: query.locale, query: query.query, now })
    const quickReply = await time(picked.map(asAgent).map(search), warmUp.map(asAgent).map(search))
    const result = { phrases: size, loadSeconds, retrieval, quickReply }
    process.stdout.write(`${JSON.stringify(result)}\n`)
    return result
  } finally {
    await db.close()
  }
}

const sample = await templates()
const queries = (await readFile(root('tests/eval/retrieval/queries.jsonl'), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { locale: string, query: string })
// Other work on the machine moves the tail most: the 1/5/15-minute load averages go into the report.
const loadBefore = loadavg()
const results = []
for (const size of SIZES) results.push(await measure(size, sample, queries))
const first = results[0]!
const last = results.at(-1)!
const report = {
  engine: 'pglite (in-memory, pgvector)',
  embedder: 'hashed-ngram-v1',
  queriesPerSize: QUERIES,
  warmUp: 'the other eval queries, twice, before each size and kind',
  measuredAt: new Date().toISOString(),
  loadAverage: { before: loadBefore.map((load) => Number(load.toFixed(2))), after: loadavg().map((load) => Number(load.toFixed(2))) },
  results,
  growth: {
    from: first.phrases,
    to: last.phrases,
    retrievalP95Ratio: Number((last.retrieval.p95 / first.retrieval.p95).toFixed(2)),
    quickReplyP95Ratio: Number((last.quickReply.p95 / first.quickReply.p95).toFixed(2))
  },
  targets: { retrievalP95Ms: 10, quickReplyP95Ms: 20, growthRatio: 3 }
}
await writeFile(root('bench/results/retrieval.json'), JSON.stringify(report, null, 2) + '\n')
process.stdout.write(`${JSON.stringify(report.growth)}\n`)
