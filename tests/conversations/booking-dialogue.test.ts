import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { phraseKeys, startConversation } from '../helpers/conversation-client.ts'

type Turn = { messages: Array<{ phraseKey?: string, text: string, quickReplies?: Array<{ label: string, value: string }> }>, appointment?: { reference: string, status: string } }
const labels = (turn: Turn) => turn.messages.flatMap((message) => (message.quickReplies ?? []).map((reply) => reply.label))

// Monday 14 December 2026, 08:10 in Shanghai: the clinic's week lies ahead.
const NOW = new Date('2026-12-14T00:10:00Z')

describe('booking through the clinic directory, on the clinic\'s clock', () => {
  let testApp: TestApp
  beforeAll(async () => { testApp = await buildTestApp('booking-dialogue', { clock: { now: () => NOW } }) })
  afterAll(async () => { await testApp.close() })

  it('offers the next days with free times as buttons, earliest first, at the date question', async () => {
    const chat = await startConversation(testApp.app, { locale: 'en' })
    const turn: Turn = await chat.say('I would like to book dermatology')
    expect(phraseKeys(turn)).toEqual(['appointment.ask_date'])
    expect(labels(turn)).toEqual(['Mon 14 Dec', 'Tue 15 Dec', 'Wed 16 Dec', 'Thu 17 Dec'])
  })

  it('offers distinct times, with the requested time among them', async () => {
    const chat = await startConversation(testApp.app, { locale: 'en' })
    // General practice has two doctors, so every time exists twice in the schedule.
    const turn: Turn = await chat.say('book general practice on Wednesday at 3pm')
    expect(labels(turn)).toEqual(['Wed 16 Dec 14:30', 'Wed 16 Dec 15:00', 'Wed 16 Dec 15:30'])
  })

  it('a named doctor\'s slots are the ones offered and booked', async () => {
    const chat = await startConversation(testApp.app, { locale: 'zh-CN' })
    const offered: Turn = await chat.say('我想挂赵磊医生的号，周二上午')
    expect(offered.messages[0]!.text).toContain('赵磊医生')
    await chat.say('第一个')
    const booked: Turn = await chat.say('冯宁 13812340000')
    expect(booked.appointment?.status).toBe('booked')
    expect(booked.messages[0]!.text).toContain('赵磊医生')
  })

  it('a department the clinic does not run is booked in its configured fallback', async () => {
    const chat = await startConversation(testApp.app, { locale: 'en' })
    const turn: Turn = await chat.say('I need an appointment in nephrology tomorrow')
    expect(phraseKeys(turn)).toEqual(['appointment.offer_slots'])
    expect(turn.messages[0]!.text).toContain('Internal medicine')
  })

  it('a slot without a doctor books with no hole where the doctor would be', async () => {
    const chat = await startConversation(testApp.app, { locale: 'en' })
    await chat.say('book ENT tomorrow morning')
    await chat.say('1')
    const booked: Turn = await chat.say('Ivy Chen 13812341111')
    expect(booked.appointment?.status).toBe('booked')
    expect(booked.messages[0]!.text).not.toMatch(/with ,| ,|\s{2}/)
  })

  it('a patient asked for the bill amount who turns to booking is not held at the question', async () => {
    const chat = await startConversation(testApp.app, { locale: 'en' })
    const asked: Turn = await chat.say('my deductible is 500 and coinsurance 20%, how much will I pay?')
    expect(phraseKeys(asked)).toEqual(['insurance.ask_cost_input'])
    const switched: Turn = await chat.say('actually I want to book dermatology tomorrow')
    expect(phraseKeys(switched)).toContain('appointment.offer_slots')
  })
})
