import { AppError } from '../errors.ts'
import type { Queryable } from '../db/database.ts'
import { createAuditTrail } from '../privacy/audit-trail.ts'
import type { CorpusContext } from './corpus-context.ts'
import type { ReviewStatus } from './corpus-types.ts'

type Reviewable = { status: ReviewStatus, author: string, version: number }

/** Throws CONFLICT unless the version is in the status the action needs. */
export function assertStatus (subject: string, version: Reviewable, expected: ReviewStatus, action: string): void {
  if (version.status !== expected) {
    throw new AppError('CONFLICT', `${subject} version ${version.version} is ${version.status}; only a ${expected.replace('_', ' ')} version can be ${action}`)
  }
}

/** Four eyes: whoever wrote a version may not approve it. */
export function assertNotAuthor (subject: string, version: Reviewable, reviewer: string): void {
  if (version.author === reviewer) {
    throw new AppError('FORBIDDEN', `${subject} version ${version.version} was written by ${reviewer}; another reviewer must approve it`)
  }
}

export function notFound (subject: string): AppError {
  return new AppError('NOT_FOUND', `${subject} was not found`)
}

/**
 * Records a corpus change in the audit trail, inside the change's transaction. The credential
 * that made it is the actor; the person it names (x-actor, the four-eyes author) goes in detail.
 */
export async function recordAudit (transaction: Queryable, context: Pick<CorpusContext, 'clock' | 'auditedBy'>,
  entry: { clinicId: string | null, actor: string, action: string, subjectType: string, subjectId?: string, detail: Record<string, unknown> }): Promise<void> {
  const by = context.auditedBy ?? { actor: { kind: 'system' as const, id: 'corpus' } }
  await createAuditTrail(transaction, () => context.clock.now()).record({
    clinicId: entry.clinicId, ...by, action: entry.action, subject: { kind: entry.subjectType, id: entry.subjectId }, detail: { ...entry.detail, author: entry.actor }
  })
}
