import type { LookupPurpose } from './message-cipher.ts'

/**
 * One encrypted value of a row: AES-256-GCM ciphertext (bytea) and the id of its key. `lookup` is
 * an HMAC hash of the same value kept beside it to find rows by; `legacy` is where an earlier
 * version kept the value in the clear (read as text by `read`, 'sealed-text' when it may hold the
 * 'sealed:<key id>:<base64>' form of migration 0005's era).
 */
export type SealedColumn = {
  field: string
  ciphertext: string
  keyId: string
  lookup?: { column: string, purpose: LookupPurpose }
  legacy?: { column: string, read?: string, format?: 'sealed-text' }
}

/** A lookup hash of a value that is not kept (so it cannot be re-hashed): an earlier plain value is hashed once. */
export type HashOnlyColumn = { field: string, column: string, purpose: LookupPurpose, legacy: string }

export type EncryptedTable = {
  table: string
  columns: SealedColumn[]
  hashOnly?: HashOnlyColumn[]
  /** Earlier plain columns whose value is dropped, not moved (replaced by something better). */
  discard?: string[]
}

/**
 * Every column that holds patient text or a personal value, in one place: the key rotation, the
 * start-up backfill, `npm run keys -- status` and the start-up key check all read this list, so a
 * new encrypted column is added here and nowhere else. The durable job payloads of the channels are
 * the one JSON case (src/privacy/channel-job-sealing.ts).
 */
export const ENCRYPTED_TABLES: readonly EncryptedTable[] = [
  { table: 'messages', columns: [{ field: 'body', ciphertext: 'body_ciphertext', keyId: 'body_key_id' }] },
  {
    table: 'conversations',
    columns: [
      {
        field: 'channel user',
        ciphertext: 'channel_user_ciphertext',
        keyId: 'channel_user_key_id',
        lookup: { column: 'channel_user_hash', purpose: 'channel-user' },
        legacy: { column: 'legacy_channel_user_id' }
      },
      { field: 'flow state', ciphertext: 'state_ciphertext', keyId: 'state_key_id', legacy: { column: 'legacy_state', read: 'legacy_state::text' } }
    ]
  },
  {
    table: 'inbound_receipts',
    columns: [{ field: 'response', ciphertext: 'response_ciphertext', keyId: 'response_key_id', legacy: { column: 'legacy_response', read: 'legacy_response::text' } }],
    hashOnly: [{ field: 'external id', column: 'external_id_hash', purpose: 'external-id', legacy: 'legacy_external_id' }]
  },
  {
    table: 'appointments',
    columns: [
      { field: 'patient name', ciphertext: 'patient_name_ciphertext', keyId: 'patient_name_key_id', legacy: { column: 'legacy_patient_name', format: 'sealed-text' } },
      {
        field: 'patient phone',
        ciphertext: 'patient_phone_ciphertext',
        keyId: 'patient_phone_key_id',
        lookup: { column: 'phone_hash', purpose: 'phone' },
        legacy: { column: 'legacy_patient_phone', format: 'sealed-text' }
      }
    ],
    discard: ['legacy_phone_sha256']
  },
  { table: 'reminders', columns: [{ field: 'label', ciphertext: 'label_ciphertext', keyId: 'label_key_id' }] },
  { table: 'check_in_readings', columns: [{ field: 'values', ciphertext: 'values_ciphertext', keyId: 'values_key_id' }] },
  { table: 'handoffs', columns: [{ field: 'closing note', ciphertext: 'note_ciphertext', keyId: 'note_key_id' }] },
  {
    table: 'channel_users',
    columns: [{ field: 'user', ciphertext: 'user_ciphertext', keyId: 'user_key_id', lookup: { column: 'user_hash', purpose: 'channel-user' }, legacy: { column: 'legacy_user_id' } }]
  },
  {
    table: 'channel_deliveries',
    columns: [],
    hashOnly: [{ field: 'provider message id', column: 'provider_message_hash', purpose: 'external-id', legacy: 'legacy_provider_message_id' }],
    discard: ['legacy_user_id']
  }
]
