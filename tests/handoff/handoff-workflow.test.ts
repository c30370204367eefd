import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { ADMIN_KEY, AGENT_TEST_ENVIRONMENT, createAgent, eventually, type AgentClient } from '../helpers/agent-client.ts'

let test: TestApp
let li: AgentClient
let wang: AgentClient
let supervisor: AgentClient

type Patient = Awaited<ReturnType<typeof startConversation>>

beforeAll(async () => {
  test = await buildTestApp('handoff-workflow', { environment: AGENT_TEST_ENVIRONMENT })
  li = await createAgent(test.app, { email: 'li@clinic.example', name: 'Li Na' })
  wang = await createAgent(test.app, { email: 'wang@clinic.example', name: 'Wang Wei' })
  supervisor = await createAgent(test.app, { email: 'zhao@clinic.example', name: 'Zhao Min', role: 'supervisor' })
})
afterAll(async () => { await test.close() })

async function feed (patient: Patient, after?: string) {
  const response = await test.app.inject({ method: 'GET', url: `/v1/conversations/${patient.id}/messages${after ? `?after=${after}` : ''}`, headers: { authorization: `Bearer ${patient.token}` } })
  expect(response.statusCode).toBe(200)
  return response.json() as { conversation: { status: string, handoff?: { priority: string } }, messages: Array<{ id: string, role: string, text: string, phraseKey?: string, agent?: { name: string } }> }
}

async function queue (agent: AgentClient) {
  const response = await agent.request('GET', '/v1/agent/queue')
  expect(response.statusCode).toBe(200)
  return response.json().conversations as Array<{ id: string, status: string, priority: string, reason: string, channel: string, locale: string, waitingSince: string, summary: { triage?: { urgency: string, department: { code: string } | null, redFlags: string[] }, lastMessages: Array<{ role: string, text: string }> }, assignedTo: { id: string, name: string } | null }>
}

async function resolveAll () {
  for (const entry of await queue(supervisor)) {
    expect((await supervisor.request('POST', `/v1/agent/conversations/${entry.id}/resolve`, {})).statusCode).toBe(200)
  }
}

describe('the queue', () => {
  it('lists escalations emergency first, then high, then normal, each with reason, channel, locale and a summary', async () => {
    await resolveAll()
    const normal = await startConversation(test.app, { locale: 'en' })
    await normal.say('I want to talk to a real person')
    const high = await startConversation(test.app, { locale: 'en' })
    await high.say('I want to make a complaint about the wait')
    const emergency = await startConversation(test.app, { locale: 'zh-CN' })
    await emergency.say('我胸口压榨样疼痛，左臂发麻，一直出冷汗')

    const entries = await queue(li)
    expect(entries.map((entry) => entry.id)).toEqual([emergency.id, high.id, normal.id])
    expect(entries.map((entry) => entry.priority)).toEqual(['emergency', 'high', 'normal'])
    const [first, second, third] = entries
    expect(first).toMatchObject({ status: 'waiting_agent', channel: 'web', locale: 'zh-CN', assignedTo: null })
    expect(first!.reason).toMatch(/triage|emergency/)
    expect(first!.summary.triage).toMatchObject({ urgency: 'emergency' })
    expect(first!.summary.triage!.redFlags.length).toBeGreaterThan(0)
    expect(first!.summary.lastMessages.find((message) => message.role === 'patient')?.text).toBe('我胸口压榨样疼痛，左臂发麻，一直出冷汗')
    expect(second!.reason).toBe('complaint')
    expect(third!.reason).toBe('patient asked for a human')
    expect(third!.summary.lastMessages.map((message) => message.role)).toContain('patient')
  })

  it('tells the waiting patient the expected wait with a vetted phrase and the emergency number', async () => {
    const patient = await startConversation(test.app, { locale: 'en' })
    await patient.say('I want to talk to a real person')
    const notice = await eventually(async () => (await feed(patient)).messages.find((message) => message.phraseKey === 'handoff.expected_wait'), 'the wait notice')
    expect(notice.role).toBe('bot')
    expect(notice.text).toMatch(/in about \d+ minutes/)
    expect(notice.text).toContain('120')
  })

  it('outside staffed hours tells the patient when a person will answer, with the emergency number', async () => {
    // A clinic staffed one minute a day, at midnight: now is outside its hours.
    await test.dependencies.database.query("INSERT INTO clinics (id, name, country, timezone) VALUES ('night', '{\"zh-CN\": \"夜诊所\", \"en\": \"Night Clinic\"}', 'CN', 'Asia/Shanghai')")
    const settings = await test.app.inject({
      method: 'PUT',
      url: '/v1/admin/clinics/night/handoff-settings',
      headers: { 'x-api-key': ADMIN_KEY },
      payload: { staffedHours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => [day, [{ open: '00:00', close: '00:01' }]])) }
    })
    expect(settings.statusCode).toBe(200)
    const patient = await startConversation(test.app, { clinicId: 'night', locale: 'zh-CN' })
    await patient.say('转人工')
    const notice = await eventually(async () => (await feed(patient)).messages.find((message) => message.phraseKey === 'handoff.out_of_hours_until'), 'the out-of-hours notice')
    expect(notice.text).toMatch(/\d{4}-\d{2}-\d{2} 00:00/)
    expect(notice.text).toContain('120')
  })
})

describe('claim, reply, transfer, resolve', () => {
  it('claims once: a second agent gets 409 ALREADY_CLAIMED; the patient is told a person joined', async () => {
    const patient = await startConversation(test.app, { locale: 'en' })
    await patient.say('I want to talk to a real person')
    const claimed = await li.request('POST', `/v1/agent/conversations/${patient.id}/claim`)
    expect(claimed.statusCode).toBe(200)
    expect(claimed.json()).toMatchObject({ id: patient.id, status: 'with_agent', assignedTo: { id: li.id, name: 'Li Na' } })
    const second = await wang.request('POST', `/v1/agent/conversations/${patient.id}/claim`)
    expect(second.statusCode).toBe(409)
    expect(second.json().error.code).toBe('ALREADY_CLAIMED')
    const view = await feed(patient)
    expect(view.conversation.status).toBe('with_agent')
    expect(view.messages.at(-1)?.phraseKey).toBe('handoff.connected')
  })

  it("delivers the agent's reply to the patient (role agent, with the agent's name) and keeps the bot silent meanwhile", async () => {
    const patient = await startConversation(test.app, { locale: 'en' })
    await patient.say('I want to talk to a real person')
    expect((await li.request('POST', `/v1/agent/conversations/${patient.id}/claim`)).statusCode).toBe(200)
    const before = (await feed(patient)).messages.at(-1)!.id

    const sent = await li.request('POST', `/v1/agent/conversations/${patient.id}/messages`, { text: 'Hello, I am Li from reception. How can I help?', clientMessageId: 'c1' })
    expect(sent.statusCode).toBe(201)
    const again = await li.request('POST', `/v1/agent/conversations/${patient.id}/messages`, { text: 'Hello, I am Li from reception. How can I help?', clientMessageId: 'c1' })
    expect(again.statusCode).toBe(200)
    expect(again.json().message.id).toBe(sent.json().message.id)

    const after = await feed(patient, before)
    expect(after.messages).toEqual([expect.objectContaining({ id: sent.json().message.id, role: 'agent', text: 'Hello, I am Li from reception. How can I help?', agent: { name: 'Li Na' } })])

    // The patient answers: no bot reply while Li holds the conversation; Li sees the message.
    const turn = await patient.say('What are your opening hours on Saturday?')
    expect(turn.messages).toEqual([])
    expect(turn.conversation.status).toBe('with_agent')
    const transcript = await li.request('GET', `/v1/agent/conversations/${patient.id}`)
    expect(transcript.statusCode).toBe(200)
    const roles = transcript.json().messages.map((message: { role: string }) => message.role)
    expect(roles.slice(-2)).toEqual(['agent', 'patient'])
    expect(transcript.json().messages.at(-1).text).toBe('What are your opening hours on Saturday?')

    // Only the holder writes.
    const intruder = await wang.request('POST', `/v1/agent/conversations/${patient.id}/messages`, { text: 'hi' })
    expect(intruder.statusCode).toBe(403)
    expect(intruder.json().error.code).toBe('FORBIDDEN')
  })

  it('answers an emergency typed during the handoff with the emergency reply and raises it to emergency priority', async () => {
    const patient = await startConversation(test.app, { locale: 'en' })
    await patient.say('I want to talk to a real person')
    expect((await li.request('POST', `/v1/agent/conversations/${patient.id}/claim`)).statusCode).toBe(200)
    const turn = await patient.say('I have crushing chest pain spreading to my left arm and I am sweating')
    expect(turn.messages[0]).toMatchObject({ kind: 'emergency', phraseKey: 'safety.emergency' })
    expect(turn.messages[0].text).toContain('120')
    expect(turn.handoff).toMatchObject({ status: 'with_agent', priority: 'emergency' })
    const entry = (await queue(li)).find((candidate) => candidate.id === patient.id)
    expect(entry).toMatchObject({ priority: 'emergency', status: 'with_agent', assignedTo: { id: li.id } })
    expect((await feed(patient)).conversation.handoff).toEqual({ status: 'with_agent', priority: 'emergency' })
  })

  it('transfers to another agent and back to the queue; resolves with a note and the bot answers again', async () => {
    const patient = await startConversation(test.app, { locale: 'en' })
    await patient.say('I want to talk to a real person')
    expect((await li.request('POST', `/v1/agent/conversations/${patient.id}/claim`)).statusCode).toBe(200)

    const toWang = await li.request('POST', `/v1/agent/conversations/${patient.id}/transfer`, { agentId: wang.id })
    expect(toWang.json()).toMatchObject({ status: 'with_agent', assignedTo: { id: wang.id, name: 'Wang Wei' } })
    expect((await li.request('POST', `/v1/agent/conversations/${patient.id}/messages`, { text: 'still me?' })).statusCode).toBe(403)
    expect((await wang.request('POST', `/v1/agent/conversations/${patient.id}/messages`, { text: 'Wang here.' })).statusCode).toBe(201)

    const toQueue = await wang.request('POST', `/v1/agent/conversations/${patient.id}/transfer`, { toQueue: true })
    expect(toQueue.json()).toMatchObject({ status: 'waiting_agent', assignedTo: null })
    expect((await queue(li)).find((entry) => entry.id === patient.id)).toMatchObject({ status: 'waiting_agent', assignedTo: null })

    expect((await li.request('POST', `/v1/agent/conversations/${patient.id}/claim`)).statusCode).toBe(200)
    const resolved = await li.request('POST', `/v1/agent/conversations/${patient.id}/resolve`, { note: 'Answered the opening hours question.' })
    expect(resolved.statusCode).toBe(200)
    expect(resolved.json()).toMatchObject({ status: 'bot', assignedTo: null })
    expect((await queue(li)).some((entry) => entry.id === patient.id)).toBe(false)
    expect((await feed(patient)).messages.at(-1)?.phraseKey).toBe('handoff.ended')

    const record = await test.dependencies.database.query<{ outcome: string, claimed_at: Date | null, first_agent_reply_at: Date | null, resolved_at: Date | null, note_ciphertext: Buffer | null }>(
      'SELECT outcome, claimed_at, first_agent_reply_at, resolved_at, note_ciphertext FROM handoffs WHERE conversation_id = $1', [patient.id])
    expect(record.rows).toHaveLength(1)
    expect(record.rows[0]).toMatchObject({ outcome: 'resolved' })
    expect(record.rows[0]!.claimed_at).toBeInstanceOf(Date)
    expect(record.rows[0]!.first_agent_reply_at).toBeInstanceOf(Date)
    expect(record.rows[0]!.resolved_at).toBeInstanceOf(Date)
    // The note is stored encrypted, never as plain text.
    expect(record.rows[0]!.note_ciphertext!.toString('utf8')).not.toContain('opening hours')

    const turn = await patient.say('What are your opening hours?')
    expect(turn.messages.length).toBeGreaterThan(0)
    expect(turn.conversation.status).toBe('bot')
  })

  it('hands back to the bot with returnToBot', async () => {
    const patient = await startConversation(test.app, { locale: 'zh-CN' })
    await patient.say('转人工')
    expect((await li.request('POST', `/v1/agent/conversations/${patient.id}/claim`)).statusCode).toBe(200)
    const returned = await li.request('POST', `/v1/agent/conversations/${patient.id}/resolve`, { returnToBot: true })
    expect(returned.json()).toMatchObject({ status: 'bot' })
    const last = (await feed(patient)).messages.at(-1)!
    expect(last.phraseKey).toBe('handoff.returned_to_bot')
    expect(last.text).toMatch(/[\u4e00-\u9fff]/)
  })

  it('claims the most urgent waiting conversation with POST /v1/agent/queue/claim, and says when none waits', async () => {
    await resolveAll()
    const normal = await startConversation(test.app, { locale: 'en' })
    await normal.say('I want to talk to a real person')
    const emergency = await startConversation(test.app, { locale: 'en' })
    await emergency.say('I have crushing chest pain spreading to my left arm and I am sweating')
    const first = await wang.request('POST', '/v1/agent/queue/claim')
    expect(first.json()).toMatchObject({ id: emergency.id, priority: 'emergency', assignedTo: { id: wang.id } })
    const second = await li.request('POST', '/v1/agent/queue/claim')
    expect(second.json()).toMatchObject({ id: normal.id })
    const none = await li.request('POST', '/v1/agent/queue/claim')
    expect(none.statusCode).toBe(404)
    expect(none.json().error.code).toBe('NOT_FOUND')
  })
})
