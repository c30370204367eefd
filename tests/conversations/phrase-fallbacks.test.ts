import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'

const ADMIN = { 'x-api-key': 'admin-key-for-tests', 'x-actor': 'reviewer' }

describe('replies when a phrase is missing in the patient\'s language', () => {
  let testApp: TestApp

  beforeAll(async () => {
    testApp = await buildTestApp('phrase-fallbacks', { environment: { ADMIN_API_KEY: ADMIN['x-api-key'] } })
  })
  afterAll(async () => { await testApp.close() })

  async function retire (group: string, locale: string) {
    const listed = await testApp.app.inject({ method: 'GET', url: `/admin/corpus/phrases?group=${group}&locale=${locale}&status=approved`, headers: ADMIN })
    const phrases = listed.json().phrases as Array<{ phraseId: string }>
    expect(phrases.length).toBeGreaterThan(0)
    for (const phrase of phrases) {
      const retired = await testApp.app.inject({ method: 'POST', url: `/admin/corpus/phrases/${phrase.phraseId}/retire`, headers: ADMIN })
      expect(retired.statusCode).toBe(200)
    }
  }

  it('answers in English with the same phrase key, and a Chinese disclaimer still comes from Chinese', async () => {
    const before = await startConversation(testApp.app, { locale: 'zh-CN' })
    const chineseGreeting = before.greeting[0].text as string
    await retire('smalltalk.greeting', 'zh-CN')

    const after = await startConversation(testApp.app, { locale: 'zh-CN' })
    expect(after.greeting[0].phraseKey).toBe('smalltalk.greeting')
    expect(after.greeting[0].text).not.toBe(chineseGreeting)
    expect(after.greeting[0].text).toMatch(/[a-z]{3,}/i)
  })

  it('keeps a disclaimer on a medical reply even when the clinic retired every disclaimer phrase', async () => {
    await retire('disclaimer.medical', 'en')
    await retire('disclaimer.medical', 'zh-CN')
    const patient = await startConversation(testApp.app, { locale: 'en' })
    const turn = await patient.say('I have had a sore throat for three days')
    const medical = turn.messages.filter((message: { disclaimer?: string }) => message.disclaimer !== undefined)
    expect(medical.length).toBeGreaterThan(0)
    for (const message of medical) expect(message.disclaimer.length).toBeGreaterThan(10)
  })
})
