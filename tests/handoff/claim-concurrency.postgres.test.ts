import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import type { Database } from '../../src/db/database.ts'
import { createDependencies } from '../../src/deps.ts'
import { buildApp } from '../../src/server/app.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { AGENT_TEST_ENVIRONMENT, createAgent, type AgentClient } from '../helpers/agent-client.ts'
import { openSse } from '../helpers/sse-client.ts'
import { testEngine } from '../helpers/test-database.ts'

import { randomBytes } from 'node:crypto'

const CONVERSATIONS = 10
// Both instances read each other's encrypted messages: one key ring, as in production.
const ENVIRONMENT = { ...AGENT_TEST_ENVIRONMENT, ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}` }
const AGENTS = 5

// Needs real concurrent connections and a second instance: PGlite has one connection per process.
describe.skipIf(testEngine !== 'postgres')('claims across two service instances on the server PostgreSQL', () => {
  let first: TestApp
  let secondDatabase: Database
  let second: FastifyInstance
  let secondUrl: string

  beforeAll(async () => {
    first = await buildTestApp('claim-concurrency', { environment: ENVIRONMENT })
    // A second instance of the service: its own pool (and LISTEN connection) on the same database.
    secondDatabase = await first.testDatabase.openAnother()
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', RATE_LIMIT_PER_MINUTE: '10000', ...ENVIRONMENT })
    const dependencies = await createDependencies({ config, database: secondDatabase, logger: pino({ level: 'silent' }) })
    second = await buildApp(dependencies)
    secondUrl = await second.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await second.close()
    await secondDatabase.close()
    await first.close()
  })

  it('claims each of 10 waiting conversations exactly once among 50 simultaneous attempts, and the other instance streams every change', async () => {
    const agents: AgentClient[] = []
    for (let index = 0; index < AGENTS; index++) agents.push(await createAgent(first.app, { email: `agent${index}@clinic.example`, name: `Agent ${index}` }))
    // The supervisor watches the queue on the second instance.
    const watcher = await openSse(`${secondUrl}/v1/agent/events`, { authorization: `Bearer ${agents[0]!.token}` })
    try {
      await watcher.waitFor((event) => event.event === 'ready')
      const patients = []
      for (let index = 0; index < CONVERSATIONS; index++) {
        const patient = await startConversation(first.app, { locale: 'en' })
        await patient.say('I want to talk to a real person')
        patients.push(patient)
      }
      // Every agent tries every other conversation, through both instances at once: 50 attempts.
      const attempts = patients.flatMap((patient, conversationIndex) => agents.map((agent, agentIndex) => {
        const app = (conversationIndex + agentIndex) % 2 === 0 ? first.app : second
        return app.inject({ method: 'POST', url: `/v1/agent/conversations/${patient.id}/claim`, headers: { authorization: `Bearer ${agent.token}` } })
          .then((response) => ({ conversationId: patient.id, agentId: agent.id, status: response.statusCode, code: response.statusCode === 200 ? null : response.json().error.code as string }))
      }))
      expect(attempts).toHaveLength(CONVERSATIONS * AGENTS)
      const results = await Promise.all(attempts)

      const winners = results.filter((result) => result.status === 200)
      expect(winners.map((winner) => winner.conversationId).sort()).toEqual(patients.map((patient) => patient.id).sort())
      expect(results.filter((result) => result.status !== 200).map((result) => `${result.status} ${result.code}`)).toEqual(Array(CONVERSATIONS * (AGENTS - 1)).fill('409 ALREADY_CLAIMED'))
      const held = await first.testDatabase.database.query<{ id: string, assigned_agent_id: string, status: string }>(
        'SELECT id, assigned_agent_id, status FROM conversations WHERE id = ANY($1::uuid[])', [patients.map((patient) => patient.id)])
      for (const row of held.rows) {
        expect(row.status).toBe('with_agent')
        expect(row.assigned_agent_id).toBe(winners.find((winner) => winner.conversationId === row.id)!.agentId)
      }

      // Every queue change, written by either instance, reached the subscriber on the second one.
      for (const patient of patients) {
        await watcher.waitFor((event) => event.event === 'queue' && JSON.parse(event.data).conversationId === patient.id && JSON.parse(event.data).status === 'waiting_agent', `${patient.id} waiting`)
        const claimed = await watcher.waitFor((event) => event.event === 'queue' && JSON.parse(event.data).conversationId === patient.id && JSON.parse(event.data).status === 'with_agent', `${patient.id} claimed`)
        expect(JSON.parse(claimed.data).assignedTo).toBe(winners.find((winner) => winner.conversationId === patient.id)!.agentId)
      }
    } finally {
      watcher.close()
    }
  }, 120_000)
})
