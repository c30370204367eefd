import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { phraseKeys, startConversation } from '../helpers/conversation-client.ts'
import { chatCompletionResponse, lastUserMessage, startOpenAiLoopbackServer, type LoopbackRequest, type OpenAiLoopbackServer } from '../helpers/openai-loopback-server.ts'

// What a translation model would answer for the Spanish messages of these tests.
const SPANISH_TO_ENGLISH: Record<string, string> = {
  'Tengo un dolor muy fuerte en el pecho y me cuesta respirar': 'I have very strong chest pain and I find it hard to breathe',
  '¿A qué hora abren los sábados?': 'What time do you open on Saturdays?'
}

/** The structured-output schema name a request asks for (json_schema or a function tool). */
function schemaName (request: LoopbackRequest): string {
  const format = request.body.response_format as { json_schema?: { name?: string } } | undefined
  const tools = request.body.tools as Array<{ function?: { name?: string } }> | undefined
  return format?.json_schema?.name ?? tools?.[0]?.function?.name ?? ''
}

describe('patients writing in a language the corpus does not cover, with a model configured', () => {
  let server: OpenAiLoopbackServer
  let testApp: TestApp
  let failInbound = false
  let failOutbound = false

  beforeAll(async () => {
    server = await startOpenAiLoopbackServer()
    server.handle('/v1/chat/completions', (request) => {
      const name = schemaName(request)
      const user = lastUserMessage(request)
      if (name === 'translate_patient_message') {
        if (failInbound) return { status: 500, json: { error: { message: 'upstream failure', type: 'server_error' } } }
        const original = Object.keys(SPANISH_TO_ENGLISH).find((text) => user.includes(text))
        return chatCompletionResponse(request, JSON.stringify({ language: 'es', english: original ? SPANISH_TO_ENGLISH[original] : 'hello' }))
      }
      if (name === 'translate_clinic_replies') {
        const texts = JSON.parse(user.slice(user.indexOf('['), user.lastIndexOf(']') + 1)) as string[]
        // A broken answer (one text too few) must never reach the patient.
        const translations = texts.map((text) => `[es] ${text}`).slice(0, failOutbound ? -1 : undefined)
        return chatCompletionResponse(request, JSON.stringify({ translations }))
      }
      return chatCompletionResponse(request, JSON.stringify({ intent: 'other', confidence: 0.1, urgencyHint: null, department: null, symptoms: null }))
    })
    testApp = await buildTestApp('machine-translation', { environment: { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: server.baseUrl, MODEL_TIMEOUT_MS: '2000' } })
  })
  afterAll(async () => {
    await testApp.close()
    await server.close()
  })
  beforeEach(() => {
    failInbound = false
    failOutbound = false
  })

  it('catches an emergency described in Spanish and answers it translated, labelled, with the vetted English original', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    const turn = await patient.say('Tengo un dolor muy fuerte en el pecho y me cuesta respirar')
    expect(turn.triage.urgency).toBe('emergency')
    expect(turn.triage.redFlags.length).toBeGreaterThan(0)
    expect(turn.handoff.priority).toBe('emergency')
    const emergency = turn.messages[0]
    expect(emergency.phraseKey).toBe('safety.emergency')
    expect(emergency.machineTranslation.language).toBe('es')
    expect(emergency.text).toBe(`[es] ${emergency.machineTranslation.original.text}`)
    expect(emergency.disclaimer).toBe(`[es] ${emergency.machineTranslation.original.disclaimer}`)
  })

  it('answers a clinic question in Spanish from the vetted corpus', async () => {
    const patient = await startConversation(testApp.app, { locale: 'en' })
    const turn = await patient.say('¿A qué hora abren los sábados?')
    expect(phraseKeys(turn)).not.toContain('smalltalk.language_unsupported')
    for (const message of turn.messages) {
      expect(message.machineTranslation.language).toBe('es')
      expect(message.text.startsWith('[es] ')).toBe(true)
    }
    // Stored as sent, with the label and the vetted original beside it (for the agent and the audit).
    const stored = await testApp.testDatabase.database.query<{ meta: { machineTranslation?: { language: string, original: { text: string } } } }>(
      "SELECT meta FROM messages WHERE conversation_id = $1 AND role = 'bot' ORDER BY created_at", [patient.id])
    const translated = stored.rows.map((row) => row.meta.machineTranslation).filter(Boolean)
    expect(translated).toHaveLength(turn.messages.length)
    expect(translated.map((label) => label!.original.text)).toEqual(turn.messages.map((message: { machineTranslation: { original: { text: string } } }) => message.machineTranslation.original.text))
  })

  it('falls back to the vetted "we can help in" reply when the message cannot be translated', async () => {
    failInbound = true
    const patient = await startConversation(testApp.app, { locale: 'en' })
    const turn = await patient.say('¿A qué hora abren los sábados?')
    expect(phraseKeys(turn)).toEqual(['smalltalk.language_unsupported'])
    expect(turn.messages[0].machineTranslation).toBeUndefined()
  })

  it('sends the vetted English when the translation of the replies is unusable', async () => {
    failOutbound = true
    const patient = await startConversation(testApp.app, { locale: 'en' })
    const turn = await patient.say('Tengo un dolor muy fuerte en el pecho y me cuesta respirar')
    expect(turn.triage.urgency).toBe('emergency')
    for (const message of turn.messages) {
      expect(message.machineTranslation).toBeUndefined()
      expect(message.text.startsWith('[es]')).toBe(false)
    }
  })
})
