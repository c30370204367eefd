import type { EncryptedTable } from './encrypted-columns.ts'
import type { MessageCipher } from './message-cipher.ts'
import { createParameters, type RotationScope, type RotationUnit } from './rotation-unit.ts'

// The 'sealed:<key id>:<base64>' text that appointments held before migration 0018.
const SEALED_TEXT = /^sealed:([^:]+):([A-Za-z0-9+/=]+)$/

type Row = Record<string, unknown> & { row_ctid: string }

/**
 * Rewrites the encrypted columns of one table: each pending row is read (its plaintext from the
 * legacy column, or by decrypting), encrypted with the current key and hashed with the current
 * lookup key; legacy columns are set NULL in the same UPDATE. Rows are addressed by ctid, which
 * is stable while the batch's transaction holds their locks, so one generic UPDATE serves every table.
 */
export function createColumnRotation (spec: EncryptedTable, cipher: MessageCipher): RotationUnit {
  const { table, columns } = spec
  const hashOnly = spec.hashOnly ?? []
  const discard = spec.discard ?? []

  function pending (scope: RotationScope) {
    const parameters = createParameters()
    const conditions: string[] = []
    if (scope === 'all') {
      for (const column of columns) {
        conditions.push(`(${column.keyId} IS NOT NULL AND ${column.keyId} <> ${parameters.add(cipher.currentKeyId)})`)
        if (column.lookup) conditions.push(`(${column.lookup.column} IS NOT NULL AND split_part(${column.lookup.column}, ':', 1) <> ${parameters.add(cipher.lookup.currentKeyId)})`)
      }
    }
    for (const column of columns) if (column.legacy) conditions.push(`${column.legacy.column} IS NOT NULL`)
    for (const hashed of hashOnly) conditions.push(`${hashed.legacy} IS NOT NULL`)
    for (const name of discard) conditions.push(`${name} IS NOT NULL`)
    return { condition: conditions.length ? conditions.join(' OR ') : 'false', parameters }
  }

  const selected = [
    ...columns.flatMap((column, index) => [`${column.ciphertext} AS f${index}_ciphertext`, `${column.keyId} AS f${index}_key_id`,
      ...(column.legacy ? [`${column.legacy.read ?? column.legacy.column} AS f${index}_legacy`] : [])]),
    ...hashOnly.flatMap((hashed, index) => [`${hashed.legacy} AS h${index}_legacy`, `${hashed.column} AS h${index}_hash`])
  ]

  function plaintextOf (row: Row, index: number): string | null {
    const column = columns[index]!
    const legacy = row[`f${index}_legacy`] as string | null | undefined
    if (legacy !== null && legacy !== undefined) {
      const sealed = column.legacy?.format === 'sealed-text' ? SEALED_TEXT.exec(legacy) : null
      return sealed ? cipher.decrypt({ keyId: sealed[1]!, ciphertext: Buffer.from(sealed[2]!, 'base64') }) : legacy
    }
    const ciphertext = row[`f${index}_ciphertext`] as Buffer | null
    const keyId = row[`f${index}_key_id`] as string | null
    return ciphertext && keyId ? cipher.decrypt({ ciphertext, keyId }) : null
  }

  // One array per UPDATE column, in the order of `assignments`.
  function rewrite (rows: Row[]) {
    const arrays: Array<{ name: string, type: string, values: unknown[] }> = [{ name: 'row_ctid', type: 'tid', values: rows.map((row) => row.row_ctid) }]
    columns.forEach((column, index) => {
      const plaintexts = rows.map((row) => plaintextOf(row, index))
      const sealed = plaintexts.map((plaintext) => plaintext === null ? null : cipher.encrypt(plaintext))
      arrays.push({ name: column.ciphertext, type: 'bytea', values: sealed.map((value) => value?.ciphertext ?? null) })
      arrays.push({ name: column.keyId, type: 'text', values: sealed.map((value) => value?.keyId ?? null) })
      const lookup = column.lookup
      if (lookup) arrays.push({ name: lookup.column, type: 'text', values: plaintexts.map((plaintext) => plaintext === null ? null : cipher.lookup.hash(lookup.purpose, plaintext)) })
    })
    hashOnly.forEach((hashed, index) => {
      arrays.push({
        name: hashed.column,
        type: 'text',
        values: rows.map((row) => row[`h${index}_legacy`] === null ? row[`h${index}_hash`] : cipher.lookup.hash(hashed.purpose, String(row[`h${index}_legacy`])))
      })
    })
    return arrays
  }

  const cleared = [...columns.flatMap((column) => column.legacy ? [column.legacy.column] : []), ...hashOnly.map((hashed) => hashed.legacy), ...discard]

  return {
    table,
    async countPending (queryable, scope) {
      const { condition, parameters } = pending(scope)
      const result = await queryable.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${table} WHERE ${condition}`, parameters.values)
      return result.rows[0]?.count ?? 0
    },
    async rewriteBatch (transaction, scope, limit) {
      const { condition, parameters } = pending(scope)
      const result = await transaction.query<Row>(
        `SELECT ctid::text AS row_ctid${selected.length ? `, ${selected.join(', ')}` : ''} FROM ${table} WHERE ${condition}
         LIMIT ${parameters.add(limit)} FOR UPDATE SKIP LOCKED`, parameters.values)
      if (result.rows.length === 0) return 0
      const arrays = rewrite(result.rows)
      const assignments = [...arrays.slice(1).map(({ name }) => `${name} = u.${name}`), ...cleared.map((name) => `${name} = NULL`)]
      await transaction.query(
        `UPDATE ${table} SET ${assignments.join(', ')}
         FROM unnest(${arrays.map(({ type }, index) => `$${index + 1}::${type}[]`).join(', ')}) AS u(${arrays.map(({ name }) => name).join(', ')})
         WHERE ${table}.ctid = u.row_ctid`,
        arrays.map(({ values }) => values))
      return result.rows.length
    }
  }
}
