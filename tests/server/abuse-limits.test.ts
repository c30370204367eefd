import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'

// A low per-conversation limit and a per-address limit well above it, so the first is what answers.
const PER_CONVERSATION = 3
const ADMIN = { 'x-api-key': 'abuse-limits-key' }
const OUR_SITE = 'https://www.default-clinic.example'
const THEIR_SITE = 'https://www.other-clinic.example'

let testApp: TestApp

beforeAll(async () => {
  testApp = await buildTestApp('abuse-limits', {
    environment: { ADMIN_API_KEY: ADMIN['x-api-key'], CONVERSATION_MESSAGES_PER_MINUTE: String(PER_CONVERSATION), RATE_LIMIT_PER_MINUTE: '1000' }
  })
  const { app, testDatabase } = testApp
  await testDatabase.database.query('INSERT INTO clinics (id, name, settings) VALUES (\'other\', \'{"en": "Other Clinic"}\', \'{"phone": "+86 21 5555 0100"}\')')
  for (const [clinicId, site] of [['default', OUR_SITE], ['other', THEIR_SITE]] as const) {
    const saved = await app.inject({ method: 'PUT', url: `/v1/admin/clinics/${clinicId}/widget`, headers: ADMIN, payload: { allowedOrigins: [site] } })
    expect(saved.statusCode, saved.body).toBe(200)
  }
}, 60_000)

afterAll(async () => { await testApp?.close() })

const send = (conversation: { id: string, token: string }, text: string, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  testApp.app.inject({ method: 'POST', url: `/v1/conversations/${conversation.id}/messages`, headers: { authorization: `Bearer ${conversation.token}`, ...headers }, payload: { text }, remoteAddress })

const patientMessages = async (conversationId: string) =>
  Number((await testApp.testDatabase.database.query<{ count: string }>("SELECT count(*) FROM messages WHERE conversation_id = $1 AND role = 'patient'", [conversationId])).rows[0]!.count)

describe('the per-conversation limit on patient messages', () => {
  it('answers 429 with Retry-After once a conversation sent its messages for the minute, from any address, and stores nothing more', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    for (let turn = 0; turn < PER_CONVERSATION; turn++) expect((await send(patient, 'what are your opening hours?', {}, `10.0.0.${turn + 1}`)).statusCode).toBe(200)
    // A script spreading one conversation over many addresses is still limited: the key is the conversation.
    const limited = await send(patient, 'what are your opening hours?', {}, '10.0.0.99')
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error.code).toBe('RATE_LIMITED')
    const retryAfter = Number(limited.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(await patientMessages(patient.id)).toBe(PER_CONVERSATION)
  })

  it('leaves other conversations from the same address alone', async () => {
    const first = await startConversation(testApp.app, { locale: 'en' })
    for (let turn = 0; turn <= PER_CONVERSATION; turn++) await send(first, 'hello')
    const second = await startConversation(testApp.app, { locale: 'en' })
    expect((await send(second, 'hello')).statusCode).toBe(200)
  })
})

describe('message size', () => {
  it('refuses a message over 4000 characters (400) and a body over BODY_LIMIT_BYTES (413), storing nothing', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    const long = await send(patient, 'a'.repeat(4001))
    expect(long.statusCode).toBe(400)
    expect(long.json().error.message).toMatch(/body\.text/)
    const huge = await send(patient, 'a'.repeat(70_000))
    expect(huge.statusCode).toBe(413)
    expect(await patientMessages(patient.id)).toBe(0)
  })
})

describe('a clinic\'s widget origins', () => {
  it('refuses a page of another clinic\'s site on a conversation\'s routes, even with its token', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    const fromTheirSite = await send(patient, 'hello', { origin: THEIR_SITE })
    expect(fromTheirSite.statusCode).toBe(403)
    expect(fromTheirSite.json().error.code).toBe('FORBIDDEN')
    const read = await testApp.app.inject({ method: 'GET', url: `/v1/conversations/${patient.id}/messages`, headers: { authorization: `Bearer ${patient.token}`, origin: THEIR_SITE } })
    expect(read.statusCode).toBe(403)
    expect(await patientMessages(patient.id)).toBe(0)
    // The clinic's own site, and a client that sends no Origin (a server, curl), are served.
    const fromOurSite = await send(patient, 'hello', { origin: OUR_SITE })
    expect(fromOurSite.statusCode).toBe(200)
    expect(fromOurSite.headers['access-control-allow-origin']).toBe(OUR_SITE)
    expect((await send(patient, 'hello')).statusCode).toBe(200)
  })

  it('serves the other clinic\'s conversations to its own site', async () => {
    const started = await testApp.app.inject({ method: 'POST', url: '/v1/conversations', headers: { origin: THEIR_SITE }, payload: { clinicId: 'other', locale: 'en' } })
    expect(started.statusCode).toBe(201)
    const patient = { id: started.json().conversation.id, token: started.json().token }
    expect((await send(patient, 'hello', { origin: THEIR_SITE })).statusCode).toBe(200)
    expect((await send(patient, 'hello', { origin: OUR_SITE })).statusCode).toBe(403)
  })
})

describe('security headers (@fastify/helmet)', () => {
  it('sends them on the API, errors included', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    for (const response of [
      await testApp.app.inject({ method: 'GET', url: '/health' }),
      await send(patient, 'hello'),
      await testApp.app.inject({ method: 'GET', url: `/v1/conversations/${patient.id}/messages` })
    ]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/)
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
      expect(response.headers['referrer-policy']).toBe('no-referrer')
      expect(response.headers['content-security-policy']).toContain("default-src 'self'")
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'")
      expect(response.headers['x-powered-by']).toBeUndefined()
    }
  })
})
