import type { Queryable } from '../db/database.ts'
import { ENCRYPTED_TABLES } from './encrypted-columns.ts'
import type { MessageCipher } from './message-cipher.ts'
import { openSealedValue, type SealedValue } from './sealed-value.ts'

export class KeyRingMismatchError extends Error {
  constructor (problems: string[]) {
    super(`The encryption keys do not open the data already stored: ${problems.join('; ')}. ` +
      'Start with the key ring the data was written with (ENCRYPTION_KEYS and LOOKUP_KEYS, or the message-keys file in DATA_DIR); ' +
      'to rotate, put the new key first and keep the old ones after it.')
    this.name = 'KeyRingMismatchError'
  }
}

type Sample = { what: string, sql: string, open: (row: Record<string, unknown>) => void }

/**
 * At start-up: one stored value per key id (and one lookup hash per lookup key id) of every
 * encrypted column is checked against the configured keys, so a new, missing or wrong key stops the
 * start with a clear message instead of failing every later request, or silently finding nothing.
 */
export async function checkKeyRing (db: Queryable, cipher: MessageCipher): Promise<void> {
  const problems: string[] = []
  for (const sample of samples(cipher)) {
    const rows = await db.query<Record<string, unknown> & { key_id: string, count: string }>(sample.sql)
    for (const row of rows.rows) {
      try {
        sample.open(row)
      } catch {
        problems.push(`${row.count} ${sample.what} were written with key "${row.key_id}", which the key ring lacks or holds with another value`)
      }
    }
  }
  if (problems.length > 0) throw new KeyRingMismatchError(problems)
}

function samples (cipher: MessageCipher): Sample[] {
  const list: Sample[] = []
  for (const { table, columns } of ENCRYPTED_TABLES) {
    for (const column of columns) {
      list.push({
        what: `${table} (${column.field})`,
        sql: `SELECT DISTINCT ON (${column.keyId}) ${column.keyId} AS key_id, ${column.ciphertext} AS ciphertext,
                count(*) OVER (PARTITION BY ${column.keyId}) AS count FROM ${table} WHERE ${column.ciphertext} IS NOT NULL ORDER BY ${column.keyId}`,
        open: (row) => cipher.decrypt({ ciphertext: row.ciphertext as Buffer, keyId: row.key_id as string })
      })
      const lookup = column.lookup
      if (!lookup) continue
      list.push({
        what: `${table} (${column.field} lookup hashes)`,
        sql: `SELECT DISTINCT ON (split_part(${lookup.column}, ':', 1)) split_part(${lookup.column}, ':', 1) AS key_id, ${lookup.column} AS hash,
                ${column.ciphertext} AS ciphertext, ${column.keyId} AS value_key_id, count(*) OVER (PARTITION BY split_part(${lookup.column}, ':', 1)) AS count
              FROM ${table} WHERE ${lookup.column} IS NOT NULL AND ${column.ciphertext} IS NOT NULL ORDER BY split_part(${lookup.column}, ':', 1)`,
        open (row) {
          const value = cipher.decrypt({ ciphertext: row.ciphertext as Buffer, keyId: row.value_key_id as string })
          if (cipher.lookup.hashWith(row.key_id as string, lookup.purpose, value) !== row.hash) throw new Error('lookup hash mismatch')
        }
      })
    }
  }
  list.push({
    what: 'channel jobs',
    sql: `SELECT DISTINCT ON (payload->'private'->>'keyId') payload->'private'->>'keyId' AS key_id, payload->'private' AS private,
            count(*) OVER (PARTITION BY payload->'private'->>'keyId') AS count FROM delivery_jobs WHERE payload->'private' IS NOT NULL ORDER BY payload->'private'->>'keyId'`,
    open: (row) => openSealedValue(cipher, row.private as SealedValue)
  })
  return list
}
