import { randomUUID } from 'node:crypto'
import { AppError } from '../errors.ts'
import type { Queryable } from '../db/database.ts'
import type { CorpusContext } from './corpus-context.ts'
import type { PhraseInput, PhraseVersion, ReviewStatus } from './corpus-types.ts'
import { contentHash } from './content-hash.ts'
import { createPhraseStore } from './phrase-store.ts'
import { notFound, recordAudit } from './review-rules.ts'
import { indexPhrases } from './corpus-indexing.ts'
import { createReviewWorkflow } from './review-workflow.ts'

export const PHRASE_CONTENT_FIELDS = ['category', 'department', 'tags', 'title', 'body', 'examples', 'sourceRef', 'shortcut', 'validFrom', 'validUntil'] as const

export type PhraseChanges = Partial<Pick<PhraseInput, typeof PHRASE_CONTENT_FIELDS[number]>>

export type SaveOutcome = { action: 'created' | 'updated' | 'unchanged', version: PhraseVersion }

export function phraseContentHash (input: PhraseInput): string {
  return contentHash(Object.fromEntries(PHRASE_CONTENT_FIELDS.map((field) => [field, input[field]])))
}

/**
 * Stores a phrase as a new version unless its latest version already has this content (so a
 * re-import is a no-op). With `approvedBy`, the version is approved at once (imports of vetted
 * files); otherwise it is a draft. Runs inside the caller's transaction.
 */
export async function savePhraseVersion (db: Queryable, given: PhraseInput, options: { author: string, approvedBy?: string | undefined, now: Date }): Promise<SaveOutcome> {
  const input = { ...given, validFrom: normalizeTimestamp(given.validFrom), validUntil: normalizeTimestamp(given.validUntil) }
  const store = createPhraseStore(db)
  let phrase = await store.findPhrase(input.clinicId, input.group, input.locale)
  const latest = phrase ? await store.latestVersion(phrase.id) : undefined
  const hash = phraseContentHash(input)
  if (latest && latest.contentHash === hash) return { action: 'unchanged', version: latest }
  if (!phrase) {
    phrase = { id: randomUUID(), clinicId: input.clinicId, group: input.group, locale: input.locale }
    await store.insertPhrase(phrase)
  }
  const status: ReviewStatus = options.approvedBy ? 'approved' : 'draft'
  await store.moveStatus(phrase.id, ['draft', 'in_review'], 'superseded')
  if (status === 'approved') await store.moveStatus(phrase.id, ['approved'], 'superseded')
  const id = randomUUID()
  await store.insertVersion({ id, phraseId: phrase.id, version: (latest?.version ?? 0) + 1, status, input, author: options.author, contentHash: hash })
  if (options.approvedBy) await store.setStatus(id, 'approved', { reviewer: options.approvedBy, reviewedAt: options.now })
  const version = await store.latestVersion(phrase.id)
  return { action: latest ? 'updated' : 'created', version: version! }
}

/** Creates a new phrase as a draft (version 1). */
export async function createPhrase (context: CorpusContext, input: PhraseInput, author: string): Promise<PhraseVersion> {
  return context.db.transaction(async (transaction) => {
    if (await createPhraseStore(transaction).findPhrase(input.clinicId, input.group, input.locale)) {
      throw new AppError('CONFLICT', `phrase ${input.group} (${input.locale}) already exists for this clinic; edit it instead`)
    }
    const { version } = await savePhraseVersion(transaction, input, { author, now: context.clock.now() })
    await recordAudit(transaction, context, { clinicId: input.clinicId, actor: author, action: 'phrase.created', subjectType: 'phrase', subjectId: version.phraseId, detail: { version: 1 } })
    return version
  })
}

/** An edit makes a new draft version from the latest one; the approved version stays live until the draft is approved. */
export async function editPhrase (context: CorpusContext, phraseId: string, changes: PhraseChanges, author: string): Promise<PhraseVersion> {
  return context.db.transaction(async (transaction) => {
    const store = createPhraseStore(transaction)
    const latest = await store.latestVersion(phraseId)
    if (!latest) throw notFound(`phrase ${phraseId}`)
    const input: PhraseInput = { ...toInput(latest), ...changes }
    const { action, version } = await savePhraseVersion(transaction, input, { author, now: context.clock.now() })
    if (action === 'unchanged') throw new AppError('CONFLICT', `the edit changes nothing in version ${latest.version}`)
    await recordAudit(transaction, context, { clinicId: latest.clinicId, actor: author, action: 'phrase.edited', subjectType: 'phrase', subjectId: phraseId, detail: { version: version.version } })
    return version
  })
}

const phraseWorkflow = createReviewWorkflow<PhraseVersion>({
  subject: 'phrase',
  store: createPhraseStore,
  contentFields: [...PHRASE_CONTENT_FIELDS],
  vectorKind: 'phrase',
  vectorOwners: async (_db, versionIds) => versionIds,
  index: (context, version) => indexPhrases(context, [version])
})

export const submitPhrase = phraseWorkflow.submit
/** Approves a version in review (never by its author); the previously approved version is superseded. */
export const approvePhrase = phraseWorkflow.approve
/** Takes the approved version out of service; patients see nothing for this phrase until a new version is approved. */
export const retirePhrase = phraseWorkflow.retire
export const phraseHistory = phraseWorkflow.history
export const diffPhraseVersions = phraseWorkflow.diff

/** One spelling per instant (as the database prints it), so identical content hashes identically. */
export function normalizeTimestamp (value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString().replace(/\.000Z$/, 'Z')
}

export function toInput (version: PhraseVersion): PhraseInput {
  return {
    clinicId: version.clinicId,
    group: version.group,
    locale: version.locale,
    category: version.category,
    department: version.department,
    tags: version.tags,
    title: version.title,
    body: version.body,
    examples: version.examples,
    sourceRef: version.sourceRef,
    shortcut: version.shortcut,
    validFrom: version.validFrom,
    validUntil: version.validUntil,
    sample: version.sample
  }
}
