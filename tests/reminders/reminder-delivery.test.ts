import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../helpers/manual-clock.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { createDependencies } from '../../src/deps.ts'
import { reminderMessages, runWorkerUntil, setClinicTimeZone } from './reminder-fixtures.ts'

let testApp: TestApp | undefined
afterEach(async () => { await testApp?.close() })

describe('reminders go out at the clinic\'s local times', () => {
  it('fires at 08:00 and 20:00 London time on both sides of the spring daylight-saving change', async () => {
    // Friday 27 March 2026; British Summer Time starts on Sunday 29 March at 01:00 UTC.
    const clock = manualClock('2026-03-27T10:00:00Z')
    testApp = await buildTestApp('reminders-dst', { clock })
    await setClinicTimeZone(testApp, 'Europe/London')
    const patient = await startConversation(testApp.app, { locale: 'en' })
    const turn = await patient.say('remind me to take my blood pressure pill at 8am and 8pm')
    expect(turn.messages.map((message: { phraseKey: string }) => message.phraseKey)).toEqual(['medication.reminder_set'])
    expect(turn.messages[0].text).toContain('"blood pressure pill"')
    expect(turn.messages[0].text).toContain('every day at 08:00 and 20:00')

    const sent = await runWorkerUntil(testApp.dependencies.reminderWorker, clock, '2026-03-30T00:00:00Z')
    expect(sent).toEqual([
      '2026-03-27T20:00:00.000Z', // 20:00 GMT
      '2026-03-28T08:00:00.000Z',
      '2026-03-28T20:00:00.000Z',
      '2026-03-29T07:00:00.000Z', // 08:00 BST
      '2026-03-29T19:00:00.000Z' // 20:00 BST
    ])
    const messages = await reminderMessages(testApp, patient)
    expect(messages).toHaveLength(5)
    expect(messages[3]!.text).toContain('it is 08:00, time for your blood pressure pill')
  })

  it('fires on weekdays at 07:30 New York time across the autumn change, and not at weekends', async () => {
    // Friday 30 October 2026; New York falls back on Sunday 1 November.
    const clock = manualClock('2026-10-30T12:00:00Z')
    testApp = await buildTestApp('reminders-weekdays', { clock })
    await setClinicTimeZone(testApp, 'America/New_York')
    const patient = await startConversation(testApp.app, { locale: 'en' })
    await patient.say('remind me about my vitamin D weekdays at 7:30')
    const sent = await runWorkerUntil(testApp.dependencies.reminderWorker, clock, '2026-11-04T00:00:00Z')
    // Mon 2 Nov and Tue 3 Nov at 07:30 EST (UTC-5); nothing on the weekend.
    expect(sent).toEqual(['2026-11-02T12:30:00.000Z', '2026-11-03T12:30:00.000Z'])
  })

  it('keeps the schedule across a restart: nothing is sent twice and nothing due is lost', async () => {
    const clock = manualClock('2026-03-27T10:00:00Z')
    // A real key ring, as in production: the restarted process must read what the first one wrote.
    testApp = await buildTestApp('reminders-restart', { clock, environment: { ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}` } })
    await setClinicTimeZone(testApp, 'Europe/London')
    const patient = await startConversation(testApp.app, { locale: 'en' })
    await patient.say('remind me to take my insulin at 8am and 8pm')
    expect(await runWorkerUntil(testApp.dependencies.reminderWorker, clock, '2026-03-28T09:00:00Z')).toHaveLength(2)

    // The process stops at 09:00 and comes back at 20:30: the 20:00 reminder is due, and goes out once.
    clock.set('2026-03-28T20:30:00Z')
    const restarted = await createDependencies({ config: testApp.dependencies.config, database: testApp.testDatabase.database, clock, logger: testApp.dependencies.logger })
    await restarted.reminderWorker.start()
    expect(await runWorkerUntil(restarted.reminderWorker, clock, '2026-03-29T08:00:00Z')).toEqual(['2026-03-28T21:00:00.000Z', '2026-03-29T07:00:00.000Z'])
    expect(await restarted.reminderWorker.tick()).toEqual({ sent: 0, expired: 0 })
    expect((await reminderMessages(testApp, patient)).map((message) => message.text.match(/it is (\d\d:\d\d)/)?.[1])).toEqual(['20:00', '08:00', '20:00', '08:00'])
  })

  it('records an occurrence found long after it was due as expired instead of sending it late', async () => {
    const clock = manualClock('2026-12-03T02:00:00Z')
    testApp = await buildTestApp('reminders-late', { clock })
    const patient = await startConversation(testApp.app, { locale: 'zh-CN' })
    await patient.say('每天早上8点提醒我吃降压药')
    // Down from before 08:00 Shanghai time until the afternoon.
    clock.set('2026-12-04T07:00:00Z')
    expect(await testApp.dependencies.reminderWorker.tick()).toEqual({ sent: 0, expired: 1 })
    expect(await reminderMessages(testApp, patient)).toHaveLength(0)
    clock.set('2026-12-05T00:00:00Z')
    expect(await testApp.dependencies.reminderWorker.tick()).toEqual({ sent: 1, expired: 0 })
    const [message] = await reminderMessages(testApp, patient)
    expect(message!.text).toContain('现在是 08:00，请按医嘱使用“降压药”')
  })
})
