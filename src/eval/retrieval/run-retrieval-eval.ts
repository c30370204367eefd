import { ANSWER_SCORE_THRESHOLDS } from '../../flows/answer-thresholds.ts'
import { readFile } from 'node:fs/promises'
import type { Database } from '../../db/database.ts'
import { systemClock } from '../../clock.ts'
import type { Embedder } from '../../knowledge/embedder.ts'
import { loadSampleCorpus } from '../../knowledge/sample-corpus.ts'
import { createRetriever } from '../../knowledge/retrieval.ts'
import type { RetrievedItem } from '../../knowledge/corpus-types.ts'
import { rankOf, summarize, type EvalQuery, type LocaleMetrics } from './retrieval-metrics.ts'

export type RetrievalEvalResult = {
  mode: 'hybrid' | 'lexical'
  metrics: LocaleMetrics[]
  misses: Array<{ id: string, query: string, expected: string, got: string[] }>
  /** Share of queries whose right answer ranks first with a score at or above the answer threshold (src/flows/answer-thresholds.ts). */
  answeredAboveThreshold: number
}

export async function readEvalQueries (path: string): Promise<EvalQuery[]> {
  return (await readFile(path, 'utf8')).split(/\r?\n/).filter((line) => line.trim()).map((line) => JSON.parse(line) as EvalQuery)
}

/** What a result is called in the eval file: a phrase group, or a policy document key. */
const keyOf = (item: RetrievedItem) => item.group ?? item.documentKey ?? item.id

/**
 * Loads the sample corpus into an empty migrated database and measures retrieval over the queries
 * (clinic "default", no category filter), in hybrid mode and, with lexicalOnly, without vectors.
 */
export async function runRetrievalEval (options: { db: Database, embedder: Embedder, corpusDirectory: string, queries: EvalQuery[], lexicalOnly?: boolean }): Promise<RetrievalEvalResult> {
  const vectorEnabled = !options.lexicalOnly && await options.db.hasVector()
  await loadSampleCorpus({ db: options.db, embedder: options.embedder, vectorEnabled: await options.db.hasVector(), clock: systemClock, directory: options.corpusDirectory })
  const retriever = createRetriever({ db: options.db, embedder: options.embedder, vectorEnabled })
  const ranks: Array<{ locale: string, rank: number | null }> = []
  const misses: RetrievalEvalResult['misses'] = []
  let answered = 0
  for (const query of options.queries) {
    const items = await retriever.retrieve({ clinicId: 'default', locale: query.locale, text: query.query, limit: 10 })
    const keys = items.map(keyOf)
    const rank = rankOf(keys, query.expected)
    ranks.push({ locale: query.locale, rank })
    if (rank === 1 && (items[0]?.score ?? 0) >= ANSWER_SCORE_THRESHOLDS.recognisedIntent) answered += 1
    if (rank === null || rank > 3) misses.push({ id: query.id, query: query.query, expected: query.expected, got: keys.slice(0, 3) })
  }
  return { mode: retriever.mode, metrics: summarize(ranks), misses, answeredAboveThreshold: options.queries.length === 0 ? 0 : answered / options.queries.length }
}
