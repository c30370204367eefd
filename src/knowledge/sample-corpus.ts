import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Queryable } from '../db/database.ts'
import type { CorpusContext } from './corpus-context.ts'
import type { PhraseInput } from './corpus-types.ts'
import type { ParsedPolicy } from './policy-document.ts'
import { parsePolicyFiles, readPhraseImport, readPolicyFolder, savePolicyVersions, type ImportReport } from './corpus-import.ts'
import { chunkEmbeddingText, embedTexts, phraseEmbeddingText, storeMissingVectors } from './corpus-indexing.ts'
import { savePhraseVersions } from './phrase-bulk-save.ts'

export const SAMPLE_AUTHOR = 'sample-import'
export const SAMPLE_REVIEWER = 'sample-review'

// Any constant works; it only has to be the same for every instance of this service.
const SAMPLE_LOAD_LOCK_KEY = 727_412_002

/** True when no phrase and no policy document has ever been stored. */
export async function corpusIsEmpty (db: Queryable): Promise<boolean> {
  const result = await db.query<{ empty: boolean }>(
    'SELECT NOT EXISTS (SELECT 1 FROM corpus_phrases) AND NOT EXISTS (SELECT 1 FROM corpus_documents) AS empty')
  return result.rows[0]?.empty ?? true
}

export type SampleLoad = { loaded: boolean, phrases?: ImportReport, policies?: ImportReport }

type SampleFiles = { phrases: PhraseInput[], policies: ParsedPolicy[] | undefined }

/**
 * Loads `<directory>/phrases/*.jsonl` and `<directory>/policies/<locale>/*.md` as approved shared
 * content, into an empty corpus only: a clinic that has started its own corpus is never touched.
 * Phrases, policies and their vectors are stored in one transaction, so a start that fails or is
 * killed half-way leaves the corpus empty and the next start loads all of it.
 */
export async function loadSampleCorpus (context: CorpusContext & { directory: string }): Promise<SampleLoad> {
  if (!await corpusIsEmpty(context.db)) return { loaded: false }
  const files = await readSampleFiles(context.directory)
  const embeddings = context.vectorEnabled ? await embedTexts(context.embedder, embeddingTexts(files)) : undefined
  const options = { author: SAMPLE_AUTHOR, approvedBy: SAMPLE_REVIEWER, now: context.clock.now() }
  return context.db.transaction(async (transaction) => {
    // Instances starting together: the later ones wait here, then find the corpus loaded.
    await transaction.query('SELECT pg_advisory_xact_lock($1)', [SAMPLE_LOAD_LOCK_KEY])
    if (!await corpusIsEmpty(transaction)) return { loaded: false }
    const phrases = await savePhraseVersions(transaction, files.phrases, options)
    const policies = files.policies && await savePolicyVersions(transaction, files.policies, options)
    const vectorIndexed = context.vectorEnabled ? await storeMissingVectors(transaction, { model: context.embedder.model, embeddings }) : true
    return { loaded: true, phrases: report(phrases, vectorIndexed), ...(policies ? { policies: report(policies, vectorIndexed) } : {}) }
  })
}

const report = (saved: { created: number, updated: number, unchanged: number }, vectorIndexed: boolean): ImportReport =>
  ({ created: saved.created, updated: saved.updated, unchanged: saved.unchanged, vectorIndexed })

/** Reads and validates every file before anything is stored; a problem in any file stops the load. */
async function readSampleFiles (directory: string): Promise<SampleFiles> {
  const phrasesDirectory = join(directory, 'phrases')
  const names = existsSync(phrasesDirectory) ? (await readdir(phrasesDirectory)).filter((name) => name.endsWith('.jsonl')).sort() : []
  // One text for all files, so line numbers name the file and duplicates across files are caught.
  const texts = await Promise.all(names.map((name) => readFile(join(phrasesDirectory, name), 'utf8')))
  let phrases: PhraseInput[]
  try {
    phrases = readPhraseImport(texts.join('\n'), 'jsonl')
  } catch (error) {
    throw new Error(`sample phrases (${names.join(', ')}): ${(error as Error).message}`, { cause: error })
  }
  const policiesDirectory = join(directory, 'policies')
  const policies = existsSync(policiesDirectory) ? parsePolicyFiles(await readPolicyFolder(policiesDirectory)) : undefined
  return { phrases, policies }
}

function embeddingTexts (files: SampleFiles): string[] {
  return [...files.phrases.map(phraseEmbeddingText), ...(files.policies ?? []).flatMap((policy) => policy.chunks.map(chunkEmbeddingText))]
}
