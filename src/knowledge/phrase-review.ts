import { randomUUID } from 'node:crypto'
import { AppError } from '../errors.ts'
import type { Queryable } from '../db/database.ts'
import type { CorpusContext } from './corpus-context.ts'
import type { PhraseInput, PhraseVersion, ReviewStatus } from './corpus-types.ts'
import { contentHash } from './content-hash.ts'
import { createPhraseStore } from './phrase-store.ts'
import { assertNotAuthor, assertStatus, notFound, recordAudit } from './review-rules.ts'
import { dropVectors, indexPhrases } from './corpus-indexing.ts'
import { diffFields, type FieldChange } from './version-diff.ts'

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
    await recordAudit(transaction, { clinicId: input.clinicId, actor: author, action: 'phrase.create', subjectType: 'phrase', subjectId: version.phraseId, detail: { version: 1 } })
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
    await recordAudit(transaction, { clinicId: latest.clinicId, actor: author, action: 'phrase.edit', subjectType: 'phrase', subjectId: phraseId, detail: { version: version.version } })
    return version
  })
}

export async function submitPhrase (context: CorpusContext, phraseId: string, versionNumber: number, actor: string): Promise<PhraseVersion> {
  return transition(context, phraseId, versionNumber, async (transaction, version) => {
    assertStatus('phrase', version, 'draft', 'submitted for review')
    await createPhraseStore(transaction).setStatus(version.id, 'in_review')
    await recordAudit(transaction, { clinicId: version.clinicId, actor, action: 'phrase.submit', subjectType: 'phrase', subjectId: phraseId, detail: { version: versionNumber } })
  })
}

/** Approves a version in review (never by its author); the previously approved version is superseded. */
export async function approvePhrase (context: CorpusContext, phraseId: string, versionNumber: number, reviewer: string): Promise<PhraseVersion & { vectorIndexed: boolean }> {
  const approved = await transition(context, phraseId, versionNumber, async (transaction, version) => {
    assertStatus('phrase', version, 'in_review', 'approved')
    assertNotAuthor('phrase', version, reviewer)
    const store = createPhraseStore(transaction)
    const replaced = await store.moveStatus(phraseId, ['approved'], 'superseded')
    await dropVectors(transaction, context.vectorEnabled, 'phrase', replaced)
    await store.setStatus(version.id, 'approved', { reviewer, reviewedAt: context.clock.now() })
    await recordAudit(transaction, { clinicId: version.clinicId, actor: reviewer, action: 'phrase.approve', subjectType: 'phrase', subjectId: phraseId, detail: { version: versionNumber } })
  })
  return { ...approved, vectorIndexed: await indexPhrases(context, [approved]) }
}

/** Takes the approved version out of service; patients see nothing for this phrase until a new version is approved. */
export async function retirePhrase (context: CorpusContext, phraseId: string, actor: string): Promise<PhraseVersion> {
  return context.db.transaction(async (transaction) => {
    const store = createPhraseStore(transaction)
    const retired = await store.moveStatus(phraseId, ['approved'], 'retired')
    if (retired.length === 0) throw new AppError('CONFLICT', `phrase ${phraseId} has no approved version to retire`)
    await dropVectors(transaction, context.vectorEnabled, 'phrase', retired)
    const versions = await store.listVersions(phraseId)
    const version = versions.find((candidate) => candidate.id === retired[0])!
    await recordAudit(transaction, { clinicId: version.clinicId, actor, action: 'phrase.retire', subjectType: 'phrase', subjectId: phraseId, detail: { version: version.version } })
    return version
  })
}

export async function phraseHistory (context: CorpusContext, phraseId: string): Promise<PhraseVersion[]> {
  const versions = await createPhraseStore(context.db).listVersions(phraseId)
  if (versions.length === 0) throw notFound(`phrase ${phraseId}`)
  return versions
}

export async function diffPhraseVersions (context: CorpusContext, phraseId: string, from: number, to: number): Promise<FieldChange[]> {
  const store = createPhraseStore(context.db)
  const [before, after] = await Promise.all([store.getVersion(phraseId, from), store.getVersion(phraseId, to)])
  if (!before) throw notFound(`phrase ${phraseId} version ${from}`)
  if (!after) throw notFound(`phrase ${phraseId} version ${to}`)
  return diffFields(before, after, [...PHRASE_CONTENT_FIELDS])
}

async function transition (context: CorpusContext, phraseId: string, versionNumber: number,
  change: (transaction: Queryable, version: PhraseVersion) => Promise<void>): Promise<PhraseVersion> {
  return context.db.transaction(async (transaction) => {
    const store = createPhraseStore(transaction)
    const version = await store.getVersion(phraseId, versionNumber)
    if (!version) throw notFound(`phrase ${phraseId} version ${versionNumber}`)
    await change(transaction, version)
    return (await store.getVersion(phraseId, versionNumber))!
  })
}

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
