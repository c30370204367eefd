import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { phraseKeys, startConversation } from '../helpers/conversation-client.ts'

function movableClock (start: Date) {
  let now = start.getTime()
  return { now: () => new Date(now), advanceMinutes: (minutes: number) => { now += minutes * 60_000 } }
}

describe('dialogue engine behaviour', () => {
  const logLines: string[] = []
  const clock = movableClock(new Date('2026-12-01T01:00:00Z'))
  let testApp: TestApp
  beforeAll(async () => {
    const stream = new Writable({ write (chunk, _encoding, done) { logLines.push(String(chunk)); done() } })
    testApp = await buildTestApp('engine-behaviour', { clock, logger: { level: 'trace', stream }, environment: { CONVERSATION_IDLE_MINUTES: '30' } })
  })
  afterAll(async () => { await testApp.close() })

  it('answers a cost question in the middle of a booking, then comes back to the booking', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'en' })
    await conversation.say('I would like to book an appointment with dermatology')
    const detour = await conversation.say('actually, what does a consultation cost?')
    expect(detour.messages.length).toBeGreaterThan(1)
    expect(phraseKeys(detour).at(-1)).toBe('appointment.ask_date')
    expect(detour.conversation.flow).toBe('appointment')
  })

  it('"start over" clears the flow at any time', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'zh-CN' })
    await conversation.say('我想预约')
    const turn = await conversation.say('重新开始')
    expect(phraseKeys(turn)).toContain('smalltalk.start_over')
    expect(turn.conversation.flow).toBeNull()
  })

  it('resumes gracefully after the conversation was idle too long', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'en' })
    await conversation.say('I want to book an appointment')
    clock.advanceMinutes(45)
    const turn = await conversation.say('hello again')
    expect(phraseKeys(turn)[0]).toBe('smalltalk.session_resumed')
    expect(turn.conversation.flow).not.toBe('appointment')
  })

  it('follows the patient switching language from one message to the next', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'en' })
    const english = await conversation.say('What time do you open on Saturday?')
    const chinese = await conversation.say('你们的地址在哪里？')
    expect(english.messages[0].text).toMatch(/[a-z]/i)
    expect(chinese.messages[0].text).toMatch(/\p{Script=Han}/u)
  })

  it('never writes message text or tokens into the logs', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'en' })
    await conversation.say('my secret symptom marker quokka-77 is a rash')
    const logs = logLines.join('')
    expect(logs).toContain('request completed')
    expect(logs).not.toContain('quokka-77')
    expect(logs).not.toContain(conversation.token)
  })
})
