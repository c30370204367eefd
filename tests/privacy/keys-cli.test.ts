import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/database.ts'
import { migrate } from '../../src/db/migrate.ts'
import { openEmbeddedDatabase } from '../../src/db/open-database.ts'
import { createTestDatabase, serverDatabaseUrl, testEngine, type TestDatabase } from '../helpers/test-database.ts'
import { MESSAGE_COUNT, expectEverythingReadable, keyRings, seedPatientData, type SeededData } from './rotation-fixtures.ts'

// `npm run keys` as a real process: killed mid-rotation (SIGKILL, no chance to finish its batch),
// then status, then run again to the end. The CLI reaches the same database as the test: a
// PGlite directory, or this test's schema on the server PostgreSQL.
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const NODE = join(ROOT, 'node_modules/.bin/node')
const rings = keyRings()

type Finished = { code: number | null, stdout: string, stderr: string }

function keysCli (args: string[], environment: Record<string, string>, onStdout?: (text: string, kill: () => void) => void): Promise<Finished> {
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
function messageKeysOf (statusOutput: string): Record<string, number> {
  const line = statusOutput.split('\n').find((text) => /^messages\s+body\s+ciphertext\s/.test(text))
  if (!line) throw new Error(`no messages line in:\n${statusOutput}`)
  return Object.fromEntries([...line.matchAll(/(\w+): (\d+)/g)].map((match) => [match[1], Number(match[2])]))
}

describe('npm run keys -- rotate, killed and run again', () => {
  let testDatabase: TestDatabase | undefined
  let dataDir: string | undefined
  let seeded: SeededData
  let location: Record<string, string>

  const openForTest = async (): Promise<Database> => testDatabase ? testDatabase.database : openEmbeddedDatabase(dataDir!)

  beforeAll(async () => {
    if (testEngine === 'postgres') {
      testDatabase = await createTestDatabase('keys-cli')
      const schema = (await testDatabase.database.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema
      const url = new URL(serverDatabaseUrl!)
      url.searchParams.set('options', `-c search_path=${schema},public`)
      location = { DATABASE_URL: url.toString() }
      seeded = await seedPatientData(testDatabase.database, rings.before)
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'keys-cli-'))
      location = { DATA_DIR: dataDir }
      const database = await openEmbeddedDatabase(dataDir)
      await migrate(database)
      seeded = await seedPatientData(database, rings.before)
      await database.close()
    }
  }, 240_000)
  afterAll(async () => {
    await testDatabase?.cleanup()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('names its subcommands when given none', async () => {
    const usage = await keysCli([], location)
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('npm run keys -- status')
    expect(usage.stderr).toContain('npm run keys -- rotate')
  })

  it('killed after its first batches, it leaves a part rotated; status shows both keys; a second run finishes', async () => {
    const killed = await keysCli(['rotate', '--batch-size', '100'], { ...location, ENCRYPTION_KEYS: rings.environment.during }, (stdout, kill) => {
      if (/^messages: \d+\/10000$/m.test(stdout)) kill()
    })
    expect(killed.code).toBeNull()
    expect(killed.stdout).not.toContain('rotation complete')

    const halfway = await keysCli(['status'], { ...location, ENCRYPTION_KEYS: rings.environment.during })
    expect(halfway.code).toBe(0)
    const keys = messageKeysOf(halfway.stdout)
    expect(keys.k1).toBeGreaterThan(0)
    expect(keys.k2).toBeGreaterThanOrEqual(100)
    expect(keys.k1! + keys.k2!).toBe(MESSAGE_COUNT)
    expect(halfway.stdout).toContain('rotation complete: no')

    // Without the old key the rotation cannot read what is left, and says so instead of guessing.
    const withoutOldKey = await keysCli(['rotate'], { ...location, ENCRYPTION_KEYS: rings.environment.after })
    expect(withoutOldKey.code).toBe(1)
    expect(withoutOldKey.stderr).toMatch(/messages \(body\) were written with key "k1", which the key ring lacks/)

    const resumed = await keysCli(['rotate'], { ...location, ENCRYPTION_KEYS: rings.environment.during })
    expect(resumed.stderr).toBe('')
    expect(resumed.code).toBe(0)
    expect(resumed.stdout).toMatch(new RegExp(`^messages: ${keys.k1}/${keys.k1}$`, 'm'))
    expect(resumed.stdout).toContain('rotation complete')

    const done = await keysCli(['status'], { ...location, ENCRYPTION_KEYS: rings.environment.after })
    expect(messageKeysOf(done.stdout)).toEqual({ k2: MESSAGE_COUNT })
    expect(done.stdout).toContain('rotation complete: yes')
  }, 240_000)

  it('every value reads through the normal read paths with the new key alone', async () => {
    const database = await openForTest()
    try {
      await expectEverythingReadable(database, rings.after, seeded)
    } finally {
      if (!testDatabase) await database.close()
    }
  }, 60_000)
})
