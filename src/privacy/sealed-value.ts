import type { MessageCipher } from './message-cipher.ts'

/** Ciphertext where a JSON document holds it (job payloads): base64 and the key id. */
export type SealedValue = { sealed: string, keyId: string }

export function sealValue (cipher: MessageCipher, plaintext: string): SealedValue {
  const { ciphertext, keyId } = cipher.encrypt(plaintext)
  return { sealed: ciphertext.toString('base64'), keyId }
}

export function openSealedValue (cipher: MessageCipher, value: SealedValue): string {
  return cipher.decrypt({ ciphertext: Buffer.from(value.sealed, 'base64'), keyId: value.keyId })
}
