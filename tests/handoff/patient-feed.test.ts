import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { openSse } from '../helpers/sse-client.ts'

let test: TestApp
let baseUrl: string

beforeAll(async () => {
  test = await buildTestApp('patient-feed')
  baseUrl = await test.app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => { await test.close() })

describe('GET /v1/conversations/:id/messages', () => {
  it('lists the whole conversation, then only what came after a message', async () => {
    const patient = await startConversation(test.app, { locale: 'en' })
    await patient.say('What are your opening hours?')
    const all = await getMessages(patient)
    expect(all.statusCode).toBe(200)
    const messages = all.json().messages
    expect(messages.map((message: { role: string }) => message.role)).toEqual(['bot', 'patient', 'bot'])
    expect(messages[1].text).toBe('What are your opening hours?')
    expect(all.json().conversation).toEqual({ id: patient.id, status: 'bot' })

    const after = await getMessages(patient, `?after=${messages[0].id}`)
    expect(after.json().messages.map((message: { id: string }) => message.id)).toEqual([messages[1].id, messages[2].id])
    const none = await getMessages(patient, `?after=${messages[2].id}`)
    expect(none.json().messages).toEqual([])
  })

  it('shows a handed-off conversation as waiting for an agent', async () => {
    const patient = await startConversation(test.app, { locale: 'en' })
    await patient.say('I want to talk to a real person')
    const response = await getMessages(patient)
    expect(response.json().conversation).toEqual({ id: patient.id, status: 'waiting_agent', handoff: { status: 'waiting_agent', priority: 'normal' } })
  })

  it('refuses a wrong token and names an unknown message', async () => {
    const patient = await startConversation(test.app)
    const other = await startConversation(test.app)
    const stranger = await test.app.inject({ method: 'GET', url: `/v1/conversations/${patient.id}/messages`, headers: { authorization: `Bearer ${other.token}` } })
    expect(stranger.statusCode).toBe(401)
    expect(stranger.json().error.code).toBe('UNAUTHORIZED')
    const missing = await test.app.inject({ method: 'GET', url: `/v1/conversations/${patient.id}/messages` })
    expect(missing.statusCode).toBe(401)
    const unknown = await getMessages(patient, `?after=${other.greeting[0].id}`)
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error).toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(unknown.json().error.message).toContain('after')
  })
})

describe('GET /v1/conversations/:id/events', () => {
  it('streams the status, then each new message, and the change to waiting for an agent', async () => {
    const patient = await startConversation(test.app, { locale: 'en' })
    // EventSource cannot send headers: the token may come in the query.
    const stream = await openSse(`${baseUrl}/v1/conversations/${patient.id}/events?token=${encodeURIComponent(patient.token)}`)
    try {
      const first = await stream.waitFor(() => true)
      expect(first.event).toBe('status')
      expect(JSON.parse(first.data)).toEqual({ id: patient.id, status: 'bot' })

      const turn = await patient.say('I want to talk to a real person')
      const patientMessage = await stream.waitFor((event) => event.event === 'message' && JSON.parse(event.data).role === 'patient', 'the patient message')
      expect(JSON.parse(patientMessage.data).text).toBe('I want to talk to a real person')
      const botReply = await stream.waitFor((event) => event.event === 'message' && JSON.parse(event.data).role === 'bot', 'the bot reply')
      expect(botReply.id).toBe(turn.messages[0].id)
      const waiting = await stream.waitFor((event) => event.event === 'status' && JSON.parse(event.data).status === 'waiting_agent', 'waiting_agent')
      expect(JSON.parse(waiting.data).handoff).toEqual({ status: 'waiting_agent', priority: 'normal' })
      // Nothing is sent twice.
      const ids = stream.events.filter((event) => event.event === 'message').map((event) => event.id)
      expect(new Set(ids).size).toBe(ids.length)
    } finally {
      stream.close()
    }
  })

  it('resumes after the last event id it was given', async () => {
    const patient = await startConversation(test.app, { locale: 'en' })
    await patient.say('What are your opening hours?')
    const stream = await openSse(`${baseUrl}/v1/conversations/${patient.id}/events`, { authorization: `Bearer ${patient.token}`, 'last-event-id': patient.greeting[0].id })
    try {
      const replayed = await stream.waitFor((event) => event.event === 'message' && JSON.parse(event.data).role === 'bot', 'the replayed answer')
      expect(JSON.parse(replayed.data).phraseKey).toBeTruthy()
      expect(stream.events.filter((event) => event.event === 'message').map((event) => JSON.parse(event.data).role)).toEqual(['patient', 'bot'])
    } finally {
      stream.close()
    }
  })

  it('refuses a stream without the conversation token, and a client that does not ask for a stream', async () => {
    const patient = await startConversation(test.app)
    const response = await fetch(`${baseUrl}/v1/conversations/${patient.id}/events`, { headers: { accept: 'text/event-stream' } })
    expect(response.status).toBe(401)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED')
    const plain = await test.app.inject({ method: 'GET', url: `/v1/conversations/${patient.id}/events`, headers: { authorization: `Bearer ${patient.token}` } })
    expect(plain.statusCode).toBe(406)
    expect(plain.json().error.code).toBe('NOT_ACCEPTABLE')
  })
})

function getMessages (patient: { id: string, token: string }, query = '') {
  return test.app.inject({ method: 'GET', url: `/v1/conversations/${patient.id}/messages${query}`, headers: { authorization: `Bearer ${patient.token}` } })
}
