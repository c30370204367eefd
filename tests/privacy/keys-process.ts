import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Database } from '../../src/db/database.ts'
import { migrate } from '../../src/db/migrate.ts'
import { openEmbeddedDatabase } from '../../src/db/open-database.ts'
import type { MessageCipher } from '../../src/privacy/message-cipher.ts'
import { createTestDatabase, serverDatabaseUrl, testEngine, type TestDatabase } from '../helpers/test-database.ts'
import { seedPatientData, type SeededData } from './rotation-fixtures.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const NODE = join(ROOT, 'node_modules/.bin/node')

export type Finished = { code: number | null, stdout: string, stderr: string }

/** `npm run keys -- …` as a real process; `onStdout` may kill it (SIGKILL) when it has printed enough. */
export function keysCli (args: string[], environment: Record<string, string>, onStdout?: (text: string, kill: () => void) => void): Promise<Finished> {
  const child = spawn(NODE, ['src/cli/keys.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', NODE_DISABLE_COMPILE_CACHE: '1', ...environment },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    onStdout?.(stdout, () => child.kill('SIGKILL'))
  })
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })))
}

/** The rows per key id that `status` prints for messages, e.g. { k1: 9800, k2: 200 }. */
export function messageKeysOf (statusOutput: string): Record<string, number> {
  const line = statusOutput.split('\n').find((text) => /^messages\s+body\s+ciphertext\s/.test(text))
  if (!line) throw new Error(`no messages line in:\n${statusOutput}`)
  return Object.fromEntries([...line.matchAll(/(\w+): (\d+)/g)].map((match) => [match[1], Number(match[2])]))
}

export type ReachableDatabase = {
  /** DATA_DIR or DATABASE_URL: what a child process (the CLI, the service) is given to reach it. */
  location: Record<string, string>
  seeded: SeededData
  /** Runs fn on the database in this process (PGlite: opened for the call, so no child may hold it). */
  use: <T>(fn: (database: Database) => Promise<T>) => Promise<T>
  cleanup: () => Promise<void>
}

/**
 * Seeded patient data (rotation-fixtures) in a database other processes can open too: a PGlite
 * directory, or a schema of its own on the server PostgreSQL (named in DATABASE_URL's options).
 */
export async function createReachableDatabase (name: string, cipher: MessageCipher): Promise<ReachableDatabase> {
  if (testEngine === 'postgres') {
    const testDatabase: TestDatabase = await createTestDatabase(name)
    const schema = (await testDatabase.database.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema
    const url = new URL(serverDatabaseUrl!)
    url.searchParams.set('options', `-c search_path=${schema},public`)
    const seeded = await seedPatientData(testDatabase.database, cipher)
    return { location: { DATABASE_URL: url.toString() }, seeded, use: (fn) => fn(testDatabase.database), cleanup: () => testDatabase.cleanup() }
  }
  const dataDir = mkdtempSync(join(tmpdir(), `${name}-`))
  const use = async <T>(fn: (database: Database) => Promise<T>): Promise<T> => {
    const database = await openEmbeddedDatabase(dataDir)
    try {
      return await fn(database)
    } finally {
      await database.close()
    }
  }
  const seeded = await use(async (database) => {
    await migrate(database)
    return seedPatientData(database, cipher)
  })
  return { location: { DATA_DIR: dataDir }, seeded, use, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) }
}
