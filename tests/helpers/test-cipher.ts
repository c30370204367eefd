import { randomBytes } from 'node:crypto'
import { createMessageCipher, type MessageCipher } from '../../src/privacy/message-cipher.ts'

/** A real AES-GCM cipher with a fresh random key, for services that encrypt what they store. */
export function testCipher (): MessageCipher {
  return createMessageCipher([{ id: 'test', key: randomBytes(32) }])
}
