import type { Queryable } from '../../src/db/database.ts'
import type { LookupPurpose, MessageCipher } from '../../src/privacy/message-cipher.ts'

export type Trace = { table: string, column: string, where: string }

const SEALED_TEXT = /^sealed:([^:]+):([A-Za-z0-9+/=]+)$/
const LOOKUP_PURPOSES: LookupPurpose[] = ['phone', 'channel-user', 'external-id']

/**
 * Every place in the database where any of the needles can still be read: every row of every
 * table of the schema, as stored (plain columns, JSON, hex of bytea) and as the application would
 * decrypt it (`<name>_ciphertext` beside `<name>_key_id`, `sealed:` appointment fields, sealed
 * texts in job payloads), and each needle's lookup hash under every purpose and lookup key (a
 * phone hash, a channel user's hash in a column or inside an order key). Lookup hashes are of whole
 * values, so give needles as they are stored (a phone in E.164, a WhatsApp wa_id). A table added
 * later is searched too, without changing this helper.
 */
export async function findPatientTraces (database: Queryable, cipher: MessageCipher, needles: string[]): Promise<Trace[]> {
  const tables = await database.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")
  const traces: Trace[] = []
  const searched = [
    ...needles.map((needle) => ({ text: needle, label: needle })),
    ...needles.flatMap((needle) => LOOKUP_PURPOSES.flatMap((purpose) => cipher.lookup.candidates(purpose, needle).map((hash) => ({ text: hash, label: `${purpose} hash of ${needle}` }))))
  ]
  const lowered = searched.map(({ text, label }) => ({ text: text.toLowerCase(), label }))
  for (const { table_name: table } of tables.rows) {
    const rows = await database.query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(t) AS row FROM "${table}" t`)
    for (const { row } of rows.rows) {
      for (const text of readableTexts(row, cipher)) {
        const hit = lowered.find((needle) => text.where.toLowerCase().includes(needle.text))
        if (hit) traces.push({ table, column: text.column, where: `${hit.label}: …${excerpt(text.where, hit.text)}…` })
      }
    }
  }
  return traces
}

/** `table.column` of each trace, once each, sorted. */
export function tracedColumns (traces: Trace[]): string[] {
  return [...new Set(traces.map((trace) => `${trace.table}.${trace.column}`))].sort()
}

function * readableTexts (row: Record<string, unknown>, cipher: MessageCipher): Generator<{ column: string, where: string }> {
  for (const [column, value] of Object.entries(row)) {
    yield { column, where: JSON.stringify(value) }
    if (column.endsWith('_ciphertext') && typeof value === 'string') {
      const keyId = row[column.replace(/_ciphertext$/, '_key_id')]
      // A ciphertext this search cannot open would hide what it holds: fail rather than pass.
      if (typeof keyId !== 'string') throw new Error(`${column} holds ciphertext without a key id beside it`)
      yield { column, where: decryptHex(cipher, value, keyId) }
    }
    for (const sealed of sealedTexts(value)) yield { column, where: cipher.decrypt(sealed) }
  }
}

function decryptHex (cipher: MessageCipher, hex: string, keyId: string): string {
  return cipher.decrypt({ ciphertext: Buffer.from(hex.replace(/^\\x/, ''), 'hex'), keyId })
}

/** `sealed:<key>:<base64>` strings and `{ sealed, keyId }` objects (job payloads), however deep. */
function * sealedTexts (value: unknown): Generator<{ ciphertext: Buffer, keyId: string }> {
  if (typeof value === 'string') {
    const match = SEALED_TEXT.exec(value)
    if (match) yield { keyId: match[1]!, ciphertext: Buffer.from(match[2]!, 'base64') }
  } else if (Array.isArray(value)) {
    for (const item of value) yield * sealedTexts(item)
  } else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>
    if (typeof object.sealed === 'string' && typeof object.keyId === 'string') yield { keyId: object.keyId, ciphertext: Buffer.from(object.sealed, 'base64') }
    for (const item of Object.values(object)) yield * sealedTexts(item)
  }
}

function excerpt (text: string, needle: string): string {
  const at = text.toLowerCase().indexOf(needle)
  return text.slice(Math.max(0, at - 20), at + needle.length + 20)
}
