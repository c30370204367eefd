import { execFile } from 'node:child_process'
import { rmSync } from 'node:fs'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { ADMIN_KEY, AGENT_TEST_ENVIRONMENT, createAgent, type AgentClient } from '../helpers/agent-client.ts'
import { openSse } from '../helpers/sse-client.ts'
import { testEngine } from '../helpers/test-database.ts'

let test: TestApp
let baseUrl: string
let admin: AgentClient

beforeAll(async () => {
  test = await buildTestApp('agent-accounts', { environment: AGENT_TEST_ENVIRONMENT })
  await test.dependencies.database.query("INSERT INTO clinics (id, name) VALUES ('other', '{\"en\": \"Other Clinic\"}')")
  admin = await createAgent(test.app, { email: 'admin@clinic.example', name: 'Admin Ma', role: 'admin' })
  baseUrl = await test.app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => { await test.close() })

const login = (payload: Record<string, unknown>) => test.app.inject({ method: 'POST', url: '/v1/agent/login', payload })

describe('agent accounts', () => {
  it('signs in with a bearer token and an HttpOnly session cookie; a wrong password or clinic is 401', async () => {
    await createAgent(test.app, { email: 'Chen@Clinic.example', name: 'Chen Jie', password: 'a long enough secret' })
    const ok = await login({ clinicId: 'default', email: 'chen@clinic.example', password: 'a long enough secret' })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().agent).toMatchObject({ name: 'Chen Jie', role: 'agent', clinicId: 'default' })
    const cookie = String(ok.headers['set-cookie'])
    expect(cookie).toMatch(/agent_session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
    const viaCookie = await test.app.inject({ method: 'GET', url: '/v1/agent/me', headers: { cookie: cookie.split(';')[0]! } })
    expect(viaCookie.json().agent.email).toBe('chen@clinic.example')

    for (const wrong of [{ password: 'not the password' }, { clinicId: 'other' }, { email: 'nobody@clinic.example' }]) {
      const refused = await login({ clinicId: 'default', email: 'chen@clinic.example', password: 'a long enough secret', ...wrong })
      expect(refused.statusCode).toBe(401)
      expect(refused.json().error.code).toBe('UNAUTHORIZED')
    }
    // The password is stored only as an argon2id hash.
    const stored = await test.dependencies.database.query<{ password_hash: string }>("SELECT password_hash FROM agents WHERE email = 'chen@clinic.example'")
    expect(stored.rows[0]!.password_hash).toMatch(/^\$argon2id\$/)
  })

  it('locks an account after repeated wrong passwords, even for the right one', async () => {
    await createAgent(test.app, { email: 'locked@clinic.example', name: 'Locked', password: 'the right password' })
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await login({ clinicId: 'default', email: 'locked@clinic.example', password: `wrong ${attempt}` })).statusCode).toBe(401)
    }
    const refused = await login({ clinicId: 'default', email: 'locked@clinic.example', password: 'the right password' })
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error.code).toBe('RATE_LIMITED')
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('signs out: the token stops working', async () => {
    const agent = await createAgent(test.app, { email: 'leaving@clinic.example', name: 'Leaving' })
    expect((await agent.request('POST', '/v1/agent/logout')).statusCode).toBe(204)
    expect((await agent.request('GET', '/v1/agent/queue')).statusCode).toBe(401)
  })

  it('creates agents with the admin key or as an admin of the same clinic only; validates the input', async () => {
    const byAdmin = await admin.request('POST', '/v1/admin/clinics/default/agents', { email: 'new@clinic.example', name: 'New', password: 'long enough pass', role: 'supervisor' })
    expect(byAdmin.statusCode).toBe(201)
    expect((await admin.request('POST', '/v1/admin/clinics/other/agents', { email: 'x@other.example', name: 'X', password: 'long enough pass' })).statusCode).toBe(403)
    const agent = await createAgent(test.app, { email: 'plain@clinic.example', name: 'Plain' })
    expect((await agent.request('POST', '/v1/admin/clinics/default/agents', { email: 'y@clinic.example', name: 'Y', password: 'long enough pass' })).statusCode).toBe(403)
    const duplicate = await admin.request('POST', '/v1/admin/clinics/default/agents', { email: 'NEW@clinic.example', name: 'Again', password: 'long enough pass' })
    expect(duplicate.statusCode).toBe(409)
    const short = await admin.request('POST', '/v1/admin/clinics/default/agents', { email: 'z@clinic.example', name: 'Z', password: 'short' })
    expect(short.statusCode).toBe(400)
    expect(short.json().error.message).toContain('password')
    const noClinic = await test.app.inject({ method: 'POST', url: '/v1/admin/clinics/nowhere/agents', headers: { 'x-api-key': ADMIN_KEY }, payload: { email: 'a@b.example', name: 'A', password: 'long enough pass' } })
    expect(noClinic.statusCode).toBe(404)
  })

  it("shows agents only their own clinic's conversations", async () => {
    const outsider = await createAgent(test.app, { clinicId: 'other', email: 'o@other.example', name: 'Outsider' })
    const patient = await startConversation(test.app, { locale: 'en' })
    await patient.say('I want to talk to a real person')
    expect((await outsider.request('GET', '/v1/agent/queue')).json().conversations).toEqual([])
    const claim = await outsider.request('POST', `/v1/agent/conversations/${patient.id}/claim`)
    expect(claim.statusCode).toBe(404)
    expect((await outsider.request('GET', `/v1/agent/conversations/${patient.id}`)).statusCode).toBe(404)
    expect((await admin.request('GET', '/v1/agent/queue')).json().conversations.map((entry: { id: string }) => entry.id)).toContain(patient.id)
    const otherClinicReplies = await outsider.request('GET', '/v1/agent/quick-replies?clinicId=default&locale=en')
    expect(otherClinicReplies.statusCode).toBe(403)
  })

  it('streams queue changes of its clinic to an agent over SSE', async () => {
    const stream = await openSse(`${baseUrl}/v1/agent/events`, { authorization: `Bearer ${admin.token}` })
    try {
      await stream.waitFor((event) => event.event === 'ready')
      const patient = await startConversation(test.app, { locale: 'en' })
      await patient.say('I want to talk to a real person')
      const queued = await stream.waitFor((event) => event.event === 'queue' && JSON.parse(event.data).conversationId === patient.id, 'the new waiting conversation')
      expect(JSON.parse(queued.data)).toMatchObject({ status: 'waiting_agent', priority: 'normal' })
      expect((await admin.request('POST', `/v1/agent/conversations/${patient.id}/claim`)).statusCode).toBe(200)
      await stream.waitFor((event) => event.event === 'queue' && JSON.parse(event.data).conversationId === patient.id && JSON.parse(event.data).status === 'with_agent', 'the claim')
      await patient.say('Are you there?')
      const live = await stream.waitFor((event) => event.event === 'message' && JSON.parse(event.data).message.text === 'Are you there?', "the patient's message, live")
      expect(JSON.parse(live.data)).toMatchObject({ conversationId: patient.id, message: { role: 'patient' } })
    } finally {
      stream.close()
    }
    const refused = await fetch(`${baseUrl}/v1/agent/events`)
    expect(refused.status).toBe(401)
  })
})

describe('quick replies with an agent session', () => {
  it("searches the clinic's approved phrases and records the use under the signed-in agent", async () => {
    const agent = await createAgent(test.app, { email: 'qr@clinic.example', name: 'Quick' })
    const found = await agent.request('GET', '/v1/agent/quick-replies?locale=en&q=/hi')
    expect(found.statusCode).toBe(200)
    const greeting = found.json().quickReplies[0]
    expect(greeting.group).toBe('handoff.agent.greeting')
    expect((await agent.request('POST', `/v1/agent/quick-replies/${greeting.phraseId}/uses`, {})).statusCode).toBe(204)
    const uses = await test.dependencies.database.query<{ agent_id: string }>('SELECT agent_id FROM phrase_usage WHERE phrase_id = $1', [greeting.phraseId])
    expect(uses.rows).toEqual([{ agent_id: agent.id }])
    expect((await agent.request('GET', '/v1/agent/quick-replies/usage-report?from=2026-01-01&to=2026-12-31')).statusCode).toBe(403)
    // A supervisor sees who used which phrases.
    const today = new Date().toISOString().slice(0, 10)
    const report = await admin.request('GET', `/v1/agent/quick-replies/usage-report?from=${today}&to=${today}&locale=en`)
    expect(report.statusCode).toBe(200)
    expect(report.json().byAgent).toEqual([{ agentId: agent.id, name: 'Quick', uses: 1 }])
    expect(report.json().top).toEqual([expect.objectContaining({ group: 'handoff.agent.greeting', uses: 1 })])
  })
})

// The CLI opens its own embedded database: once is enough, on the PGlite run.
describe.skipIf(testEngine === 'postgres')('npm run agents', () => {
  it('creates an agent from the command line with the password on standard input', async () => {
    const dataDir = `/tmp/agents-cli-${process.pid}-${Date.now()}`
    const run = promisify(execFile)
    const child = run(process.execPath, ['src/cli/agents.ts', 'create', '--clinic', 'default', '--email', 'cli@clinic.example', '--name', 'Cli Agent', '--role', 'supervisor', '--password-stdin'],
      { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' }, timeout: 60_000 })
    child.child.stdin!.end('cli password 123\n')
    const { stdout } = await child.finally(() => {})
    expect(stdout).toMatch(/created supervisor cli@clinic\.example \(Cli Agent\) in clinic default/)
    const listed = await run(process.execPath, ['src/cli/agents.ts', 'list', '--clinic', 'default'], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, timeout: 60_000 })
    expect(listed.stdout).toContain('cli@clinic.example')
    const refused = await run(process.execPath, ['src/cli/agents.ts', 'create', '--clinic', 'default', '--email', 'x@clinic.example', '--name', 'X'], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', AGENT_PASSWORD: 'short' }, timeout: 60_000 }).catch((error: { stderr: string }) => error)
    expect((refused as { stderr: string }).stderr).toMatch(/error: password: must be at least 10 characters/)
    rmSync(dataDir, { recursive: true, force: true })
  }, 120_000)
})
