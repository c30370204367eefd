import { AppError } from '../errors.ts'
import type { Queryable } from '../db/database.ts'
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

export async function recordAudit (db: Queryable, entry: { clinicId: string | null, actor: string, action: string, subjectType: string, subjectId: string, detail: Record<string, unknown> }): Promise<void> {
  await db.query('INSERT INTO audit_log (clinic_id, actor, action, subject_type, subject_id, detail) VALUES ($1, $2, $3, $4, $5, $6)',
    [entry.clinicId, entry.actor, entry.action, entry.subjectType, entry.subjectId, JSON.stringify(entry.detail)])
}
