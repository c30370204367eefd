import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { AGENT_TEST_ENVIRONMENT, createAgent, type AgentClient } from '../helpers/agent-client.ts'
import { manualClock } from '../helpers/manual-clock.ts'
import { openSse } from '../helpers/sse-client.ts'
import { findPatientTraces, tracedColumns } from './patient-data-traces.ts'

// Monday 14 December 2026, 08:10 in Shanghai: the clinic's week lies ahead.
const clock = manualClock('2026-12-14T00:10:00Z')

// What only this patient wrote or gave: none of it may be readable anywhere after the erasure.
const SYMPTOM = 'itchy rash on my elbow since the Zorblax picnic'
const NAME = 'Quintessa Marchbanks'
const PHONE = '13812349876'
const MEDICINE = 'Flurbostatin'
const AGENT_NOTE = 'Marchbanks asked about the ointment'
// The phone also as stored (E.164), so its lookup hash is searched for too.
const NEEDLES = [SYMPTOM, 'Zorblax', NAME, 'Marchbanks', PHONE, `+86${PHONE}`, MEDICINE, AGENT_NOTE]

describe('a web patient exports and erases their conversation (conversation token)', () => {
  let testApp: TestApp
  let supervisor: AgentClient
  let patient: Awaited<ReturnType<typeof startConversation>>
  let reference: string
  let triage: { urgency: string, department: { code: string } | null }
  let baseUrl: string
  const withToken = (method: 'GET' | 'DELETE' | 'POST', url: string, token = patient.token, payload?: Record<string, unknown>) =>
    testApp.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) })
  const database = () => testApp.testDatabase.database

  beforeAll(async () => {
    testApp = await buildTestApp('patient-data-rights', { clock, environment: AGENT_TEST_ENVIRONMENT })
    baseUrl = await testApp.app.listen({ port: 0, host: '127.0.0.1' })
    supervisor = await createAgent(testApp.app, { email: 'sup@clinic.example', name: 'Supervisor Wu', role: 'supervisor' })
    patient = await startConversation(testApp.app, { locale: 'en' })
    await patient.say(`I have an ${SYMPTOM}`)
    await patient.say('book dermatology tomorrow')
    await patient.say('1')
    // With a clientMessageId the answer is kept as the message's receipt (until the erasure).
    const booked = await patient.say(`${NAME} ${PHONE}`, { clientMessageId: 'booking-details' })
    expect(booked.appointment?.status).toBe('booked')
    reference = booked.appointment.reference
    expect((await patient.say(`remind me to take my ${MEDICINE} tablets at 9am every day`)).messages[0].phraseKey).toBe('medication.reminder_set')
    await patient.say('I want to talk to a real person')
    expect((await supervisor.request('POST', `/v1/agent/conversations/${patient.id}/claim`)).statusCode).toBe(200)
    expect((await supervisor.request('POST', `/v1/agent/conversations/${patient.id}/messages`, { text: 'Hello, this is the clinic.' })).statusCode).toBe(201)
    expect((await supervisor.request('POST', `/v1/agent/conversations/${patient.id}/resolve`, { note: AGENT_NOTE })).statusCode).toBe(200)
  })
  afterAll(async () => { await testApp.close() })

  it('downloads everything kept about the conversation as a JSON attachment, and the export is audited', async () => {
    const response = await withToken('GET', `/v1/conversations/${patient.id}/export`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toBe(`attachment; filename="conversation-${patient.id}.json"`)
    expect(response.headers['cache-control']).toBe('no-store')
    const exported = response.json()
    expect(exported.format).toBe('clinic-chat-patient-data/1')
    const [conversation] = exported.conversations
    expect(conversation.id).toBe(patient.id)
    expect(conversation.messages.map((message: { text: string }) => message.text)).toContain(`I have an ${SYMPTOM}`)
    expect(conversation.messages.some((message: { role: string }) => message.role === 'agent')).toBe(true)
    expect(conversation.triage?.urgency).toEqual(expect.any(String))
    triage = conversation.triage
    expect(exported.appointments).toEqual([expect.objectContaining({ reference, status: 'booked', patient: { name: NAME, phone: `+86${PHONE}` } })])
    expect(conversation.reminders).toEqual([expect.objectContaining({ label: expect.stringContaining(MEDICINE), status: 'active' })])
    expect(conversation.handoffs).toEqual([expect.objectContaining({ outcome: 'resolved', note: AGENT_NOTE })])

    const audited = await testApp.dependencies.audit.list({ clinicId: 'default', action: 'patient_data.exported' })
    expect(audited[0]).toMatchObject({ actor: { kind: 'patient', id: patient.id }, subject: { kind: 'conversation', id: patient.id }, detail: { via: 'patient', appointments: 1 } })
  })

  it('refuses an export without the conversation\'s token', async () => {
    expect((await withToken('GET', `/v1/conversations/${patient.id}/export`, 'not-the-token')).statusCode).toBe(401)
    expect((await testApp.app.inject({ method: 'DELETE', url: `/v1/conversations/${patient.id}` })).statusCode).toBe(401)
  })

  it('erases in one request: the token stops working and no table holds the patient\'s text, name or phone', async () => {
    const before = await findPatientTraces(database(), testApp.dependencies.cipher, NEEDLES)
    // The search does find the patient while their data is there: in ciphertext columns (decrypted) and as the phone's lookup hash.
    expect(tracedColumns(before)).toEqual(expect.arrayContaining([
      'appointments.patient_name_ciphertext', 'appointments.patient_phone_ciphertext', 'appointments.phone_hash',
      'handoffs.note_ciphertext', 'messages.body_ciphertext', 'reminders.label_ciphertext'
    ]))
    const receipts = 'SELECT count(*)::int AS n FROM inbound_receipts WHERE conversation_id = $1'
    expect((await database().query(receipts, [patient.id])).rows).toEqual([{ n: 1 }])

    const agentStream = await openSse(`${baseUrl}/v1/agent/events`, { authorization: `Bearer ${supervisor.token}` })
    await agentStream.waitFor((event) => event.event === 'ready')
    const erased = await withToken('DELETE', `/v1/conversations/${patient.id}`)
    expect(erased.statusCode).toBe(204)
    // Agents' consoles are told at once, so an open transcript leaves the screen.
    const told = await agentStream.waitFor((event) => event.event === 'queue' && JSON.parse(event.data).status === 'erased')
    expect(JSON.parse(told.data)).toMatchObject({ conversationId: patient.id, status: 'erased' })
    agentStream.close()

    expect(await findPatientTraces(database(), testApp.dependencies.cipher, NEEDLES)).toEqual([])
    expect((await database().query(receipts, [patient.id])).rows).toEqual([{ n: 0 }])
    expect((await withToken('GET', `/v1/conversations/${patient.id}/export`)).statusCode).toBe(404)
    expect((await withToken('POST', `/v1/conversations/${patient.id}/messages`, patient.token, { text: 'hello again' })).statusCode).toBe(404)
    expect((await withToken('GET', `/v1/conversations/${patient.id}/messages`)).statusCode).toBe(404)
    expect((await withToken('DELETE', `/v1/conversations/${patient.id}`)).statusCode).toBe(404)
  })

  it('keeps the booked slot occupied, anonymously, and the counts of what happened', async () => {
    const appointment = await database().query(
      `SELECT a.status, a.patient_name_ciphertext, a.patient_name_key_id, a.patient_phone_ciphertext, a.patient_phone_key_id, a.phone_hash,
              a.erased_at, s.status AS slot_status, a.conversation_id
       FROM appointments a JOIN slots s ON s.id = a.slot_id WHERE a.reference = $1`, [reference])
    const erased = { patient_name_ciphertext: null, patient_name_key_id: null, patient_phone_ciphertext: null, patient_phone_key_id: null, phone_hash: null }
    expect(appointment.rows).toEqual([{ status: 'booked', ...erased, erased_at: expect.any(Date), slot_status: 'booked', conversation_id: null }])
    const counts = await database().query('SELECT day::text AS day, channel, urgency, department, conversations, patient_messages, handoffs, appointments FROM conversation_counts')
    // Urgency and department come from the (encrypted) flow state's last triage, as the export showed it.
    const decision = { urgency: triage.urgency, department: triage.department?.code ?? '' }
    expect(counts.rows).toEqual([expect.objectContaining({ day: '2026-12-14', channel: 'web', ...decision, conversations: 1, handoffs: 1, appointments: 1, patient_messages: expect.any(Number) })])
    expect((counts.rows[0] as { patient_messages: number }).patient_messages).toBeGreaterThanOrEqual(6)
  })

  it('records the erasure with ids and counts only', async () => {
    const [event] = await testApp.dependencies.audit.list({ clinicId: 'default', action: 'patient_data.erased' })
    expect(event).toMatchObject({ actor: { kind: 'patient', id: patient.id }, subject: { kind: 'conversation', id: patient.id }, detail: { via: 'patient', conversations: 1, appointments: 1, reminders: 1, handoffs: 1 } })
    expect(JSON.stringify(event)).not.toMatch(/Zorblax|Marchbanks|13812349876|Flurbostatin/)
  })

  it('leaves nothing of the conversation in the agents\' queue or transcript', async () => {
    expect((await supervisor.request('GET', `/v1/agent/conversations/${patient.id}`)).statusCode).toBe(404)
    const queue = (await supervisor.request('GET', '/v1/agent/queue')).json()
    expect(queue.conversations.map((entry: { id: string }) => entry.id)).not.toContain(patient.id)
  })

  it('does not touch another patient\'s conversation', async () => {
    const other = await startConversation(testApp.app, { locale: 'en' })
    await other.say('what are your opening hours?')
    const stranger = await withToken('DELETE', `/v1/conversations/${other.id}`, patient.token)
    expect(stranger.statusCode).toBe(401)
    expect((await withToken('GET', `/v1/conversations/${other.id}/export`, other.token)).statusCode).toBe(200)
  })
})
