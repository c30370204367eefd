import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hubSignature } from '../../src/channels/whatsapp/whatsapp-signature.ts'
import { startFakeWhatsAppServer, type FakeWhatsAppServer } from '../helpers/fake-whatsapp-server.ts'
import { startServiceProcess, type ServiceProcess } from '../helpers/service-process.ts'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.ts'

const APP_SECRET = 'restart-app-secret'
const ACCESS_TOKEN = 'restart-access-token'
const PHONE_NUMBER_ID = '5550001'
const PATIENTS = 10
// The queue's default concurrency: when this many sends are held open, every earlier job has finished.
const CONCURRENCY = 4

function notification (from: string, id: string, text: string): Buffer {
  return Buffer.from(JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PHONE_NUMBER_ID }, contacts: [{ wa_id: from }], messages: [{ from, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } }] } }] }]
  }))
}

async function pendingJobs (service: ServiceProcess): Promise<number | null> {
  const response = await fetch(`${service.baseUrl}/health`)
  const body = await response.json() as { delivery?: { pending: number } }
  return body.delivery?.pending ?? null
}

describe('the real service killed mid-queue and restarted', () => {
  let fake: FakeWhatsAppServer
  let dataDir: string
  let serverDatabase: TestDatabase | undefined
  let service: ServiceProcess | undefined
  const environment: Record<string, string> = {}

  beforeAll(async () => {
    fake = await startFakeWhatsAppServer({ accessToken: ACCESS_TOKEN })
    dataDir = mkdtempSync(join(tmpdir(), 'restart-mid-queue-'))
    Object.assign(environment, {
      DATA_DIR: dataDir,
      ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
      WHATSAPP_VERIFY_TOKEN: 'verify',
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_API_BASE_URL: fake.baseUrl,
      // A job held by the killed process is taken over when its short lease ends.
      DELIVERY_LEASE_SECONDS: '2',
      DELIVERY_POLL_MS: '50'
    })
    if (testEngine === 'postgres') {
      // The server PostgreSQL, in a schema of its own.
      serverDatabase = await createTestDatabase('restart-mid-queue', { migrated: false })
      const schema = (await serverDatabase.database.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema
      environment.DATABASE_URL = `${process.env.TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema},public`)}`
    }
  })
  afterAll(async () => {
    await service?.kill('SIGKILL')
    await fake.close()
    await serverDatabase?.cleanup()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('loses no reply and sends none twice (counted per idempotency key at the provider)', async () => {
    service = await startServiceProcess(environment)
    // The provider answers three sends, then holds every further one open.
    fake.script('ok', 'ok', 'ok')
    fake.otherwise('hold')
    const users = Array.from({ length: PATIENTS }, (_, index) => `1555010${String(index).padStart(4, '0')}`)
    for (const [index, user] of users.entries()) {
      const body = notification(user, `wamid.restart${index}`, index % 2 ? 'What are your opening hours?' : '你们几点开门？')
      const response = await fetch(`${service.baseUrl}/webhooks/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(APP_SECRET, body) }, body })
      expect(response.status).toBe(200)
    }
    await expect.poll(() => fake.held(), { timeout: 60_000, interval: 50 }).toBe(CONCURRENCY)
    expect(fake.delivered).toHaveLength(3)

    // Killed with sends in flight and more still queued.
    await service.kill('SIGKILL')
    fake.otherwise('ok')
    service = await startServiceProcess(environment)
    await expect.poll(() => pendingJobs(service!), { timeout: 60_000, interval: 200 }).toBe(0)
    await service.kill('SIGTERM')

    const perKey = fake.deliveredPerKey()
    const twice = [...perKey].filter(([, count]) => count > 1)
    expect(twice, `sent twice: ${JSON.stringify(twice)}; delivered in order: ${JSON.stringify(fake.delivered.map((send) => send.idempotencyKey))}`).toEqual([])
    // Every message ever attempted was delivered in the end, and exactly once.
    expect(new Set(fake.requests.map((send) => send.idempotencyKey))).toEqual(new Set(perKey.keys()))
    expect([...perKey.values()].every((count) => count === 1)).toBe(true)
    // The held sends were sent again after the restart (the provider never answered them).
    expect(fake.requests.length).toBeGreaterThan(fake.delivered.length)
    // Every patient got an answer.
    expect(new Set(fake.delivered.map((send) => send.body.to))).toEqual(new Set(users))
  }, 240_000)
})
