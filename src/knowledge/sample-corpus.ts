import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Queryable } from '../db/database.ts'
import type { CorpusContext } from './corpus-context.ts'
import { importPhrases, importPolicies, readPolicyFolder, type ImportReport } from './corpus-import.ts'
import { indexAllMissingVectors } from './corpus-indexing.ts'

export const SAMPLE_AUTHOR = 'sample-import'
export const SAMPLE_REVIEWER = 'sample-review'

/** True when no phrase and no policy document has ever been stored. */
export async function corpusIsEmpty (db: Queryable): Promise<boolean> {
  const result = await db.query<{ empty: boolean }>(
    'SELECT NOT EXISTS (SELECT 1 FROM corpus_phrases) AND NOT EXISTS (SELECT 1 FROM corpus_documents) AS empty')
  return result.rows[0]?.empty ?? true
}

export type SampleLoad = { loaded: boolean, phrases?: ImportReport, policies?: ImportReport }

/**
 * Loads `<directory>/phrases/*.jsonl` and `<directory>/policies/<locale>/*.md` as approved shared
 * content, into an empty corpus only: a clinic that has started its own corpus is never touched.
 */
export async function loadSampleCorpus (context: CorpusContext & { directory: string }): Promise<SampleLoad> {
  if (!await corpusIsEmpty(context.db)) return { loaded: false }
  // Vectors are stored once at the end, for phrases and policies together (indexAllMissingVectors).
  const options = { author: SAMPLE_AUTHOR, approvedBy: SAMPLE_REVIEWER, clinicId: null, deferVectors: true }
  const phrasesDirectory = join(context.directory, 'phrases')
  const files = existsSync(phrasesDirectory) ? (await readdir(phrasesDirectory)).filter((name) => name.endsWith('.jsonl')).sort() : []
  // One import for all files, so line numbers name the file and duplicates across files are caught.
  const texts = await Promise.all(files.map((file) => readFile(join(phrasesDirectory, file), 'utf8')))
  const phrases = await importPhrases(context, texts.join('\n'), 'jsonl', options).catch((error: Error) => {
    throw new Error(`sample phrases (${files.join(', ')}): ${error.message}`, { cause: error })
  })
  const policiesDirectory = join(context.directory, 'policies')
  const policies = existsSync(policiesDirectory) ? await importPolicies(context, await readPolicyFolder(policiesDirectory), options) : undefined
  const vectorIndexed = await indexAllMissingVectors(context)
  return { loaded: true, phrases: { ...phrases, vectorIndexed }, ...(policies ? { policies: { ...policies, vectorIndexed } } : {}) }
}
