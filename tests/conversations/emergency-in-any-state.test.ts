import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'

// The input guard runs before everything else, so an emergency is answered whatever the
// conversation was doing. Each case first puts the conversation in a state, then says one thing.
const STATES: Array<{ name: string, locale: string, before: string[], status?: 'with_agent' }> = [
  { name: 'mid-booking', locale: 'en', before: ['I need to book an appointment', 'dermatology please'] },
  { name: 'mid-insurance question', locale: 'en', before: ['Is an MRI covered by my plan?'] },
  { name: 'waiting for an agent', locale: 'zh-CN', before: ['我要投诉你们的服务'] },
  { name: 'with an agent', locale: 'zh-CN', before: ['转人工'], status: 'with_agent' }
]

const EMERGENCIES: Record<string, string> = {
  en: 'my husband collapsed and is not breathing',
  'zh-CN': '我妈妈突然昏倒了，叫不醒'
}

describe('an emergency in any conversation state', () => {
  let testApp: TestApp
  beforeAll(async () => { testApp = await buildTestApp('emergency-any-state') })
  afterAll(async () => { await testApp.close() })

  it.each(STATES)('gets the emergency reply and a priority handoff when $name', async ({ locale, before, status }) => {
    const conversation = await startConversation(testApp.app, { locale })
    for (const text of before) await conversation.say(text)
    if (status) await testApp.testDatabase.database.query('UPDATE conversations SET status = $2 WHERE id = $1', [conversation.id, status])
    const turn = await conversation.say(EMERGENCIES[locale]!)
    expect(turn.messages[0]).toMatchObject({ kind: 'emergency', phraseKey: 'safety.emergency' })
    expect(turn.messages[0].disclaimer).toBeTruthy()
    expect(turn.triage).toMatchObject({ urgency: 'emergency' })
    expect(turn.handoff).toMatchObject({ priority: 'emergency', status: status ?? 'waiting_agent' })
  })
})
