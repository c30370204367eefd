import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { manualClock } from '../helpers/manual-clock.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { phraseKeys, startConversation } from '../helpers/conversation-client.ts'
import { reminderMessages, runWorkerUntil } from './reminder-fixtures.ts'

// Thursday 3 December 2026, 10:00 in Shanghai (the sample clinic's zone).
const START = '2026-12-03T02:00:00Z'
const clock = manualClock(START)
let testApp: TestApp
beforeAll(async () => { testApp = await buildTestApp('reminder-replies', { clock, environment: { ADMIN_API_KEY: 'staff-key' } }) })
afterAll(async () => { await testApp.close() })
// One patient per test: earlier tests' reminders are stopped so the worker sends only this one's.
beforeEach(async () => { await testApp.testDatabase.database.query("UPDATE reminders SET status = 'stopped' WHERE status = 'active'") })

type Patient = Awaited<ReturnType<typeof startConversation>>

async function patientWithReminder (locale: 'en' | 'zh-CN'): Promise<Patient> {
  clock.set(START)
  const patient = await startConversation(testApp.app, { locale })
  const turn = await patient.say(locale === 'en' ? 'remind me to take my blood pressure pill at 8pm every day' : '每天晚上8点提醒我吃降压药')
  expect(phraseKeys(turn)).toEqual(['medication.reminder_set'])
  return patient
}

async function statusOf (patient: Patient): Promise<string[]> {
  const response = await testApp.app.inject({ method: 'GET', url: `/v1/conversations/${patient.id}/reminders`, headers: { authorization: `Bearer ${patient.token}` } })
  return response.json().reminders.map((reminder: { status: string }) => reminder.status)
}

describe('"stop" works in both languages, in any flow and state', () => {
  const cases: Array<{ state: string, locale: 'en' | 'zh-CN', setUp: string[], stop: string, conversationStatus?: string }> = [
    { state: 'no flow', locale: 'en', setUp: [], stop: 'stop' },
    { state: 'no flow', locale: 'zh-CN', setUp: [], stop: '退订' },
    { state: 'booking an appointment', locale: 'zh-CN', setUp: ['我想预约挂号'], stop: '退订' },
    { state: 'booking an appointment', locale: 'en', setUp: ['I want to book an appointment'], stop: 'STOP' },
    { state: 'answering triage questions', locale: 'en', setUp: ['I have had a headache since yesterday'], stop: 'please stop my medication reminders' },
    { state: 'answering triage questions', locale: 'zh-CN', setUp: ['我头疼两天了'], stop: '不要再提醒了' },
    { state: 'setting up another reminder', locale: 'zh-CN', setUp: ['提醒我吃药'], stop: '停止' },
    { state: 'waiting for a human agent', locale: 'en', setUp: ['I want to talk to a real person'], stop: 'stop', conversationStatus: 'waiting_agent' },
    { state: 'waiting for a human agent', locale: 'zh-CN', setUp: ['我要人工客服'], stop: '退订', conversationStatus: 'waiting_agent' }
  ]

  it.each(cases)('$state ($locale): "$stop"', async ({ locale, setUp, stop, conversationStatus }) => {
    const patient = await patientWithReminder(locale)
    for (const text of setUp) await patient.say(text)
    const turn = await patient.say(stop)
    expect(phraseKeys(turn)).toEqual(['medication.reminder_stopped'])
    if (conversationStatus) expect(turn.conversation.status).toBe(conversationStatus)
    expect(await statusOf(patient)).toEqual(['stopped'])
    // The evening's reminder never goes out.
    await runWorkerUntil(testApp.dependencies.reminderWorker, clock, '2026-12-03T13:00:00Z', 180)
    expect(await reminderMessages(testApp, patient)).toHaveLength(0)
  })

  it('says there is nothing to stop when the patient has no reminders', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    expect(phraseKeys(await patient.say('please stop my medication reminders'))).toEqual(['medication.reminder_none'])
  })

  it('stops only the reminder the patient names', async () => {
    clock.set(START)
    const patient = await startConversation(testApp.app, { locale: 'en' })
    await patient.say('remind me to take my insulin at 9pm')
    clock.advance(60_000)
    await patient.say('remind me to take my vitamin D at 8am')
    const turn = await patient.say('stop my insulin reminder')
    expect(phraseKeys(turn)).toEqual(['medication.reminder_stopped_one', 'medication.reminder_list'])
    expect(turn.messages[1].text).toContain('vitamin D: every day at 08:00')
    expect(await statusOf(patient)).toEqual(['stopped', 'active'])
  })

  it('lists the reminders from the middle of another flow, which then goes on', async () => {
    const patient = await patientWithReminder('zh-CN')
    await patient.say('我想预约挂号')
    const turn = await patient.say('我的提醒')
    expect(phraseKeys(turn)).toEqual(['medication.reminder_list'])
    expect(turn.messages[0].text).toContain('1. 降压药: 每天 20:00')
    expect(turn.conversation.flow).toBe('appointment')
  })
})

describe('answers to a reminder are recorded as adherence', () => {
  async function adherence (patient: Patient) {
    const result = await testApp.testDatabase.database.query<{ kind: string, response: string | null }>(
      'SELECT kind, response FROM reminder_deliveries WHERE conversation_id = $1 ORDER BY occurrence_at, kind', [patient.id])
    return result.rows
  }

  it('snooze re-fires once, at the time it names', async () => {
    const patient = await patientWithReminder('en')
    expect(await runWorkerUntil(testApp.dependencies.reminderWorker, clock, '2026-12-03T12:00:00Z')).toEqual(['2026-12-03T12:00:00.000Z'])
    const turn = await patient.say('snooze 30 min')
    expect(phraseKeys(turn)).toEqual(['medication.reminder_snoozed'])
    expect(turn.messages[0].text).toContain('20:30')
    expect(await runWorkerUntil(testApp.dependencies.reminderWorker, clock, '2026-12-04T12:00:00Z')).toEqual(['2026-12-03T12:30:00.000Z', '2026-12-04T12:00:00.000Z'])
    expect(await reminderMessages(testApp, patient)).toHaveLength(3)
    expect(await adherence(patient)).toEqual([{ kind: 'scheduled', response: 'snoozed' }, { kind: 'snooze', response: null }, { kind: 'scheduled', response: null }])
  })

  it('"过半小时提醒我" snoozes, and "吃了" records the dose as taken', async () => {
    const patient = await patientWithReminder('zh-CN')
    await runWorkerUntil(testApp.dependencies.reminderWorker, clock, '2026-12-03T12:00:00Z')
    expect(phraseKeys(await patient.say('过半小时提醒我'))).toEqual(['medication.reminder_snoozed'])
    await runWorkerUntil(testApp.dependencies.reminderWorker, clock, '2026-12-03T12:30:00Z')
    expect(phraseKeys(await patient.say('吃了'))).toEqual(['medication.reminder_taken'])
    expect(await adherence(patient)).toEqual([{ kind: 'scheduled', response: 'snoozed' }, { kind: 'snooze', response: 'taken' }])
  })

  it('"skip" is recorded, and "taken" with no reminder sent is not taken for an answer', async () => {
    const patient = await patientWithReminder('en')
    expect(phraseKeys(await patient.say('taken'))).not.toContain('medication.reminder_taken')
    await runWorkerUntil(testApp.dependencies.reminderWorker, clock, '2026-12-03T12:00:00Z')
    expect(phraseKeys(await patient.say('skip'))).toEqual(['medication.reminder_skipped'])
    expect(await adherence(patient)).toEqual([{ kind: 'scheduled', response: 'skipped' }])
  })

  it('shows the reminder in the web conversation with its answers as quick replies', async () => {
    const patient = await patientWithReminder('en')
    await runWorkerUntil(testApp.dependencies.reminderWorker, clock, '2026-12-03T12:00:00Z')
    const [message] = await reminderMessages(testApp, patient)
    expect(message).toMatchObject({ role: 'bot', kind: 'reminder' })
    expect(message!.text).toContain('it is 20:00, time for your blood pressure pill as prescribed')
    expect((message!.meta.quickReplies as Array<{ value: string }>).map((reply) => reply.value)).toEqual(['taken', 'snooze 30 min', 'skip', 'stop'])
  })
})

describe('chronic-care check-ins', () => {
  // Monday 7 December 2026, 09:00 in Shanghai: the sample clinic's weekly check-in time.
  const MONDAY_CHECK_IN = '2026-12-07T01:00:00Z'

  async function checkedInPatient (locale: 'en' | 'zh-CN', optIn: string): Promise<Patient> {
    clock.set(START)
    const patient = await startConversation(testApp.app, { locale })
    const turn = await patient.say(optIn)
    expect(phraseKeys(turn)).toEqual(['medication.checkin_opted_in'])
    clock.set('2026-12-07T00:00:00Z')
    expect(await runWorkerUntil(testApp.dependencies.reminderWorker, clock, MONDAY_CHECK_IN, 60)).toEqual(['2026-12-07T01:00:00.000Z'])
    return patient
  }

  it('an out-of-range blood pressure gets the urgent reply and a handoff, never an interpretation', async () => {
    const patient = await checkedInPatient('zh-CN', '每周随访血压')
    const [question] = await reminderMessages(testApp, patient)
    expect(question!.text).toContain('每周的血压随访')
    const turn = await patient.say('今天测的 185/100')
    expect(phraseKeys(turn)).toEqual(['medication.checkin_reading_urgent'])
    expect(turn.triage).toMatchObject({ urgency: 'urgent' })
    expect(turn.handoff).toMatchObject({ status: 'waiting_agent', priority: 'high' })
    expect(turn.conversation.status).toBe('waiting_agent')
  })

  it('a glucose reading at or below the emergency threshold gets the emergency reply and a priority handoff', async () => {
    const patient = await checkedInPatient('en', 'weekly blood sugar check-ins please')
    const turn = await patient.say('2.8')
    expect(phraseKeys(turn)).toEqual(['medication.checkin_reading_emergency'])
    expect(turn.messages[0].kind).toBe('emergency')
    expect(turn.handoff).toMatchObject({ priority: 'emergency' })
  })

  it('a glucose of 3.9 mmol/L is flagged as urgent, and a reading in range is recorded without a handoff', async () => {
    const low = await checkedInPatient('en', 'check in on my glucose every week')
    expect(phraseKeys(await low.say('my sugar was 3.9 this morning'))).toEqual(['medication.checkin_reading_urgent'])
    const fine = await checkedInPatient('en', 'weekly blood pressure check-in')
    const turn = await fine.say('132/84')
    expect(phraseKeys(turn)).toEqual(['medication.checkin_reading_recorded'])
    expect(turn.handoff).toBeUndefined()
    const readings = await testApp.testDatabase.database.query<{ level: string }>('SELECT level FROM check_in_readings WHERE conversation_id = $1', [fine.id])
    expect(readings.rows).toEqual([{ level: 'in_range' }])
  })
})

describe('the clinic\'s weekly adherence summary', () => {
  it('counts what was sent and how the patient answered, for staff with the admin key only', async () => {
    const patient = await patientWithReminder('en')
    await runWorkerUntil(testApp.dependencies.reminderWorker, clock, '2026-12-03T12:00:00Z')
    await patient.say('taken')
    await runWorkerUntil(testApp.dependencies.reminderWorker, clock, '2026-12-04T12:00:00Z')
    const url = '/v1/admin/clinics/default/reminders/adherence?weekStart=2026-12-03'
    const response = await testApp.app.inject({ method: 'GET', url, headers: { 'x-api-key': 'staff-key' } })
    expect(response.statusCode).toBe(200)
    const summary = response.json()
    expect(summary).toMatchObject({ weekStart: '2026-11-30', weekEnd: '2026-12-06', timezone: 'Asia/Shanghai' })
    expect(summary.reminders.find((row: { conversationId: string }) => row.conversationId === patient.id)).toMatchObject({ label: 'blood pressure pill', sent: 2, taken: 1, noAnswer: 1 })
    // The check-in readings of the tests above came in on Monday 7 December.
    const next = (await testApp.app.inject({ method: 'GET', url: '/v1/admin/clinics/default/reminders/adherence?weekStart=2026-12-07', headers: { 'x-api-key': 'staff-key' } })).json()
    expect(next.checkIns).toEqual([{ metric: 'blood_pressure', readings: 2, urgent: 1, emergency: 0 }, { metric: 'glucose', readings: 2, urgent: 1, emergency: 1 }])
    expect((await testApp.app.inject({ method: 'GET', url })).statusCode).toBe(401)
    const staffView = await testApp.app.inject({ method: 'GET', url: `/v1/admin/clinics/default/conversations/${patient.id}/reminders`, headers: { 'x-api-key': 'staff-key' } })
    expect(staffView.json().reminders).toEqual([expect.objectContaining({ label: 'blood pressure pill', status: 'active', nextAt: '2026-12-05T12:00:00.000Z' })])
    const bad = await testApp.app.inject({ method: 'GET', url: '/v1/admin/clinics/default/reminders/adherence?weekStart=next', headers: { 'x-api-key': 'staff-key' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('VALIDATION_FAILED')
  })
})
