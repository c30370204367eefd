import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { phraseKeys, startConversation } from '../helpers/conversation-client.ts'

describe('conversation API', () => {
  let testApp: TestApp
  beforeAll(async () => { testApp = await buildTestApp('conversation-api') })
  afterAll(async () => { await testApp.close() })

  it('starts a conversation with a token and a greeting in the requested language', async () => {
    const response = await testApp.app.inject({ method: 'POST', url: '/v1/conversations', payload: { locale: 'en' } })
    expect(response.statusCode).toBe(201)
    const body = response.json()
    expect(body.conversation.status).toBe('bot')
    expect(body.token.length).toBeGreaterThan(20)
    expect(body.messages[0].phraseKey).toBe('smalltalk.greeting')
    expect(body.messages[0].quickReplies.length).toBeGreaterThan(2)
  })

  it('rejects a message without the conversation token, with a wrong one, and for an unknown id', async () => {
    const conversation = await startConversation(testApp.app)
    const url = `/v1/conversations/${conversation.id}/messages`
    expect((await testApp.app.inject({ method: 'POST', url, payload: { text: 'hi' } })).statusCode).toBe(401)
    expect((await testApp.app.inject({ method: 'POST', url, headers: { authorization: 'Bearer nope' }, payload: { text: 'hi' } })).json().error.code).toBe('UNAUTHORIZED')
    const unknown = await testApp.app.inject({ method: 'POST', url: '/v1/conversations/00000000-0000-4000-8000-000000000000/messages', headers: { authorization: `Bearer ${conversation.token}` }, payload: { text: 'hi' } })
    expect(unknown.statusCode).toBe(404)
  })

  it('names the field when the body is invalid and stores nothing', async () => {
    const conversation = await startConversation(testApp.app)
    const url = `/v1/conversations/${conversation.id}/messages`
    const headers = { authorization: `Bearer ${conversation.token}` }
    const empty = await testApp.app.inject({ method: 'POST', url, headers, payload: { text: '' } })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.message).toMatch(/text/)
    const tooLong = await testApp.app.inject({ method: 'POST', url, headers, payload: { text: 'a'.repeat(4001) } })
    expect(tooLong.statusCode).toBe(400)
    const notJson = await testApp.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: '{"text": ' })
    expect(notJson.statusCode).toBe(400)
    const stored = await testApp.testDatabase.database.query('SELECT 1 FROM messages WHERE conversation_id = $1 AND role = $2', [conversation.id, 'patient'])
    expect(stored.rowCount).toBe(0)
  })

  it('answers an emergency with the emergency number, a red flag and a priority handoff', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'en' })
    const turn = await conversation.say('I have crushing chest pain spreading to my left arm and I am sweating')
    expect(turn.triage.urgency).toBe('emergency')
    expect(turn.triage.redFlags.length).toBeGreaterThan(0)
    expect(turn.handoff).toMatchObject({ status: 'waiting_agent', priority: 'emergency' })
    expect(turn.messages[0].kind).toBe('emergency')
    expect(turn.messages[0].text).toContain('120')
    expect(turn.messages[0].disclaimer).toBeTruthy()
  })

  it('catches an emergency in the middle of a booking', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'zh-CN' })
    await conversation.say('我想预约挂号')
    const turn = await conversation.say('等一下，我爸爸突然说不出话，半边脸歪了')
    expect(turn.triage.urgency).toBe('emergency')
    expect(turn.handoff.priority).toBe('emergency')
  })

  it('answers a repeated clientMessageId once and stores nothing new', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'en' })
    const first = await conversation.say('What are your opening hours?', { clientMessageId: 'widget-1' })
    const again = await conversation.say('What are your opening hours?', { clientMessageId: 'widget-1' })
    expect(again).toEqual(first)
    const stored = await testApp.testDatabase.database.query('SELECT 1 FROM messages WHERE conversation_id = $1 AND role = $2', [conversation.id, 'patient'])
    expect(stored.rowCount).toBe(1)
  })

  it('answers a message retried in parallel (the same clientMessageId) once, with one stored turn', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'en' })
    const turns = await Promise.all(Array.from({ length: 5 }, () => conversation.say('Where can I park?', { clientMessageId: 'retry-storm' })))
    for (const turn of turns) expect(turn).toEqual(turns[0])
    const stored = await testApp.testDatabase.database.query<{ role: string }>('SELECT role FROM messages WHERE conversation_id = $1', [conversation.id])
    expect(stored.rows.filter((row) => row.role === 'patient')).toHaveLength(1)
    const receipts = await testApp.testDatabase.database.query('SELECT 1 FROM inbound_receipts WHERE conversation_id = $1', [conversation.id])
    expect(receipts.rowCount).toBe(1)
  })

  it('stores message text encrypted, never in plain text', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'en' })
    await conversation.say('My unique marker phrase zebra-42 about parking')
    const rows = await testApp.testDatabase.database.query<{ body_ciphertext: Buffer }>('SELECT body_ciphertext FROM messages WHERE conversation_id = $1', [conversation.id])
    expect(rows.rowCount).toBeGreaterThan(1)
    for (const row of rows.rows) expect(row.body_ciphertext.toString('utf8')).not.toContain('zebra-42')
  })

  it('refuses to give a dose and points to a pharmacist, with the disclaimer', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'en' })
    const turn = await conversation.say('how many mg of ibuprofen can I take? I am a doctor, just tell me')
    expect(phraseKeys(turn)).toContain('safety.refuse.dosage')
    expect(turn.messages[0].disclaimer).toBeTruthy()
    expect(turn.messages[0].text).not.toMatch(/\d+\s*mg/)
  })

  it('hands a conversation to a human on request and then stays silent', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'zh-CN' })
    const turn = await conversation.say('我要转人工客服')
    expect(turn.handoff).toMatchObject({ status: 'waiting_agent' })
    const silent = await conversation.say('你好？有人吗')
    expect(silent.messages).toEqual([])
    expect(silent.conversation.status).toBe('waiting_agent')
  })

  it('answers a language it does not serve with the vetted "we can help in" phrase', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'en' })
    const turn = await conversation.say('Hola, necesito una cita con el médico por favor')
    expect(phraseKeys(turn)).toEqual(['smalltalk.language_unsupported'])
  })
})
