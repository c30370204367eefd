import { AppError } from '../errors.ts'
import type { Queryable } from '../db/database.ts'
import type { CorpusContext } from './corpus-context.ts'
import type { ReviewStatus } from './corpus-types.ts'
import { dropVectors } from './corpus-indexing.ts'
import { assertNotAuthor, assertStatus, notFound, recordAudit } from './review-rules.ts'
import { diffFields, type FieldChange } from './version-diff.ts'
import type { VectorOwnerKind } from './vector-store.ts'

type ReviewedVersion = { id: string, clinicId: string | null, status: ReviewStatus, author: string, version: number }

/** The version SQL the workflow needs; phrase-store and document-store both provide it. */
export type ReviewStore<Version> = {
  getVersion: (ownerId: string, version: number) => Promise<Version | undefined>
  listVersions: (ownerId: string) => Promise<Version[]>
  setStatus: (versionId: string, status: ReviewStatus, review?: { reviewer: string, reviewedAt: Date }) => Promise<void>
  moveStatus: (ownerId: string, from: ReviewStatus[], to: ReviewStatus) => Promise<string[]>
}

/** What differs between reviewing phrases and policy documents. */
export type ReviewKind<Version> = {
  /** Names the subject in messages and audit entries ('phrase.approved'). */
  subject: 'phrase' | 'document'
  store: (db: Queryable) => ReviewStore<Version>
  contentFields: string[]
  /** Vectors belong to a phrase version itself, or to the chunks of a document version. */
  vectorKind: VectorOwnerKind
  vectorOwners: (db: Queryable, versionIds: string[]) => Promise<string[]>
  /** Embeds a newly approved version, after its transaction commits (reports false instead of throwing). */
  index: (context: CorpusContext, version: Version) => Promise<boolean>
}

/**
 * The review workflow shared by phrases and documents: draft → in_review → approved (never by its
 * author) → retired, each step one transaction with its audit entry; the ids are the phrase's or
 * document's (the owner of the versions).
 */
export function createReviewWorkflow<Version extends ReviewedVersion> (kind: ReviewKind<Version>) {
  const { subject } = kind

  async function transition (context: CorpusContext, ownerId: string, versionNumber: number,
    change: (transaction: Queryable, version: Version) => Promise<void>): Promise<Version> {
    return context.db.transaction(async (transaction) => {
      const store = kind.store(transaction)
      const version = await store.getVersion(ownerId, versionNumber)
      if (!version) throw notFound(`${subject} ${ownerId} version ${versionNumber}`)
      await change(transaction, version)
      return (await store.getVersion(ownerId, versionNumber))!
    })
  }

  const audit = (transaction: Queryable, context: CorpusContext, entry: { clinicId: string | null, actor: string, action: 'submitted' | 'approved' | 'retired', ownerId: string, version: number }) =>
    recordAudit(transaction, context, { clinicId: entry.clinicId, actor: entry.actor, action: `${subject}.${entry.action}`, subjectType: subject, subjectId: entry.ownerId, detail: { version: entry.version } })

  return {
    async submit (context: CorpusContext, ownerId: string, versionNumber: number, actor: string): Promise<Version> {
      return transition(context, ownerId, versionNumber, async (transaction, version) => {
        assertStatus(subject, version, 'draft', 'submitted for review')
        await kind.store(transaction).setStatus(version.id, 'in_review')
        await audit(transaction, context, { clinicId: version.clinicId, actor, action: 'submitted', ownerId, version: versionNumber })
      })
    },

    /** Approves a version in review; the previously approved version is superseded and loses its vectors. */
    async approve (context: CorpusContext, ownerId: string, versionNumber: number, reviewer: string): Promise<Version & { vectorIndexed: boolean }> {
      const approved = await transition(context, ownerId, versionNumber, async (transaction, version) => {
        assertStatus(subject, version, 'in_review', 'approved')
        assertNotAuthor(subject, version, reviewer)
        const store = kind.store(transaction)
        const replaced = await store.moveStatus(ownerId, ['approved'], 'superseded')
        await dropVectors(transaction, context.vectorEnabled, kind.vectorKind, await kind.vectorOwners(transaction, replaced))
        await store.setStatus(version.id, 'approved', { reviewer, reviewedAt: context.clock.now() })
        await audit(transaction, context, { clinicId: version.clinicId, actor: reviewer, action: 'approved', ownerId, version: versionNumber })
      })
      return { ...approved, vectorIndexed: await kind.index(context, approved) }
    },

    /** Takes the approved version out of service; patients see nothing of it until a new version is approved. */
    async retire (context: CorpusContext, ownerId: string, actor: string): Promise<Version> {
      return context.db.transaction(async (transaction) => {
        const store = kind.store(transaction)
        const retired = await store.moveStatus(ownerId, ['approved'], 'retired')
        if (retired.length === 0) throw new AppError('CONFLICT', `${subject} ${ownerId} has no approved version to retire`)
        await dropVectors(transaction, context.vectorEnabled, kind.vectorKind, await kind.vectorOwners(transaction, retired))
        const version = (await store.listVersions(ownerId)).find((candidate) => candidate.id === retired[0])!
        await audit(transaction, context, { clinicId: version.clinicId, actor, action: 'retired', ownerId, version: version.version })
        return version
      })
    },

    async history (context: CorpusContext, ownerId: string): Promise<Version[]> {
      const versions = await kind.store(context.db).listVersions(ownerId)
      if (versions.length === 0) throw notFound(`${subject} ${ownerId}`)
      return versions
    },

    async diff (context: CorpusContext, ownerId: string, from: number, to: number): Promise<FieldChange[]> {
      const store = kind.store(context.db)
      const [before, after] = await Promise.all([store.getVersion(ownerId, from), store.getVersion(ownerId, to)])
      if (!before) throw notFound(`${subject} ${ownerId} version ${from}`)
      if (!after) throw notFound(`${subject} ${ownerId} version ${to}`)
      return diffFields(before, after, kind.contentFields)
    }
  }
}
