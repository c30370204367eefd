import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { phraseKeys, startConversation } from '../helpers/conversation-client.ts'

describe('dialogue flows through the HTTP API', () => {
  let testApp: TestApp
  beforeAll(async () => { testApp = await buildTestApp('flows') })
  afterAll(async () => { await testApp.close() })

  it('computes what the patient pays from the numbers they give, in code', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'en' })
    const turn = await conversation.say('My deductible is 500, the bill is 1200 and coinsurance is 20%. How much do I pay?')
    expect(phraseKeys(turn)).toContain('insurance.cost_estimate')
    expect(turn.messages[0].text).toContain('640')
  })

  it('answers an insurance question from a policy document with a citation', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'en' })
    const turn = await conversation.say('What documents do I need to submit an insurance claim?')
    expect(turn.messages[0].sources?.[0]).toMatchObject({ id: expect.any(String), version: expect.any(Number), title: expect.any(String) })
  })

  it('triages a symptom with at most three questions and answers urgency and department', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'zh-CN' })
    let turn = await conversation.say('我皮肤上起了很多红疹子，有点痒，三天了')
    for (let question = 0; question < 3 && !turn.triage; question++) turn = await conversation.say('没有')
    expect(turn.triage).toBeDefined()
    expect(['routine', 'self_care', 'urgent']).toContain(turn.triage.urgency)
    expect(turn.triage.department.code).toBe('dermatology')
    expect(turn.messages.every((message: { disclaimer?: string }) => message.disclaimer)).toBe(true)
  })

  it('books, looks up, reschedules and cancels an appointment in the conversation', async () => {
    const conversation = await startConversation(testApp.app, { locale: 'en' })
    let turn = await conversation.say('I want to book an appointment with dermatology')
    turn = await conversation.say('next week, morning please')
    expect(phraseKeys(turn)).toContain('appointment.offer_slots')
    turn = await conversation.say('1')
    expect(phraseKeys(turn)).toContain('appointment.ask_name')
    turn = await conversation.say('Wang Fang')
    turn = await conversation.say('13800138000')
    expect(turn.appointment).toMatchObject({ status: 'booked', department: { code: 'dermatology' } })
    const reference = turn.appointment.reference as string
    turn = await conversation.say(`I need to reschedule my appointment ${reference}, phone 13800138000`)
    turn = await conversation.say('the week after, afternoon')
    turn = await conversation.say('2')
    expect(turn.appointment).toMatchObject({ reference, status: 'rescheduled' })
    turn = await conversation.say(`please cancel appointment ${reference}, my phone is 13800138000`)
    expect(turn.appointment).toMatchObject({ reference, status: 'cancelled' })
  })
})
