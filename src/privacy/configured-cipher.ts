import { randomBytes } from 'node:crypto'
import type { Config } from '../config.ts'
import { readOrCreateKeyRingFile } from './key-ring-file.ts'
import { createMessageCipher, parseKeyRing, type MessageCipher } from './message-cipher.ts'

/** The cipher the service and the CLI use: ENCRYPTION_KEYS (or the key file) and LOOKUP_KEYS. */
export function createConfiguredCipher (config: Pick<Config, 'encryptionKeys' | 'lookupKeys' | 'dataDir'>): MessageCipher {
  return createMessageCipher(parseKeyRing(loadKeyRing(config)), {
    lookupKeys: config.lookupKeys ? parseKeyRing(config.lookupKeys, 'LOOKUP_KEYS') : undefined
  })
}

function loadKeyRing (config: Pick<Config, 'encryptionKeys' | 'dataDir'>): string {
  if (config.encryptionKeys) return config.encryptionKeys
  // An in-memory database (tests) lives only as long as the process: so may its key.
  if (config.dataDir.startsWith('memory://')) return `ephemeral:${randomBytes(32).toString('base64')}`
  return readOrCreateKeyRingFile(config.dataDir)
}
