import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Clock } from '../../src/clock.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { AGENT_TEST_ENVIRONMENT, createAgent, eventually } from '../helpers/agent-client.ts'
import { openSse } from '../helpers/sse-client.ts'

// A clock the test moves forward: "six minutes later" without waiting six minutes.
let offsetMs = 0
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) }

let test: TestApp
let baseUrl: string

beforeAll(async () => {
  test = await buildTestApp('emergency-sla', { clock, environment: { ...AGENT_TEST_ENVIRONMENT, HANDOFF_EMERGENCY_REALERT_MINUTES: '5' } })
  baseUrl = await test.app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => { await test.close() })

describe('an emergency left waiting', () => {
  it('re-sends the patient the emergency-number phrase and re-alerts the agents once the limit has passed, once per period', async () => {
    const supervisor = await createAgent(test.app, { email: 'lead@clinic.example', name: 'Lead', role: 'supervisor' })
    const stream = await openSse(`${baseUrl}/v1/agent/events`, { authorization: `Bearer ${supervisor.token}` })
    try {
      await stream.waitFor((event) => event.event === 'ready')
      const patient = await startConversation(test.app, { locale: 'en' })
      await patient.say('I have crushing chest pain spreading to my left arm and I am sweating')
      const emergencyReplies = async () => {
        const feed = await test.app.inject({ method: 'GET', url: `/v1/conversations/${patient.id}/messages`, headers: { authorization: `Bearer ${patient.token}` } })
        return feed.json().messages.filter((message: { phraseKey?: string }) => message.phraseKey === 'safety.emergency') as Array<{ text: string }>
      }
      await eventually(async () => (await test.dependencies.database.query('SELECT 1 FROM handoffs WHERE conversation_id = $1', [patient.id])).rowCount === 1, 'the handoff record')

      expect(await test.dependencies.handoff.intake.realertEmergencies()).toEqual([])
      offsetMs = 6 * 60_000
      expect(await test.dependencies.handoff.intake.realertEmergencies()).toEqual([patient.id])
      expect(await test.dependencies.handoff.intake.realertEmergencies()).toEqual([])
      const replies = await emergencyReplies()
      expect(replies).toHaveLength(2)
      expect(replies[1]!.text).toContain('120')
      const alert = await stream.waitFor((event) => event.event === 'alert', 'the alert')
      expect(JSON.parse(alert.data)).toEqual({ conversationId: patient.id, reason: 'emergency_waiting' })

      // Claimed: no more alerts, however long it takes.
      expect((await supervisor.request('POST', `/v1/agent/conversations/${patient.id}/claim`)).statusCode).toBe(200)
      offsetMs = 30 * 60_000
      expect(await test.dependencies.handoff.intake.realertEmergencies()).toEqual([])
    } finally {
      stream.close()
    }
  })
})
