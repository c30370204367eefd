import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { openEmbeddedDatabase } from '../db/open-database.ts'
import { migrate } from '../db/migrate.ts'
import { createOfflineEmbedder } from '../knowledge/embedder.ts'
import { readEvalQueries, runRetrievalEval, type RetrievalEvalResult } from '../eval/retrieval/run-retrieval-eval.ts'
import { runCli } from './run-cli.ts'

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url))
const TARGET_HIT_AT_3 = 0.85

// Offline and self-contained: a fresh in-memory PGlite, the shipped sample corpus, the hashed n-gram embedder.
runCli(async () => {
  const { values } = parseArgs({ options: { queries: { type: 'string' }, corpus: { type: 'string' }, verbose: { type: 'boolean', default: false } } })
  const queries = await readEvalQueries(values.queries ?? root('tests/eval/retrieval/queries.jsonl'))
  let passed = true
  for (const lexicalOnly of [false, true]) {
    const db = await openEmbeddedDatabase('memory://')
    try {
      await migrate(db)
      const result = await runRetrievalEval({ db, embedder: createOfflineEmbedder(), corpusDirectory: values.corpus ?? root('corpus'), queries, lexicalOnly })
      print(result, values.verbose)
      if (!lexicalOnly) passed = result.metrics.every((metric) => metric.hitAt3 >= TARGET_HIT_AT_3)
    } finally {
      await db.close()
    }
  }
  process.stdout.write(passed ? `hybrid hit@3 >= ${TARGET_HIT_AT_3} in every locale: pass\n` : `hybrid hit@3 below ${TARGET_HIT_AT_3}: FAIL\n`)
  return passed ? 0 : 1
})

function print (result: RetrievalEvalResult, verbose: boolean | undefined): void {
  process.stdout.write(`\nretrieval (${result.mode}, offline embedder)\nlocale   queries  hit@1  hit@3  MRR\n`)
  for (const metric of result.metrics) {
    process.stdout.write(`${metric.locale.padEnd(8)} ${String(metric.queries).padStart(7)}  ${metric.hitAt1.toFixed(3)}  ${metric.hitAt3.toFixed(3)}  ${metric.mrr.toFixed(3)}\n`)
  }
  if (verbose) for (const miss of result.misses) process.stdout.write(`  miss ${miss.id}: ${miss.query} -> expected ${miss.expected}, got ${miss.got.join(', ')}\n`)
}
