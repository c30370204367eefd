import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manualClock } from '../helpers/manual-clock.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startFakeWhatsAppServer, type FakeWhatsAppServer } from '../helpers/fake-whatsapp-server.ts'
import { hubSignature } from '../../src/channels/whatsapp/whatsapp-signature.ts'

const APP_SECRET = 'reminder-app-secret'
const ACCESS_TOKEN = 'reminder-access-token'
const PHONE_NUMBER_ID = '5550001111'
const PATIENT = '8613800000001'

// Thursday 3 December 2026, 10:00 in Shanghai.
const clock = manualClock('2026-12-03T02:00:00Z')
let sequence = 0

describe('a reminder reaches the patient on WhatsApp through the durable queue', () => {
  let testApp: TestApp
  let fake: FakeWhatsAppServer

  const say = async (text: string) => {
    const id = `wamid.reminder${++sequence}`
    const body = {
      object: 'whatsapp_business_account',
      entry: [{ id: 'WABA-1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550001111', phone_number_id: PHONE_NUMBER_ID }, contacts: [{ profile: { name: 'Patient' }, wa_id: PATIENT }], messages: [{ from: PATIENT, id, timestamp: String(Math.floor(clock.now().getTime() / 1000)), type: 'text', text: { body: text } }] } }] }]
    }
    const raw = Buffer.from(JSON.stringify(body))
    const response = await testApp.app.inject({ method: 'POST', url: '/webhooks/whatsapp', headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(APP_SECRET, raw) }, payload: raw })
    expect(response.statusCode).toBe(200)
    await testApp.dependencies.jobs.drain()
  }
  const textOf = (send: { body: Record<string, unknown> }): string => {
    const body = send.body as { text?: { body: string }, interactive?: { body: { text: string } }, template?: { components: Array<{ parameters: Array<{ text: string }> }> } }
    return body.text?.body ?? body.interactive?.body.text ?? body.template?.components[0]?.parameters[0]?.text ?? ''
  }

  beforeAll(async () => {
    fake = await startFakeWhatsAppServer({ accessToken: ACCESS_TOKEN })
    testApp = await buildTestApp('reminder-whatsapp', {
      clock,
      environment: { WHATSAPP_VERIFY_TOKEN: 'verify', WHATSAPP_APP_SECRET: APP_SECRET, WHATSAPP_ACCESS_TOKEN: ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID, WHATSAPP_API_BASE_URL: fake.baseUrl }
    })
    // Before any turn: clinic profiles are cached for a minute.
    await testApp.testDatabase.database.query('UPDATE clinics SET settings = settings || \'{"whatsappTemplate":{"name":"clinic_reminder","language":"en_US"}}\' WHERE id = \'default\'')
  })
  afterAll(async () => {
    await testApp.close()
    await fake.close()
  })

  it('sends it as a normal message inside the 24-hour window and as the approved template outside it', async () => {
    await say('remind me to take my blood pressure pill at 8pm every day')
    expect(textOf(fake.delivered.at(-1)!)).toContain('"blood pressure pill" is set: every day at 20:00')
    const before = fake.delivered.length

    // 20:00 Shanghai, the patient wrote ten hours ago: a free-form message with answer choices.
    clock.set('2026-12-03T12:00:00Z')
    expect(await testApp.dependencies.reminderWorker.tick()).toEqual({ sent: 1, expired: 0 })
    await testApp.dependencies.jobs.drain()
    const inside = fake.delivered.slice(before)
    expect(inside).toHaveLength(1)
    expect(inside[0]!.body.to).toBe(PATIENT)
    expect(inside[0]!.body.type).toBe('interactive')
    expect(textOf(inside[0]!)).toContain('it is 20:00, time for your blood pressure pill as prescribed')

    // The next evening the window has closed: only the clinic's approved template may go out.
    clock.set('2026-12-04T12:00:00Z')
    await testApp.dependencies.reminderWorker.tick()
    await testApp.dependencies.jobs.drain()
    const outside = fake.delivered.slice(before + 1)
    expect(outside).toHaveLength(1)
    expect(outside[0]!.body).toMatchObject({ type: 'template', template: { name: 'clinic_reminder', language: { code: 'en_US' } } })
    expect(textOf(outside[0]!)).toContain('time for your blood pressure pill')

    // Each reminder went out once, however often the queue is drained.
    await testApp.dependencies.jobs.drain()
    expect(fake.delivered.length).toBe(before + 2)
  })

  it('takes the patient\'s "STOP" on WhatsApp, and nothing more is sent', async () => {
    await say('STOP')
    expect(textOf(fake.delivered.at(-1)!)).toContain('reminders are now turned off')
    const before = fake.delivered.length
    clock.set('2026-12-05T12:30:00Z')
    await testApp.dependencies.reminderWorker.tick()
    await testApp.dependencies.jobs.drain()
    expect(fake.delivered.length).toBe(before)
  })
})
