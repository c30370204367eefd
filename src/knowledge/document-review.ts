import { randomUUID } from 'node:crypto'
import { AppError } from '../errors.ts'
import type { Queryable } from '../db/database.ts'
import type { CorpusContext } from './corpus-context.ts'
import type { DocumentVersion, ReviewStatus } from './corpus-types.ts'
import { contentHash } from './content-hash.ts'
import { createDocumentStore } from './document-store.ts'
import { parsePolicyMarkdown, type ParsedPolicy } from './policy-document.ts'
import { notFound, recordAudit } from './review-rules.ts'
import { chunkIdsOf, indexChunks } from './corpus-indexing.ts'
import { createReviewWorkflow } from './review-workflow.ts'
import { normalizeTimestamp } from './phrase-review.ts'

const DOCUMENT_CONTENT_FIELDS = ['title', 'versionLabel', 'category', 'tags', 'markdown', 'sourceRef', 'validFrom', 'validUntil']

export type DocumentSaveOutcome = { action: 'created' | 'updated' | 'unchanged', version: DocumentVersion }

/** Stores a parsed policy as a new version with its chunks, unless the latest version has the same content. */
export async function saveDocumentVersion (db: Queryable, parsed: ParsedPolicy, options: { author: string, approvedBy?: string | undefined, now: Date }): Promise<DocumentSaveOutcome> {
  const input = { ...parsed.input, validFrom: normalizeTimestamp(parsed.input.validFrom), validUntil: normalizeTimestamp(parsed.input.validUntil) }
  const store = createDocumentStore(db)
  let document = await store.findDocument(input.clinicId, input.documentKey, input.locale)
  const latest = document ? await store.latestVersion(document.id) : undefined
  const hash = contentHash(Object.fromEntries(DOCUMENT_CONTENT_FIELDS.map((field) => [field, input[field as keyof typeof input]])))
  if (latest && latest.contentHash === hash) return { action: 'unchanged', version: latest }
  if (!document) {
    document = { id: randomUUID(), clinicId: input.clinicId, documentKey: input.documentKey, locale: input.locale }
    await store.insertDocument(document)
  }
  const status: ReviewStatus = options.approvedBy ? 'approved' : 'draft'
  await store.moveStatus(document.id, ['draft', 'in_review'], 'superseded')
  if (status === 'approved') await store.moveStatus(document.id, ['approved'], 'superseded')
  const id = randomUUID()
  await store.insertVersion({ id, documentId: document.id, version: (latest?.version ?? 0) + 1, status, input, author: options.author, contentHash: hash })
  await store.insertChunks(id, parsed.chunks.map((chunk) => ({ ...chunk, id: randomUUID(), tags: input.tags })))
  if (options.approvedBy) await store.setStatus(id, 'approved', { reviewer: options.approvedBy, reviewedAt: options.now })
  return { action: latest ? 'updated' : 'created', version: (await store.latestVersion(document.id))! }
}

function parseOrThrow (markdown: string, options: { locale: string, clinicId: string | null }): ParsedPolicy {
  const parsed = parsePolicyMarkdown(markdown, options)
  if ('problems' in parsed) {
    const first = parsed.problems[0]!
    throw new AppError('VALIDATION_FAILED', `line ${first.line}, ${first.field}: ${first.reason}`, { details: { errors: parsed.problems } })
  }
  return parsed
}

/** Creates a policy document from Markdown (draft, version 1), or a new draft version if it exists. */
export async function saveDocumentDraft (context: CorpusContext, markdown: string, options: { locale: string, clinicId: string | null, author: string }): Promise<DocumentVersion> {
  const parsed = parseOrThrow(markdown, options)
  return context.db.transaction(async (transaction) => {
    const { action, version } = await saveDocumentVersion(transaction, parsed, { author: options.author, now: context.clock.now() })
    if (action === 'unchanged') throw new AppError('CONFLICT', `document ${parsed.input.documentKey} already has this content (version ${version.version})`)
    await recordAudit(transaction, context, { clinicId: version.clinicId, actor: options.author, action: `document.${action === 'created' ? 'created' : 'edited'}`, subjectType: 'document', subjectId: version.documentId, detail: { version: version.version } })
    return version
  })
}

/** A new draft of an existing document from new Markdown (identity stays that of the document). */
export async function editDocument (context: CorpusContext, documentId: string, markdown: string, author: string): Promise<DocumentVersion> {
  const document = await createDocumentStore(context.db).getDocument(documentId)
  if (!document) throw notFound(`document ${documentId}`)
  const parsed = parseOrThrow(markdown, { locale: document.locale, clinicId: document.clinicId })
  if (parsed.input.documentKey !== document.documentKey) throw new AppError('VALIDATION_FAILED', `frontMatter.id must stay ${document.documentKey}`)
  return saveDocumentDraft(context, markdown, { locale: document.locale, clinicId: document.clinicId, author })
}

const documentWorkflow = createReviewWorkflow<DocumentVersion>({
  subject: 'document',
  store: createDocumentStore,
  contentFields: DOCUMENT_CONTENT_FIELDS,
  vectorKind: 'chunk',
  vectorOwners: chunkIdsOf,
  index: async (context, version) => {
    const chunks = await createDocumentStore(context.db).listChunks(version.id)
    return indexChunks(context, chunks.map((chunk) => ({ ...chunk, owner: version })))
  }
})

export const submitDocument = documentWorkflow.submit
export const approveDocument = documentWorkflow.approve
export const retireDocument = documentWorkflow.retire
export const documentHistory = documentWorkflow.history
export const diffDocumentVersions = documentWorkflow.diff
