import type { Queryable } from '../db/database.ts'

/**
 * 'all': every row whose value is under a key other than the current one (encryption or lookup),
 * plus plaintext of earlier versions. 'legacy': only that plaintext (the start-up backfill).
 */
export type RotationScope = 'all' | 'legacy'

/** One table's share of a rotation: how many rows are still to rewrite, and rewriting one batch of them. */
export type RotationUnit = {
  table: string
  countPending: (queryable: Queryable, scope: RotationScope) => Promise<number>
  /** Rewrites up to `limit` pending rows (locked, skipping rows others hold); how many it rewrote. */
  rewriteBatch: (transaction: Queryable, scope: RotationScope, limit: number) => Promise<number>
}

/** Numbers $1, $2, … in the order values are added, so a condition names only the parameters it uses. */
export function createParameters () {
  const values: unknown[] = []
  return {
    values,
    add (value: unknown): string {
      values.push(value)
      return `$${values.length}`
    }
  }
}
