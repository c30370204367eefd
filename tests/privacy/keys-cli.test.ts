import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MESSAGE_COUNT, expectEverythingReadable, keyRings } from './rotation-fixtures.ts'
import { createReachableDatabase, keysCli, messageKeysOf, type ReachableDatabase } from './keys-process.ts'

// `npm run keys` as a real process: killed mid-rotation (SIGKILL, no chance to finish its batch),
// then status, then run again to the end. The CLI reaches the same database as the test: a
// PGlite directory, or this test's schema on the server PostgreSQL.
const rings = keyRings()

describe('npm run keys -- rotate, killed and run again', () => {
  let reachable: ReachableDatabase
  let location: Record<string, string>
  beforeAll(async () => {
    reachable = await createReachableDatabase('keys-cli', rings.before)
    location = reachable.location
  }, 240_000)
  afterAll(async () => { await reachable.cleanup() })

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
    await reachable.use((database) => expectEverythingReadable(database, rings.after, reachable.seeded))
  }, 60_000)
})
