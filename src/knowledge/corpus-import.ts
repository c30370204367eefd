import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../errors.ts'
import type { CorpusContext } from './corpus-context.ts'
import type { Queryable } from '../db/database.ts'
import { phraseInputSchema, type DocumentVersion, type PhraseInput } from './corpus-types.ts'
import { readCsv, readJsonLines, type ImportProblem, type RawRecord } from './phrase-file-format.ts'
import { savePhraseVersions } from './phrase-bulk-save.ts'
import { saveDocumentVersion } from './document-review.ts'
import { parsePolicyMarkdown, type ParsedPolicy } from './policy-document.ts'
import { createDocumentStore } from './document-store.ts'
import { indexChunks, indexPhrases } from './corpus-indexing.ts'
import { recordAudit } from './review-rules.ts'

export type ImportFormat = 'jsonl' | 'csv'

export type ImportReport = { created: number, updated: number, unchanged: number, vectorIndexed: boolean }

export type ImportOptions = {
  author: string
  /** Approve on import (vetted files such as the sample corpus); otherwise versions are drafts. */
  approvedBy?: string | undefined
  /** Records without a clinicId belong to this clinic (null/undefined: shared). */
  clinicId?: string | null | undefined
}

/** Validates every record; returns the phrases, or every problem with its line, field and reason. */
export function validatePhraseRecords (records: RawRecord[], clinicId: string | null = null): { phrases: PhraseInput[], problems: ImportProblem[] } {
  const phrases: PhraseInput[] = []
  const problems: ImportProblem[] = []
  const seen = new Map<string, number>()
  for (const record of records) {
    const parsed = phraseInputSchema.safeParse(record.value)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ line: record.line, field: issue.path.join('.') || '(record)', reason: issue.message })
      continue
    }
    const phrase = { ...parsed.data, clinicId: parsed.data.clinicId ?? clinicId }
    const key = `${phrase.clinicId ?? ''}|${phrase.group}|${phrase.locale}`
    const earlier = seen.get(key)
    if (earlier) problems.push({ line: record.line, field: 'group', reason: `${phrase.group} (${phrase.locale}) is already on line ${earlier}` })
    seen.set(key, record.line)
    phrases.push(phrase)
  }
  return { phrases, problems }
}

export function rejectImport (problems: ImportProblem[]): never {
  const shown = problems.slice(0, 5).map((problem) => `line ${problem.line}, ${problem.field}: ${problem.reason}`).join('; ')
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''
  throw new AppError('VALIDATION_FAILED', `the import was rejected and nothing was stored: ${shown}${more}`, { details: { errors: problems } })
}

/** Reads and validates a phrase file; throws VALIDATION_FAILED naming every problem's line and field. */
export function readPhraseImport (text: string, format: ImportFormat, clinicId: string | null = null): PhraseInput[] {
  const read = format === 'csv' ? readCsv(text) : readJsonLines(text)
  const { phrases, problems } = validatePhraseRecords(read.records, clinicId)
  const allProblems = [...read.problems, ...problems].sort((left, right) => left.line - right.line)
  if (allProblems.length > 0) rejectImport(allProblems)
  return phrases
}

/**
 * Imports phrases from JSONL or CSV text in one transaction, with a few statements whatever the
 * file's size. A file with any error stores nothing; re-importing the same file changes nothing.
 */
export async function importPhrases (context: CorpusContext, text: string, format: ImportFormat, options: ImportOptions): Promise<ImportReport> {
  const phrases = readPhraseImport(text, format, options.clinicId ?? null)
  const { approved, ...counts } = await context.db.transaction(async (transaction) => {
    const saved = await savePhraseVersions(transaction, phrases, { author: options.author, approvedBy: options.approvedBy, now: context.clock.now() })
    await recordImport(transaction, context, 'phrase', options, saved)
    return saved
  })
  return { ...counts, vectorIndexed: await indexPhrases(context, approved) }
}

export type PolicyFile = { path: string, locale: string, markdown: string }

/** Reads `<directory>/<locale>/*.md` (or `*.md` directly, with a locale given). */
export async function readPolicyFolder (directory: string, locale?: string): Promise<PolicyFile[]> {
  const files: PolicyFile[] = []
  for (const entry of (await readdir(directory)).sort()) {
    const path = join(directory, entry)
    if ((await stat(path)).isDirectory()) {
      for (const file of (await readdir(path)).filter((name) => name.endsWith('.md')).sort()) {
        files.push({ path: join(path, file), locale: entry, markdown: await readFile(join(path, file), 'utf8') })
      }
    } else if (entry.endsWith('.md') && locale) {
      files.push({ path, locale, markdown: await readFile(path, 'utf8') })
    }
  }
  return files
}

/** Parses Markdown policy files; throws VALIDATION_FAILED naming every problem with its file. */
export function parsePolicyFiles (files: PolicyFile[], clinicId: string | null = null): ParsedPolicy[] {
  const parsed: ParsedPolicy[] = []
  const problems: Array<ImportProblem & { file: string }> = []
  for (const file of files) {
    const result = parsePolicyMarkdown(file.markdown, { locale: file.locale, clinicId })
    if ('problems' in result) problems.push(...result.problems.map((problem) => ({ ...problem, file: file.path, field: `${file.path}: ${problem.field}` })))
    else parsed.push(result)
  }
  if (problems.length > 0) rejectImport(problems)
  return parsed
}

export type PolicySaveReport = { created: number, updated: number, unchanged: number, approved: DocumentVersion[] }

/** Stores parsed policies inside the caller's transaction; lists the versions approved by it. */
export async function savePolicyVersions (db: Queryable, policies: ParsedPolicy[], options: { author: string, approvedBy?: string | undefined, now: Date }): Promise<PolicySaveReport> {
  const report: PolicySaveReport = { created: 0, updated: 0, unchanged: 0, approved: [] }
  for (const policy of policies) {
    const outcome = await saveDocumentVersion(db, policy, options)
    report[outcome.action]++
    if (outcome.action !== 'unchanged' && outcome.version.status === 'approved') report.approved.push(outcome.version)
  }
  return report
}

/** Imports Markdown policy files in one transaction; any file with a problem stores nothing. */
export async function importPolicies (context: CorpusContext, files: PolicyFile[], options: ImportOptions): Promise<ImportReport> {
  const parsed = parsePolicyFiles(files, options.clinicId ?? null)
  const { approved, ...counts } = await context.db.transaction(async (transaction) => {
    const saved = await savePolicyVersions(transaction, parsed, { author: options.author, approvedBy: options.approvedBy, now: context.clock.now() })
    await recordImport(transaction, context, 'document', options, saved)
    return saved
  })
  const chunks = await createDocumentStore(context.db).listChunksOf(approved.map((version) => version.id))
  const owners = new Map(approved.map((version) => [version.id, version]))
  return { ...counts, vectorIndexed: await indexChunks(context, chunks.map((chunk) => ({ ...chunk, owner: owners.get(chunk.documentVersionId)! }))) }
}

/** One audit entry per import that changed something (a re-import of the same file records nothing). */
async function recordImport (transaction: Queryable, context: CorpusContext, subject: 'phrase' | 'document', options: ImportOptions,
  counts: { created: number, updated: number, unchanged: number }): Promise<void> {
  if (counts.created + counts.updated === 0) return
  await recordAudit(transaction, context, {
    clinicId: options.clinicId ?? null,
    actor: options.author,
    action: `${subject}.imported`,
    subjectType: subject,
    detail: { created: counts.created, updated: counts.updated, unchanged: counts.unchanged, approvedBy: options.approvedBy ?? null }
  })
}
