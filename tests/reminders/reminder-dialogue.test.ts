import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../helpers/manual-clock.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { phraseKeys, startConversation } from '../helpers/conversation-client.ts'

// Thursday 3 December 2026, 10:00 in Shanghai (the sample clinic's zone).
const clock = manualClock('2026-12-03T02:00:00Z')
let testApp: TestApp
beforeAll(async () => { testApp = await buildTestApp('reminder-dialogue', { clock }) })
afterAll(async () => { await testApp.close() })

async function remindersOf (patient: { id: string, token: string }) {
  const response = await testApp.app.inject({ method: 'GET', url: `/v1/conversations/${patient.id}/reminders`, headers: { authorization: `Bearer ${patient.token}` } })
  expect(response.statusCode).toBe(200)
  return response.json().reminders
}

describe('setting a reminder in the conversation', () => {
  it('keeps both times of one Chinese message and confirms the schedule with the medicine as written', async () => {
    const patient = await startConversation(testApp.app, { locale: 'zh-CN' })
    const turn = await patient.say('每天早上8点和晚上8点提醒我吃降压药')
    expect(phraseKeys(turn)).toEqual(['medication.reminder_set'])
    expect(turn.messages[0].text).toContain('“降压药”的提醒：每天 08:00、20:00（Asia/Shanghai 时间）')
    expect(turn.messages[0].disclaimer).toBeTruthy()
    const [reminder] = await remindersOf(patient)
    expect(reminder).toMatchObject({ label: '降压药', status: 'active', timezone: 'Asia/Shanghai', channel: 'web', schedule: { frequency: 'daily', times: ['08:00', '20:00'] }, nextAt: '2026-12-03T12:00:00.000Z' })
  })

  it('stores the label encrypted, never as plain text', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    await patient.say('remind me to take my Amlodipine tablets at 9am every day')
    const stored = await testApp.testDatabase.database.query<{ label_ciphertext: Buffer }>('SELECT label_ciphertext FROM reminders WHERE conversation_id = $1', [patient.id])
    expect(stored.rows[0]!.label_ciphertext.toString('latin1')).not.toContain('Amlodipine')
    expect((await remindersOf(patient))[0].label).toBe('Amlodipine tablets')
  })

  it('asks one clarifying question for "at 8", then the name, and never guesses', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    const first = await patient.say('remind me at 8')
    expect(phraseKeys(first)).toEqual(['medication.reminder_clarify_time'])
    expect(first.messages[0].quickReplies.map((reply: { value: string }) => reply.value)).toEqual(['08:00', '20:00'])
    expect(phraseKeys(await patient.say('evening'))).toEqual(['medication.reminder_ask_name'])
    const done = await patient.say('vitamin D')
    expect(phraseKeys(done)).toEqual(['medication.reminder_set'])
    expect(done.messages[0].text).toContain('"vitamin D" is set: every day at 20:00')
  })

  it('reads every N hours until a day, and asks when the first one should be', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    expect(phraseKeys(await patient.say('can you remind me to take my antibiotics every 8 hours until Saturday'))).toEqual(['medication.reminder_ask_start'])
    const done = await patient.say('start at 2pm')
    expect(phraseKeys(done)).toEqual(['medication.reminder_set'])
    const [reminder] = await remindersOf(patient)
    expect(reminder.schedule).toMatchObject({ frequency: 'interval', everyHours: 8, times: ['14:00'], endDate: '2026-12-05' })
    expect(reminder.nextAt).toBe('2026-12-03T06:00:00.000Z')
  })

  it('reads weekdays and a number of days', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    await patient.say('remind me to use my inhaler weekdays at 7:30 for 2 weeks')
    expect((await remindersOf(patient))[0].schedule).toMatchObject({ frequency: 'weekdays', times: ['07:30'], endDate: '2026-12-16' })
  })

  it('does not set a time inside the clinic\'s quiet hours, and asks for another', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    const turn = await patient.say('remind me to take my pills at 11pm')
    expect(phraseKeys(turn)).toEqual(['medication.reminder_quiet_hours'])
    expect(turn.messages[0].text).toContain('between 22:30 and 07:00')
    expect(phraseKeys(await patient.say('10pm then'))).toEqual(['medication.reminder_set'])
    expect((await remindersOf(patient))[0].schedule.times).toEqual(['22:00'])
  })
})

describe('the reminder routes', () => {
  it('lists and stops one reminder, with clear errors for bad requests', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    await patient.say('remind me to take my insulin at 7am and 7pm')
    const [reminder] = await remindersOf(patient)
    const auth = { authorization: `Bearer ${patient.token}` }
    const deleted = await testApp.app.inject({ method: 'DELETE', url: `/v1/conversations/${patient.id}/reminders/${reminder.id}`, headers: auth })
    expect(deleted.statusCode).toBe(200)
    expect(deleted.json().reminder).toMatchObject({ id: reminder.id, status: 'stopped', nextAt: null })
    expect((await remindersOf(patient))[0].status).toBe('stopped')

    const unknown = await testApp.app.inject({ method: 'DELETE', url: `/v1/conversations/${patient.id}/reminders/00000000-0000-4000-8000-000000000000`, headers: auth })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('NOT_FOUND')
    const malformed = await testApp.app.inject({ method: 'DELETE', url: `/v1/conversations/${patient.id}/reminders/abc`, headers: auth })
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED')
    const stranger = await testApp.app.inject({ method: 'GET', url: `/v1/conversations/${patient.id}/reminders`, headers: { authorization: 'Bearer not-the-token' } })
    expect(stranger.statusCode).toBe(401)
  })
})
