import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServiceProcess, type ServiceProcess } from '../helpers/service-process.ts'
import { testEngine } from '../helpers/test-database.ts'
import { createReachableDatabase, keysCli, messageKeysOf, type ReachableDatabase } from './keys-process.ts'
import { MESSAGE_COUNT, expectEverythingReadable, keyRings } from './rotation-fixtures.ts'

// The operator's whole part: put the new key first and restart. The real service (node src/main.ts)
// sees rows under the old key, rotates them in the background on its job queue, and keeps serving.
const rings = keyRings()

describe('the service restarted with a new key first', () => {
  let reachable: ReachableDatabase
  let service: ServiceProcess | undefined
  beforeAll(async () => { reachable = await createReachableDatabase('service-rotation', rings.before) }, 240_000)
  afterAll(async () => {
    await service?.kill('SIGKILL')
    await reachable.cleanup()
  })

  it('rotates everything in the background while it serves, then the old key can go', async () => {
    service = await startServiceProcess({ ...reachable.location, ENCRYPTION_KEYS: rings.environment.during, LOAD_SAMPLE_CORPUS: 'false' })
    expect((await fetch(`${service.baseUrl}/health`)).status).toBe(200)
    if (testEngine === 'pglite') {
      // The embedded database is the service's: the CLI says so, and that the service rotates by itself.
      const refused = await keysCli(['status'], { ...reachable.location, ENCRYPTION_KEYS: rings.environment.during })
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('The service rotates keys itself in the background')
    }
    // Each log line is looked at as it comes (the helper's own listener has appended it already).
    await new Promise<void>((resolve, reject) => {
      const look = () => { if (service!.output().includes('"msg":"key rotation complete"')) resolve() }
      service!.child.stdout!.on('data', look)
      service!.child.once('exit', () => reject(new Error(`the service stopped before the rotation completed:\n${service!.output()}`)))
      look()
    })
    expect(service.output()).toContain('key rotation queued in the background')
    await service.kill('SIGTERM')
    const status = await keysCli(['status'], { ...reachable.location, ENCRYPTION_KEYS: rings.environment.after })
    expect(messageKeysOf(status.stdout)).toEqual({ k2: MESSAGE_COUNT })
    expect(status.stdout).toContain('rotation complete: yes')
    await reachable.use((database) => expectEverythingReadable(database, rings.after, reachable.seeded))
  }, 240_000)
})
