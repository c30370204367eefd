import type { Queryable } from '../db/database.ts'
import type { MessageCipher } from './message-cipher.ts'

export class KeyRingMismatchError extends Error {
  constructor (problems: string[]) {
    super(`The encryption keys do not open the data already stored: ${problems.join('; ')}. ` +
      'Start with the key ring the data was written with (ENCRYPTION_KEYS, or the message-keys file in DATA_DIR); ' +
      'to rotate, put the new key first and keep the old ones after it.')
    this.name = 'KeyRingMismatchError'
  }
}

// One stored value per key id from every place that holds ciphertext: message bodies (bytea) and
// appointment contacts ("sealed:<key id>:<base64>").
const SAMPLES = [
  {
    what: 'messages',
    sql: `SELECT DISTINCT ON (body_key_id) body_key_id AS key_id, encode(body_ciphertext, 'base64') AS ciphertext,
            count(*) OVER (PARTITION BY body_key_id) AS count FROM messages ORDER BY body_key_id`
  },
  {
    what: 'appointments',
    sql: `SELECT DISTINCT ON (split_part(patient_phone, ':', 2)) split_part(patient_phone, ':', 2) AS key_id, split_part(patient_phone, ':', 3) AS ciphertext,
            count(*) OVER (PARTITION BY split_part(patient_phone, ':', 2)) AS count
          FROM appointments WHERE patient_phone LIKE 'sealed:%' ORDER BY split_part(patient_phone, ':', 2)`
  }
]

/**
 * At start-up: one stored value per key id is decrypted with the configured key ring, so a new
 * or wrong key stops the start with a clear message instead of failing every later request.
 */
export async function checkKeyRing (db: Queryable, cipher: MessageCipher): Promise<void> {
  const problems: string[] = []
  for (const sample of SAMPLES) {
    const rows = await db.query<{ key_id: string, ciphertext: string, count: string }>(sample.sql)
    for (const row of rows.rows) {
      try {
        cipher.decrypt({ ciphertext: Buffer.from(row.ciphertext, 'base64'), keyId: row.key_id })
      } catch {
        problems.push(`${row.count} ${sample.what} were written with key "${row.key_id}", which the key ring lacks or holds with another value`)
      }
    }
  }
  if (problems.length > 0) throw new KeyRingMismatchError(problems)
}
