import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { manualClock } from '../helpers/manual-clock.ts'
import { startFakeWhatsAppServer, type FakeWhatsAppServer } from '../helpers/fake-whatsapp-server.ts'
import { hubSignature } from '../../src/channels/whatsapp/whatsapp-signature.ts'

const vectors = JSON.parse(readFileSync(new URL('../fixtures/channels/channel_vectors.json', import.meta.url), 'utf8'))
const APP_SECRET = 'whatsapp-app-secret'
const ACCESS_TOKEN = 'whatsapp-access-token'
const PHONE_NUMBER_ID = '1122334455667'
const HOUR = 3600_000

let sequence = 0
const clock = manualClock('2026-12-01T08:00:00Z')

/** A notification as Meta sends it: one message from one user to our number. */
function inbound (from: string, message: Record<string, unknown>, id = `wamid.test${++sequence}`) {
  return {
    id,
    body: {
      object: 'whatsapp_business_account',
      entry: [{
        id: 'WABA-1',
        changes: [{
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '15550001111', phone_number_id: PHONE_NUMBER_ID },
            contacts: [{ profile: { name: 'Patient' }, wa_id: from }],
            messages: [{ from, id, timestamp: String(Math.floor(clock.now().getTime() / 1000)), ...message }]
          }
        }]
      }]
    }
  }
}

function statusNotification (statuses: Array<Record<string, unknown>>) {
  return { object: 'whatsapp_business_account', entry: [{ id: 'WABA-1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PHONE_NUMBER_ID }, statuses } }] }] }
}

describe('WhatsApp Cloud API webhook', () => {
  let testApp: TestApp
  let fake: FakeWhatsAppServer

  const post = (body: unknown, signature: string | null = 'valid') => {
    const raw = Buffer.from(JSON.stringify(body))
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (signature === 'valid') headers['x-hub-signature-256'] = hubSignature(APP_SECRET, raw)
    else if (signature !== null) headers['x-hub-signature-256'] = signature
    return testApp.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers, payload: raw })
  }
  const drain = () => testApp.dependencies.jobs.drain()
  const sentTo = (user: string) => fake.requests.filter((request) => request.body.to === user)
  // Channel users are stored as HMAC lookup hashes, never as their number.
  const userHash = (number: string) => testApp.dependencies.cipher.lookup.hash('channel-user', number)
  const providerHash = (id: string) => testApp.dependencies.cipher.lookup.hash('external-id', id)
  const count = async (table: string) => Number((await testApp.testDatabase.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n)

  beforeAll(async () => {
    fake = await startFakeWhatsAppServer({ accessToken: ACCESS_TOKEN })
    testApp = await buildTestApp('whatsapp-webhook', {
      clock,
      environment: {
        WHATSAPP_VERIFY_TOKEN: 'super-secret',
        WHATSAPP_APP_SECRET: APP_SECRET,
        WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN,
        WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
        WHATSAPP_API_BASE_URL: fake.baseUrl,
        ADMIN_API_KEY: 'admin-key'
      }
    })
    // Before any turn: clinic profiles are cached for a minute.
    await testApp.testDatabase.database.query('UPDATE clinics SET settings = settings || \'{"whatsappTemplate":{"name":"clinic_update","language":"en_US"}}\' WHERE id = \'default\'')
  })
  afterAll(async () => {
    await testApp.close()
    await fake.close()
  })

  it('answers the GET verification handshake with the challenge (vector meta-get-verify-shape)', async () => {
    const vector = vectors.whatsapp.verify_get[0]
    const ok = await testApp.app.inject({ method: 'GET', url: '/webhooks/whatsapp', query: vector.inputs.query })
    expect(ok.statusCode).toBe(vector.expected.status)
    expect(ok.body).toBe(vector.expected.body)
    const wrong = await testApp.app.inject({ method: 'GET', url: '/webhooks/whatsapp', query: vector.negative.query })
    expect(wrong.statusCode).toBe(vector.negative.expected_status)
    expect(wrong.json().error.code).toBe('FORBIDDEN')
  })

  it('refuses a POST with a wrong or missing signature with 401 and stores nothing', async () => {
    const jobsBefore = await count('delivery_jobs')
    const conversationsBefore = await count('conversations')
    const message = inbound('15550002001', { type: 'text', text: { body: 'hello' } })
    for (const signature of [null, 'sha256=' + '0'.repeat(64), hubSignature('another-secret', Buffer.from('x')), 'md5=abc']) {
      const response = await post(message.body, signature)
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('UNAUTHORIZED')
    }
    // Signed, but the body was changed on the way.
    const raw = Buffer.from(JSON.stringify(message.body))
    const tampered = await testApp.app.inject({
      method: 'POST', url: '/webhooks/whatsapp', headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(APP_SECRET, raw) }, payload: Buffer.from(JSON.stringify(message.body).replace('hello', 'hellO'))
    })
    expect(tampered.statusCode).toBe(401)
    await drain()
    expect(await count('delivery_jobs')).toBe(jobsBefore)
    expect(await count('conversations')).toBe(conversationsBefore)
    expect(sentTo('15550002001')).toEqual([])
  })

  it('accepts the real Meta-signed pywa payload as is (raw bytes, vector pywa-real-meta-payload)', async () => {
    const vector = vectors.whatsapp.x_hub_signature_256.find((item: { id: string }) => item.id === 'pywa-real-meta-payload')
    const built = await buildTestApp('whatsapp-real-payload', { sample: false, environment: { WHATSAPP_VERIFY_TOKEN: 'v', WHATSAPP_APP_SECRET: vector.inputs.app_secret, WHATSAPP_ACCESS_TOKEN: 't', WHATSAPP_PHONE_NUMBER_ID: 'p', WHATSAPP_API_BASE_URL: fake.baseUrl } })
    try {
      const response = await built.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: { 'content-type': 'application/json', 'x-hub-signature-256': vector.expected['x-hub-signature-256'] }, payload: Buffer.from(vector.inputs.raw_body, 'utf8') })
      expect(response.statusCode).toBe(200)
    } finally {
      await built.close()
    }
  })

  it('answers 200 at once and replies through the outbound queue, to the user, once per wamid', async () => {
    const message = inbound('15550002002', { type: 'text', text: { body: 'What are your opening hours?' } })
    const first = await post(message.body)
    expect(first.statusCode).toBe(200)
    expect(first.json()).toEqual({ received: 1, accepted: 1 })
    // Nothing has gone out yet: the reply is a queued job.
    expect(sentTo('15550002002')).toEqual([])
    // Meta retries (at least once delivery): the same wamid is taken once.
    const again = await post(message.body)
    expect(again.json()).toEqual({ received: 1, accepted: 0 })
    await drain()
    await post(message.body)
    await drain()
    const sends = sentTo('15550002002')
    expect(sends.length).toBeGreaterThan(0)
    expect(new Set(sends.map((send) => send.idempotencyKey)).size).toBe(sends.length)
    expect(sends[0]!.phoneNumberId).toBe(PHONE_NUMBER_ID)
    expect(sends[0]!.authorization).toBe(`Bearer ${ACCESS_TOKEN}`)
    expect(sends[0]!.body).toMatchObject({ messaging_product: 'whatsapp', recipient_type: 'individual', to: '15550002002' })
    const conversation = await testApp.testDatabase.database.query<{ channel: string, turn_count: number }>('SELECT channel, turn_count FROM conversations WHERE channel_user_hash = $1', [userHash('15550002002')])
    expect(conversation.rows).toEqual([{ channel: 'whatsapp', turn_count: 1 }])
  })

  it('answers an emergency with the emergency reply, through the same guards as the web', async () => {
    await post(inbound('15550002003', { type: 'text', text: { body: 'I have crushing chest pain and cannot breathe' } }).body)
    await drain()
    const [reply] = sentTo('15550002003')
    const text = JSON.stringify(reply!.body)
    expect(text).toMatch(/120|emergency/i)
    const guardEvents = await testApp.testDatabase.database.query('SELECT category FROM guard_events g JOIN conversations c ON c.id = g.conversation_id WHERE c.channel_user_hash = $1', [userHash('15550002003')])
    expect(guardEvents.rows).toContainEqual({ category: 'emergency' })
  })

  it('sends quick replies as interactive buttons or a list, and takes a tapped button as the patient\'s answer', async () => {
    await post(inbound('15550002004', { type: 'text', text: { body: 'hello' } }).body)
    await drain()
    const interactive = sentTo('15550002004').map((send) => send.body).find((body) => body.type === 'interactive') as { interactive: { type: string, action: { buttons?: unknown[], sections?: Array<{ rows: Array<{ id: string, title: string }> }> } } } | undefined
    expect(interactive).toBeDefined()
    const options = interactive!.interactive.type === 'button'
      ? (interactive!.interactive.action.buttons as Array<{ reply: { id: string } }>).map((button) => button.reply.id)
      : interactive!.interactive.action.sections!.flatMap((section) => section.rows.map((row) => row.id))
    expect(options.length).toBeLessThanOrEqual(interactive!.interactive.type === 'button' ? 3 : 10)
    if (interactive!.interactive.type === 'list') expect(interactive!.interactive.action.sections![0]!.rows.every((row) => [...row.title].length <= 24)).toBe(true)
    const before = sentTo('15550002004').length
    await post(inbound('15550002004', { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'Opening hours & address', title: 'Opening hours & address' } } }).body)
    await drain()
    const after = sentTo('15550002004').slice(before).map((send) => JSON.stringify(send.body)).join(' ')
    expect(after).toMatch(/hour|open|address/i)
  })

  it('answers a picture, a sticker or a location with the vetted "please type your question" phrase', async () => {
    for (const [user, message] of [
      ['15550002005', { type: 'image', image: { mime_type: 'image/jpeg', sha256: 'x', id: '65463453' } }],
      ['15550002006', { type: 'sticker', sticker: { id: '1', mime_type: 'image/webp' } }],
      ['15550002007', { type: 'location', location: { latitude: 1, longitude: 2 } }]
    ] as const) {
      await post(inbound(user, message).body)
    }
    await drain()
    for (const user of ['15550002005', '15550002006', '15550002007']) {
      const [reply] = sentTo(user)
      expect((reply!.body.text as { body: string }).body).toMatch(/please type your question|请用文字/i)
    }
  })

  it('records delivery statuses per message, keeping the highest one whatever the order', async () => {
    await post(inbound('15550002008', { type: 'text', text: { body: 'Do you accept insurance?' } }).body)
    await drain()
    const wamid = sentTo('15550002008').at(-1)!.answeredId!
    const stored = await testApp.testDatabase.database.query<{ provider_message_hash: string, status: string }>('SELECT provider_message_hash, status FROM channel_deliveries WHERE idempotency_key IN (SELECT idempotency_key FROM delivery_jobs WHERE order_key LIKE $1)', [`%${userHash('15550002008')}`])
    // The provider's id is kept as its lookup hash only (a real WhatsApp id encodes the number).
    expect(stored.rows).toEqual([{ provider_message_hash: providerHash(wamid), status: 'accepted' }])
    const at = String(Math.floor(clock.now().getTime() / 1000))
    await post(statusNotification([{ id: wamid, status: 'read', timestamp: at, recipient_id: '15550002008' }]))
    const late = await post(statusNotification([{ id: wamid, status: 'delivered', timestamp: at, recipient_id: '15550002008' }, { id: wamid, status: 'sent', timestamp: at, recipient_id: '15550002008' }]))
    expect(late.statusCode).toBe(200)
    const status = async (id: string) => (await testApp.testDatabase.database.query<{ status: string, error: unknown }>('SELECT status, error FROM channel_deliveries WHERE provider_message_hash = $1', [providerHash(id)])).rows[0]
    expect((await status(wamid))!.status).toBe('read')
    const failed = vectors.whatsapp.payload_shape_examples.find((example: { id: string }) => example.id === 'status-failed').payload
    failed.entry[0].changes[0].value.metadata.phone_number_id = PHONE_NUMBER_ID
    await post(failed)
    expect(await status('wamid.xyzxyz')).toMatchObject({ status: 'failed', error: [expect.objectContaining({ code: 130472 })] })
  })

  it('retries a send after a 500 (once delivered) and never after a 400 (a dead letter with the provider\'s error)', async () => {
    fake.script({ status: 500, error: { code: 131000, message: 'Something went wrong' } })
    await post(inbound('15550002009', { type: 'text', text: { body: 'Where is the clinic?' } }).body)
    await drain()
    expect(sentTo('15550002009')).toHaveLength(1)
    const key = sentTo('15550002009')[0]!.idempotencyKey
    expect(await testApp.dependencies.jobs.find(key)).toMatchObject({ status: 'queued', lastError: expect.stringContaining('HTTP 500') })
    clock.advance(HOUR)
    await drain()
    expect(sentTo('15550002009').filter((send) => send.idempotencyKey === key)).toHaveLength(2)
    expect(fake.deliveredPerKey().get(key)).toBe(1)
    expect((await testApp.dependencies.jobs.find(key))!.status).toBe('done')

    fake.script({ status: 400, error: { code: 131030, message: 'Recipient phone number not in allowed list' } })
    await post(inbound('15550002010', { type: 'text', text: { body: 'Where is the clinic?' } }).body)
    await drain()
    clock.advance(24 * HOUR)
    await drain()
    const attempts = sentTo('15550002010')
    expect(attempts).toHaveLength(1)
    expect(await testApp.dependencies.jobs.find(attempts[0]!.idempotencyKey)).toMatchObject({
      status: 'dead', lastError: 'permanent failure: WhatsApp answered HTTP 400: (#131030) Recipient phone number not in allowed list'
    })
    // Clinic staff see the dead letter and its reason.
    const listed = await testApp.app.inject({ method: 'GET', url: '/v1/admin/delivery/jobs?status=dead', headers: { 'x-api-key': 'admin-key' } })
    expect(listed.json().jobs).toContainEqual(expect.objectContaining({ idempotencyKey: attempts[0]!.idempotencyKey, kind: 'channel.send', attempts: 1, lastError: expect.stringContaining('#131030') }))
    expect((await testApp.app.inject({ method: 'GET', url: '/v1/admin/delivery/jobs' })).statusCode).toBe(401)
  })

  it('honours Retry-After on a 429', async () => {
    fake.script({ status: 429, error: { code: 130429, message: 'Rate limit hit' }, retryAfter: '600' })
    await post(inbound('15550002011', { type: 'text', text: { body: 'Where is the clinic?' } }).body)
    await drain()
    const [attempt] = sentTo('15550002011')
    const job = await testApp.dependencies.jobs.find(attempt!.idempotencyKey)
    expect(job!.runAt.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(600_000)
  })

  it('outside the 24-hour window sends only the clinic\'s approved template', async () => {
    await post(inbound('15550002012', { type: 'text', text: { body: 'Where is the clinic?' } }).body)
    await drain()
    const conversation = (await testApp.dependencies.conversationStore.findByChannelUser({ clinicId: 'default', channel: 'whatsapp', channelUserId: '15550002012' }))!
    clock.advance(25 * HOUR)
    const sent = await testApp.dependencies.channels.pipeline.sendToConversation(
      conversation,
      { id: '00000000-0000-4000-8000-000000000012', text: 'Your appointment is tomorrow.\nPlease bring your card.' })
    expect(sent).toBe(true)
    await drain()
    const last = sentTo('15550002012').at(-1)!
    expect(last.body).toMatchObject({
      type: 'template',
      template: { name: 'clinic_update', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Your appointment is tomorrow. Please bring your card.' }] }] }
    })
  })

  it('reports WhatsApp as on in /health', async () => {
    const health = await testApp.app.inject({ method: 'GET', url: '/health' })
    expect(health.json().channels).toMatchObject({ web: true, whatsapp: true })
  })
})

describe('WhatsApp without settings', () => {
  it('is off: its routes answer 404 and /health says so', async () => {
    const testApp = await buildTestApp('whatsapp-off', { sample: false })
    try {
      for (const method of ['GET', 'POST'] as const) {
        const response = await testApp.app.inject({ method, url: '/webhooks/whatsapp', headers: { 'content-type': 'application/json' }, payload: method === 'POST' ? '{}' : undefined })
        expect(response.statusCode).toBe(404)
        expect(response.json().error.code).toBe('NOT_FOUND')
      }
      const health = await testApp.app.inject({ method: 'GET', url: '/health' })
      expect(health.json().channels).toEqual({ web: true, whatsapp: false, wechat: false })
    } finally {
      await testApp.close()
    }
  })
})
