import { randomBytes } from 'node:crypto'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { createDependencies } from '../../src/deps.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { manualClock } from '../helpers/manual-clock.ts'
import { AGENT_TEST_ENVIRONMENT, createAgent, type AgentClient } from '../helpers/agent-client.ts'
import { startFakeWhatsAppServer, type FakeWhatsAppServer } from '../helpers/fake-whatsapp-server.ts'
import { hubSignature } from '../../src/channels/whatsapp/whatsapp-signature.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { findPatientTraces, tracedColumns } from './patient-data-traces.ts'

const APP_SECRET = 'whatsapp-app-secret'
const ACCESS_TOKEN = 'whatsapp-access-token'
const PHONE_NUMBER_ID = '1122334455667'
const key = () => randomBytes(32).toString('base64')
const ENCRYPTION_KEYS = `k1:${key()}`
const LOOKUP_1 = `l1:${key()}`
const LOOKUP_2 = `l2:${key()}`
// Monday 14 December 2026, 08:10 in Shanghai.
const clock = manualClock('2026-12-14T00:10:00Z')

// The caller: a WhatsApp user who booked with their own mobile number.
const WA_ID = '8613912345678'
const PHONE = '13912345678'
const NAME = 'Rosalind Kettleworth'
const SYMPTOM = 'a cough that sounds like a Kazoo trumpet'
// The phone and the WhatsApp user also as stored (E.164, wa_id), so their lookup hashes are searched for too.
const NEEDLES = [PHONE, `+86${PHONE}`, WA_ID, NAME, 'Kettleworth', 'Kazoo']

let sequence = 0

describe('an agent exports and erases for a caller verified by phone and booking reference', () => {
  let testApp: TestApp
  let fake: FakeWhatsAppServer
  let admin: AgentClient
  let supervisor: AgentClient
  let reference: string
  let conversationId: string

  const proof = (overrides: Record<string, string> = {}) => ({ phone: PHONE, bookingReference: reference, ...overrides })

  /** The user writes on WhatsApp (a signed webhook), and the queue runs the turn and sends the replies. */
  async function whatsApp (text: string, from = WA_ID): Promise<void> {
    const id = `wamid.rights${++sequence}`
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: 'WABA-1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550001111', phone_number_id: PHONE_NUMBER_ID }, contacts: [{ profile: { name: 'Patient' }, wa_id: from }], messages: [{ from, id, timestamp: String(Math.floor(clock.now().getTime() / 1000)), type: 'text', text: { body: text } }] } }] }]
    }
    const raw = Buffer.from(JSON.stringify(body))
    const response = await testApp.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(APP_SECRET, raw) }, payload: raw })
    expect(response.statusCode).toBe(200)
    await testApp.dependencies.jobs.drain()
  }

  const conversationsOfUser = async () => (await testApp.testDatabase.database.query<{ id: string }>(
    "SELECT id FROM conversations WHERE channel = 'whatsapp' AND channel_user_hash = ANY($1::text[]) ORDER BY created_at",
    [testApp.dependencies.cipher.lookup.candidates('channel-user', WA_ID)])).rows.map((row) => row.id)

  beforeAll(async () => {
    fake = await startFakeWhatsAppServer({ accessToken: ACCESS_TOKEN })
    testApp = await buildTestApp('agent-patient-data', {
      clock,
      environment: { ...AGENT_TEST_ENVIRONMENT, ENCRYPTION_KEYS, LOOKUP_KEYS: LOOKUP_1, WHATSAPP_VERIFY_TOKEN: 'verify', WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID, WHATSAPP_API_BASE_URL: fake.baseUrl }
    })
    admin = await createAgent(testApp.app, { email: 'admin@clinic.example', name: 'Admin Zhao', role: 'admin' })
    supervisor = await createAgent(testApp.app, { email: 'sup@clinic.example', name: 'Supervisor Qian', role: 'supervisor' })
    await whatsApp(`I have ${SYMPTOM}`)
    await whatsApp('book general practice tomorrow')
    await whatsApp('1')
    await whatsApp(`${NAME} ${PHONE}`)
    const booked = await testApp.testDatabase.database.query<{ reference: string, conversation_id: string }>('SELECT reference, conversation_id FROM appointments')
    expect(booked.rows).toHaveLength(1)
    reference = booked.rows[0]!.reference
    conversationId = booked.rows[0]!.conversation_id
    expect(fake.delivered.length).toBeGreaterThan(0)
  })
  afterAll(async () => {
    await testApp?.close()
    await fake?.close()
  })

  it('is for supervisors and admins only', async () => {
    const agent = await createAgent(testApp.app, { email: 'agent@clinic.example', name: 'Agent Sun', role: 'agent' })
    const refused = await agent.request('POST', '/v1/agent/patient-data/lookup', proof())
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('FORBIDDEN')
    expect((await testApp.app.inject({ method: 'POST', url: '/v1/agent/patient-data/lookup', payload: proof() })).statusCode).toBe(401)
  })

  it('finds the booking\'s conversation only when phone and reference belong to the same booking, however they are written', async () => {
    const found = await supervisor.request('POST', '/v1/agent/patient-data/lookup', proof({ phone: '+86 139-1234-5678', bookingReference: reference.toLowerCase().replace('-', ' ') }))
    expect(found.statusCode).toBe(200)
    expect(found.json()).toMatchObject({ appointment: { reference, status: 'booked' }, conversations: [{ id: conversationId, channel: 'whatsapp' }] })

    const wrongPhone = await supervisor.request('POST', '/v1/agent/patient-data/lookup', proof({ phone: '13900000000' }))
    const unknownReference = await supervisor.request('POST', '/v1/agent/patient-data/lookup', proof({ bookingReference: 'APT-000000' }))
    expect(wrongPhone.statusCode).toBe(404)
    expect(wrongPhone.json()).toEqual(unknownReference.json())
    const malformed = await supervisor.request('POST', '/v1/agent/patient-data/lookup', proof({ phone: 'call me maybe' }))
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error.message).toMatch(/^body\.phone/)

    const trail = await testApp.dependencies.audit.list({ clinicId: 'default', actorId: supervisor.id })
    expect(trail.map((event) => event.action).filter((action) => action.startsWith('patient_data.'))).toEqual(['patient_data.lookup_failed', 'patient_data.lookup_failed', 'patient_data.verified'])
    expect(JSON.stringify(trail)).not.toMatch(/13912345678|13900000000|Kettleworth/)
  })

  it('refuses an agent after repeated failed verifications, until the window has passed', async () => {
    const guesser = await createAgent(testApp.app, { email: 'guess@clinic.example', name: 'Supervisor Li', role: 'supervisor' })
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await guesser.request('POST', '/v1/agent/patient-data/lookup', proof({ phone: `1390000000${attempt}` }))).statusCode).toBe(404)
    }
    const limited = await guesser.request('POST', '/v1/agent/patient-data/lookup', proof())
    expect(limited.statusCode).toBe(429)
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    // Other staff are not held up by one agent's failures.
    expect((await supervisor.request('POST', '/v1/agent/patient-data/lookup', proof())).statusCode).toBe(200)
    clock.advance(15 * 60_000 + 1000)
    expect((await guesser.request('POST', '/v1/agent/patient-data/lookup', proof())).statusCode).toBe(200)
    const refusals = await testApp.dependencies.audit.list({ clinicId: 'default', actorId: guesser.id, action: 'patient_data.lookup_refused' })
    expect(refusals).toHaveLength(1)
  })

  it('exports the verified caller\'s data as an attachment, audited with the agent as actor', async () => {
    const response = await admin.request('POST', '/v1/agent/patient-data/export', proof())
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toBe(`attachment; filename="patient-data-${reference}.json"`)
    const exported = response.json()
    expect(exported.conversations).toHaveLength(1)
    expect(exported.conversations[0].messages.map((message: { text: string }) => message.text)).toContain(`I have ${SYMPTOM}`)
    expect(exported.appointments).toEqual([expect.objectContaining({ reference, patient: { name: NAME, phone: `+86${PHONE}` } })])
    expect(exported.channelIdentities).toEqual([{ channel: 'whatsapp', userId: WA_ID, lastInboundAt: expect.any(String) }])
    const [event] = await testApp.dependencies.audit.list({ clinicId: 'default', action: 'patient_data.exported' })
    expect(event).toMatchObject({ actor: { kind: 'agent', id: admin.id }, detail: { via: 'agent', conversationIds: [conversationId] } })
  })

  it('erases everything of the caller, channel traces and queued texts included; writing again starts a new conversation', async () => {
    // The provider's ids of the replies sent to the user (a real WhatsApp id encodes the number): kept as lookup hashes.
    const needles = [...NEEDLES, ...fake.delivered.map((send) => send.answeredId!)]
    const before = await findPatientTraces(testApp.testDatabase.database, testApp.dependencies.cipher, needles)
    // Found while there: decrypted, and as lookup hashes (in columns, in order keys, in send results).
    expect(tracedColumns(before)).toEqual(expect.arrayContaining([
      'appointments.patient_name_ciphertext', 'appointments.patient_phone_ciphertext', 'appointments.phone_hash',
      'channel_deliveries.provider_message_hash', 'channel_users.user_ciphertext', 'channel_users.user_hash',
      'conversations.channel_user_ciphertext', 'conversations.channel_user_hash',
      'delivery_jobs.order_key', 'delivery_jobs.payload', 'delivery_jobs.result', 'messages.body_ciphertext'
    ]))

    expect((await admin.request('POST', '/v1/agent/patient-data/erase', proof())).statusCode).toBe(204)
    expect(await findPatientTraces(testApp.testDatabase.database, testApp.dependencies.cipher, needles)).toEqual([])
    const [event] = await testApp.dependencies.audit.list({ clinicId: 'default', action: 'patient_data.erased' })
    expect(event).toMatchObject({ actor: { kind: 'agent', id: admin.id }, detail: { via: 'agent', conversations: 1, appointments: 1, channelIdentities: 1 } })
    // The booking is anonymous now: the same proof no longer finds anything.
    expect((await admin.request('POST', '/v1/agent/patient-data/lookup', proof())).statusCode).toBe(404)

    await whatsApp('hello again')
    const conversations = await conversationsOfUser()
    expect(conversations).toHaveLength(1)
    expect(conversations[0]).not.toBe(conversationId)
  })

  it('erases a booking whose conversation is already gone (a WeChat unsubscribe deletes conversations, not bookings)', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    await patient.say('book dermatology tomorrow')
    await patient.say('1')
    const booked = await patient.say('Perpetua Oddsworth 13712345678')
    expect(booked.appointment?.status).toBe('booked')
    await testApp.testDatabase.database.query('DELETE FROM conversations WHERE id = $1', [patient.id])
    const caller = { phone: '13712345678', bookingReference: booked.appointment.reference }

    const found = await admin.request('POST', '/v1/agent/patient-data/lookup', caller)
    expect(found.json()).toMatchObject({ appointment: { reference: booked.appointment.reference }, conversations: [] })
    const exported = await admin.request('POST', '/v1/agent/patient-data/export', caller)
    expect(exported.json()).toMatchObject({ conversations: [], appointments: [{ patient: { name: 'Perpetua Oddsworth', phone: '+8613712345678' } }] })
    expect((await admin.request('POST', '/v1/agent/patient-data/erase', caller)).statusCode).toBe(204)
    expect(await findPatientTraces(testApp.testDatabase.database, testApp.dependencies.cipher, ['Oddsworth', '13712345678'])).toEqual([])
    const [event] = await testApp.dependencies.audit.list({ clinicId: 'default', action: 'patient_data.erased' })
    expect(event).toMatchObject({ subject: { kind: 'appointment' }, detail: { conversations: 0, appointments: 1 } })
  })

  it('finds and erases a caller\'s rows hashed under the older lookup key while that key rotates', async () => {
    const caller = { waId: '8613611112222', phone: '13611112222', name: 'Barnaby Quillfeather' }
    await whatsApp('book general practice tomorrow', caller.waId)
    await whatsApp('1', caller.waId)
    await whatsApp(`${caller.name} ${caller.phone}`, caller.waId)
    const booked = await testApp.testDatabase.database.query<{ reference: string, conversation_id: string }>(
      'SELECT reference, conversation_id FROM appointments WHERE erased_at IS NULL AND conversation_id IS NOT NULL')
    expect(booked.rows).toHaveLength(1)
    const { reference: callerReference, conversation_id: firstConversation } = booked.rows[0]!

    // The service restarts with a new lookup key first (the old one kept until the rotation is done),
    // and the caller, whose first conversation has closed, writes again: a conversation hashed under l2.
    const during = await createDependencies({
      config: loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', ENCRYPTION_KEYS, LOOKUP_KEYS: `${LOOKUP_2},${LOOKUP_1}` }),
      database: testApp.testDatabase.database,
      clock,
      logger: pino({ level: 'silent' })
    })
    await testApp.testDatabase.database.query("UPDATE conversations SET status = 'closed' WHERE id = $1", [firstConversation])
    clock.advance(60_000)
    const second = await during.conversations.receiveFromChannel({ clinicId: 'default', channel: 'whatsapp', channelUserId: caller.waId, externalId: 'wamid.after-restart', text: 'is the clinic open on Sunday?' })
    const hashes = await testApp.testDatabase.database.query<{ id: string, channel_user_hash: string }>(
      'SELECT id, channel_user_hash FROM conversations WHERE id = ANY($1::uuid[]) ORDER BY created_at', [[firstConversation, second.conversation.id]])
    expect(hashes.rows.map((row) => row.channel_user_hash.split(':')[0])).toEqual(['l1', 'l2'])

    const staff = { id: admin.id, clinicId: 'default' }
    const proofOfCaller = { phone: caller.phone, bookingReference: callerReference }
    const verified = await during.patientData.agentVerified.lookup(staff, proofOfCaller)
    expect(verified.conversations.map((conversation) => conversation.id)).toEqual([firstConversation, second.conversation.id])

    const needles = [caller.phone, `+86${caller.phone}`, caller.waId, caller.name, 'Quillfeather',
      ...fake.delivered.filter((send) => send.body.to === caller.waId).map((send) => send.answeredId!)]
    expect(tracedColumns(await findPatientTraces(testApp.testDatabase.database, during.cipher, needles))).toEqual(expect.arrayContaining([
      'appointments.phone_hash', 'channel_deliveries.provider_message_hash', 'channel_users.user_hash', 'conversations.channel_user_hash', 'delivery_jobs.order_key'
    ]))
    expect(await during.patientData.agentVerified.erase(staff, proofOfCaller)).toMatchObject({ conversations: 2, appointments: 1, channelIdentities: 1 })
    expect(await findPatientTraces(testApp.testDatabase.database, during.cipher, needles)).toEqual([])
  })
})
