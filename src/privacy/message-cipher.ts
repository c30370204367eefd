import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

export type EncryptedText = { ciphertext: Buffer, keyId: string }

export type KeyRingEntry = { id: string, key: Buffer }

/**
 * What a lookup hash is for. The purpose goes into the HMAC input, so equal values hashed for two
 * purposes (a phone in appointments, the same number as a WhatsApp user) do not match each other.
 */
export type LookupPurpose = 'phone' | 'channel-user' | 'external-id'

/**
 * Keyed hashes (HMAC-SHA256) that find rows by a personal value without storing the value: the
 * stored form is `<lookup key id>:<base64url digest>`, so rows can be re-hashed when the key rotates.
 */
export type LookupHasher = {
  /** The lookup key id new hashes are written with. */
  currentKeyId: string
  /** The value's hash under the current lookup key: what is stored. */
  hash: (purpose: LookupPurpose, value: string) => string
  /** The value's hash under every lookup key: what a lookup matches, so rows not yet re-hashed are still found. */
  candidates: (purpose: LookupPurpose, value: string) => string[]
  /** The hash under one key id (start-up check); null when the ring has no such key. */
  hashWith: (keyId: string, purpose: LookupPurpose, value: string) => string | null
}

export type MessageCipher = {
  encrypt: (plaintext: string) => EncryptedText
  decrypt: (encrypted: EncryptedText) => string
  /** The key id new ciphertext is written with. */
  currentKeyId: string
  /** Every key id of the ring, current first. */
  keyIds: string[]
  lookup: LookupHasher
}

export type CipherErrorCode = 'ENCRYPTION_KEY_MISSING' | 'ENCRYPTION_KEY_WRONG'

/** A stored value that the configured keys cannot open: never answered with plaintext or a guess. */
export class CipherError extends Error {
  override name = 'CipherError'
  readonly code: CipherErrorCode
  readonly keyId: string

  constructor (code: CipherErrorCode, keyId: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options)
    this.code = code
    this.keyId = keyId
  }
}

const IV_BYTES = 12
const TAG_BYTES = 16
const KEY_ID = /^[A-Za-z0-9_.-]{1,40}$/
// Changing this string changes every derived lookup key: it is part of the stored format.
const LOOKUP_KEY_INFO = 'clinic-triage lookup hash v1'

/**
 * AES-256-GCM with a key ring: the first key encrypts, every key decrypts, so keys can rotate by
 * putting a new key first and re-encrypting at leisure. Layout: iv(12) || tag(16) || ciphertext.
 * Lookup hashes use `lookupKeys` when given (LOOKUP_KEYS), else a key derived from each encryption
 * key with HKDF-SHA256 (same id): one secret to keep, and one rotation moves both.
 */
export function createMessageCipher (keys: ReadonlyArray<KeyRingEntry>, options: { lookupKeys?: ReadonlyArray<KeyRingEntry> | undefined } = {}): MessageCipher {
  const first = checkRing(keys, 'encryption')
  const byId = new Map(keys.map(({ id, key }) => [id, key]))
  const lookupKeys = options.lookupKeys?.length ? options.lookupKeys : keys.map(({ id, key }) => ({ id, key: deriveLookupKey(key) }))
  checkRing(lookupKeys, 'lookup')
  return {
    currentKeyId: first.id,
    keyIds: keys.map(({ id }) => id),
    encrypt (plaintext) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', first.key, iv)
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]), keyId: first.id }
    },
    decrypt ({ ciphertext, keyId }) {
      const key = byId.get(keyId)
      if (!key) {
        throw new CipherError('ENCRYPTION_KEY_MISSING', keyId, `stored data was encrypted with key "${keyId}", which is not in the key ring (ENCRYPTION_KEYS holds ${keys.map(({ id }) => id).join(', ')})`)
      }
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, ciphertext.subarray(0, IV_BYTES))
        decipher.setAuthTag(ciphertext.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
        return Buffer.concat([decipher.update(ciphertext.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
      } catch (error) {
        throw new CipherError('ENCRYPTION_KEY_WRONG', keyId, `stored data does not open with key "${keyId}": the key ring holds another value under that id, or the data is damaged`, { cause: error })
      }
    },
    lookup: createLookupHasher(lookupKeys)
  }
}

function createLookupHasher (keys: ReadonlyArray<KeyRingEntry>): LookupHasher {
  const digest = (entry: KeyRingEntry, purpose: LookupPurpose, value: string) =>
    `${entry.id}:${createHmac('sha256', entry.key).update(`${purpose}\u0000${value}`, 'utf8').digest('base64url')}`
  const current = keys[0]!
  return {
    currentKeyId: current.id,
    hash: (purpose, value) => digest(current, purpose, value),
    candidates: (purpose, value) => keys.map((entry) => digest(entry, purpose, value)),
    hashWith (keyId, purpose, value) {
      const entry = keys.find(({ id }) => id === keyId)
      return entry ? digest(entry, purpose, value) : null
    }
  }
}

function deriveLookupKey (encryptionKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', encryptionKey, Buffer.alloc(0), LOOKUP_KEY_INFO, 32))
}

function checkRing (keys: ReadonlyArray<KeyRingEntry>, what: 'encryption' | 'lookup'): KeyRingEntry {
  const first = keys[0]
  if (!first) throw new Error(`at least one ${what} key is required`)
  const seen = new Set<string>()
  for (const { id, key } of keys) {
    if (!KEY_ID.test(id)) throw new Error(`${what} key id "${id}" must be 1–40 letters, digits, '.', '_' or '-'`)
    if (seen.has(id)) throw new Error(`${what} key id "${id}" appears twice in the key ring`)
    seen.add(id)
    if (key.length !== 32) throw new Error(`${what} key ${id} must be 32 bytes (base64 of 32 random bytes)`)
  }
  return first
}

/** Parses `id:base64key[,id:base64key…]` as written in ENCRYPTION_KEYS and LOOKUP_KEYS. */
export function parseKeyRing (text: string, variable = 'ENCRYPTION_KEYS'): KeyRingEntry[] {
  return text.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const separator = entry.indexOf(':')
    if (separator < 1) throw new Error(`${variable} must look like id:base64key[,id:base64key]`)
    return { id: entry.slice(0, separator), key: Buffer.from(entry.slice(separator + 1), 'base64') }
  })
}
