import { setTimeout as sleep } from 'node:timers/promises'
import type { Database } from '../db/database.ts'
import type { AuditTrail } from './audit-trail.ts'
import { createChannelJobRotation } from './channel-job-sealing.ts'
import { createColumnRotation } from './column-rotation.ts'
import { ENCRYPTED_TABLES } from './encrypted-columns.ts'
import type { MessageCipher } from './message-cipher.ts'
import type { RotationScope, RotationUnit } from './rotation-unit.ts'

export type RotationProgress = { table: string, done: number, total: number }

export type RotationOptions = {
  database: Database
  cipher: MessageCipher
  /** Rows per transaction (default 500): a kill loses at most one uncommitted batch, which is simply done again. */
  batchSize?: number | undefined
  /** Stops between batches; what was committed stays, and the next run goes on from there. */
  signal?: AbortSignal | undefined
  onProgress?: ((progress: RotationProgress) => void) | undefined
  /** Where the start and the end of a rotation are recorded (actor: system). */
  audit?: AuditTrail | undefined
  /** Who started it, for the audit trail (default 'keys rotate'). */
  actorId?: string | undefined
}

export type RotationResult = {
  /** Nothing is left under an older key, and no plaintext of earlier versions. */
  complete: boolean
  aborted: boolean
  /** Rows rewritten by this run, per table. */
  rewritten: Record<string, number>
  /** Rows still pending, per table (others held their locks, or the run was aborted). */
  remaining: Record<string, number>
}

const DEFAULT_BATCH = 500
// Rows another transaction holds are skipped; they are tried again this often before the run gives up on them.
const LOCKED_ROW_RETRIES = 20
const LOCKED_ROW_PAUSE_MS = 100

/** Every table with personal values, as rotation units (the inventory's tables, then the channel jobs). */
export function rotationUnits (cipher: MessageCipher): RotationUnit[] {
  return [...ENCRYPTED_TABLES.map((table) => createColumnRotation(table, cipher)), createChannelJobRotation(cipher)]
}

/**
 * Re-encrypts every value written under a key other than the first of the ring, and re-hashes
 * every lookup hash made with another lookup key, in batches of one transaction each. Resumable by
 * construction: each batch selects only rows still under an older key, so a run that was killed or
 * aborted is simply run again. Plaintext of earlier versions is encrypted on the way.
 */
export async function rotateKeys (options: RotationOptions): Promise<RotationResult> {
  return rewriteAll(options, 'all')
}

/**
 * At start-up, before the service answers: plaintext that an earlier version stored (renamed
 * legacy_* by migration 0018) is encrypted and hashed, so every lookup finds it. Does nothing
 * (a few counts) once done.
 */
export async function encryptLegacyPlaintext (options: RotationOptions): Promise<RotationResult> {
  return rewriteAll({ ...options, actorId: options.actorId ?? 'start-up backfill' }, 'legacy')
}

async function rewriteAll (options: RotationOptions, scope: RotationScope): Promise<RotationResult> {
  const { database, cipher } = options
  const units = rotationUnits(cipher)
  const totals: Record<string, number> = {}
  for (const unit of units) totals[unit.table] = await unit.countPending(database, scope)
  const pendingRows = Object.values(totals).reduce((sum, count) => sum + count, 0)
  const result: RotationResult = { complete: true, aborted: false, rewritten: {}, remaining: {} }
  if (pendingRows === 0) return result
  const audit = async (action: string, detail: Record<string, unknown>) => options.audit?.record({
    clinicId: null,
    actor: { kind: 'system', id: options.actorId ?? 'keys rotate' },
    action,
    subject: { kind: 'encryption_key', id: cipher.currentKeyId },
    detail: { scope, lookupKeyId: cipher.lookup.currentKeyId, ...detail }
  })
  await audit('encryption.rotation_started', { pendingRows: totals })
  for (const unit of units) {
    if (options.signal?.aborted) break
    if (totals[unit.table]! > 0) result.rewritten[unit.table] = await rewriteUnit(unit, { ...options, scope, total: totals[unit.table]! })
  }
  result.aborted = options.signal?.aborted ?? false
  for (const unit of units) {
    const left = await unit.countPending(database, scope)
    if (left > 0) result.remaining[unit.table] = left
  }
  result.complete = Object.keys(result.remaining).length === 0
  await audit(result.complete ? 'encryption.rotation_finished' : 'encryption.rotation_interrupted', { rewrittenRows: result.rewritten, remainingRows: result.remaining })
  return result
}

async function rewriteUnit (unit: RotationUnit, options: RotationOptions & { scope: RotationScope, total: number }): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH
  let done = 0
  let lockedRetries = 0
  while (!options.signal?.aborted) {
    const rewritten = await options.database.transaction((transaction) => unit.rewriteBatch(transaction, options.scope, batchSize))
    done += rewritten
    if (rewritten > 0) {
      options.onProgress?.({ table: unit.table, done, total: Math.max(options.total, done) })
      continue
    }
    if (await unit.countPending(options.database, options.scope) === 0 || lockedRetries++ >= LOCKED_ROW_RETRIES) break
    await sleep(LOCKED_ROW_PAUSE_MS)
  }
  return done
}
