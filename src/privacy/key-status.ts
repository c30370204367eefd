import type { Queryable } from '../db/database.ts'
import { INBOUND_JOB, SEND_JOB } from '../channels/channel-job-payload.ts'
import { ENCRYPTED_TABLES } from './encrypted-columns.ts'
import type { MessageCipher } from './message-cipher.ts'

/**
 * One encrypted (or hashed) field: rows per key id, and rows still in the clear. `oneWay` marks a
 * hash of a value that is not kept (it cannot be re-hashed; it does not hold rotation back).
 */
export type FieldKeyStatus = {
  table: string
  field: string
  /** 'dropped': a plain column of an earlier version that is emptied, not moved. */
  kind: 'ciphertext' | 'lookup hash' | 'dropped'
  byKey: Record<string, number>
  plaintext: number
  oneWay?: boolean
}

export type KeyStatus = {
  currentKeyId: string
  currentLookupKeyId: string
  fields: FieldKeyStatus[]
  /** No ciphertext under an older key, no re-hashable lookup hash under an older lookup key, no plaintext. */
  complete: boolean
}

type CountRow = { key_id: string | null, count: number }

/** What `npm run keys -- status` prints: per table and field, how many rows are under each key id. */
export async function readKeyStatus (database: Queryable, cipher: MessageCipher): Promise<KeyStatus> {
  const count = async (sql: string) => (await database.query<CountRow>(sql)).rows
  const byKey = (rows: CountRow[]) => Object.fromEntries(rows.filter((row) => row.key_id !== null).map((row) => [row.key_id, row.count]))
  const plainCount = async (table: string, columns: string[]) => columns.length
    ? (await count(`SELECT NULL AS key_id, count(*)::int AS count FROM ${table} WHERE ${columns.map((column) => `${column} IS NOT NULL`).join(' OR ')}`))[0]!.count
    : 0
  const fields: FieldKeyStatus[] = []
  for (const { table, columns, hashOnly = [], discard = [] } of ENCRYPTED_TABLES) {
    for (const column of columns) {
      fields.push({
        table,
        field: column.field,
        kind: 'ciphertext',
        byKey: byKey(await count(`SELECT ${column.keyId} AS key_id, count(*)::int AS count FROM ${table} WHERE ${column.ciphertext} IS NOT NULL GROUP BY 1 ORDER BY 1`)),
        plaintext: await plainCount(table, column.legacy ? [column.legacy.column] : [])
      })
      if (column.lookup) fields.push({ table, field: column.field, kind: 'lookup hash', byKey: await lookupCounts(count, table, column.lookup.column), plaintext: 0 })
    }
    for (const hashed of hashOnly) {
      fields.push({ table, field: hashed.field, kind: 'lookup hash', byKey: await lookupCounts(count, table, hashed.column), plaintext: await plainCount(table, [hashed.legacy]), oneWay: true })
    }
    for (const name of discard) fields.push({ table, field: name, kind: 'dropped', byKey: {}, plaintext: await plainCount(table, [name]) })
  }
  fields.push(...await channelJobStatus(count))
  return { currentKeyId: cipher.currentKeyId, currentLookupKeyId: cipher.lookup.currentKeyId, fields, complete: fields.every((field) => isCurrent(field, cipher)) }
}

function isCurrent (field: FieldKeyStatus, cipher: MessageCipher): boolean {
  if (field.plaintext > 0) return false
  if (field.oneWay) return true
  const current = field.kind === 'ciphertext' ? cipher.currentKeyId : cipher.lookup.currentKeyId
  return Object.keys(field.byKey).every((keyId) => keyId === current)
}

async function lookupCounts (count: (sql: string) => Promise<CountRow[]>, table: string, column: string): Promise<Record<string, number>> {
  const rows = await count(`SELECT split_part(${column}, ':', 1) AS key_id, count(*)::int AS count FROM ${table} WHERE ${column} IS NOT NULL GROUP BY 1 ORDER BY 1`)
  return Object.fromEntries(rows.map((row) => [row.key_id, row.count]))
}

async function channelJobStatus (count: (sql: string) => Promise<CountRow[]>): Promise<FieldKeyStatus[]> {
  const channelJobs = `FROM delivery_jobs WHERE kind IN ('${INBOUND_JOB}', '${SEND_JOB}')`
  const legacy = (await count(`SELECT NULL AS key_id, count(*)::int AS count ${channelJobs} AND payload->'private' IS NULL AND payload->'withdrawn' IS NULL`))[0]!.count
  const sealed = await count(`SELECT payload->'private'->>'keyId' AS key_id, count(*)::int AS count ${channelJobs} AND payload->'private' IS NOT NULL GROUP BY 1 ORDER BY 1`)
  const hashed = await count(`SELECT payload->>'lookupKeyId' AS key_id, count(*)::int AS count ${channelJobs} AND payload->'private' IS NOT NULL GROUP BY 1 ORDER BY 1`)
  return [
    { table: 'delivery_jobs', field: 'channel job (user, provider id, text)', kind: 'ciphertext', byKey: Object.fromEntries(sealed.map((row) => [row.key_id, row.count])), plaintext: legacy },
    { table: 'delivery_jobs', field: 'channel job order and idempotency keys', kind: 'lookup hash', byKey: Object.fromEntries(hashed.map((row) => [row.key_id, row.count])), plaintext: 0 }
  ]
}
