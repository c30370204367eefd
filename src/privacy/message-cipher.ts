import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

export type EncryptedText = { ciphertext: Buffer, keyId: string }

export type MessageCipher = {
  encrypt: (plaintext: string) => EncryptedText
  decrypt: (encrypted: EncryptedText) => string
  /** The key id new ciphertext is written with. */
  currentKeyId: string
}

const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * AES-256-GCM with a key ring: the first key encrypts, every key decrypts, so keys can rotate by
 * putting a new key first and re-encrypting at leisure. Layout: iv(12) || tag(16) || ciphertext.
 */
export function createMessageCipher (keys: ReadonlyArray<{ id: string, key: Buffer }>): MessageCipher {
  const first = keys[0]
  if (!first) throw new Error('at least one encryption key is required')
  for (const { id, key } of keys) {
    if (key.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes (base64 of 32 random bytes)`)
  }
  const byId = new Map(keys.map(({ id, key }) => [id, key]))
  return {
    currentKeyId: first.id,
    encrypt (plaintext) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', first.key, iv)
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]), keyId: first.id }
    },
    decrypt ({ ciphertext, keyId }) {
      const key = byId.get(keyId)
      if (!key) throw new Error(`no encryption key with id ${keyId}`)
      const decipher = createDecipheriv('aes-256-gcm', key, ciphertext.subarray(0, IV_BYTES))
      decipher.setAuthTag(ciphertext.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
      return Buffer.concat([decipher.update(ciphertext.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
    }
  }
}

/** Parses `id:base64key[,id:base64key…]` as written in ENCRYPTION_KEYS. */
export function parseKeyRing (text: string): Array<{ id: string, key: Buffer }> {
  return text.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const separator = entry.indexOf(':')
    if (separator < 1) throw new Error('ENCRYPTION_KEYS must look like id:base64key[,id:base64key]')
    return { id: entry.slice(0, separator), key: Buffer.from(entry.slice(separator + 1), 'base64') }
  })
}
