import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'

/**
 * For a zero-configuration start: a key generated once and kept beside the embedded database.
 * Production sets ENCRYPTION_KEYS from a secret store instead, so that every instance shares it.
 */
export function readOrCreateKeyRingFile (dataDir: string): string {
  const path = join(dataDir, 'message-keys')
  if (existsSync(path)) return readFileSync(path, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const keyRing = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}:${randomBytes(32).toString('base64')}`
  writeFileSync(path, keyRing + '\n', { mode: 0o600 })
  return keyRing
}
