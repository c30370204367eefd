import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditEvent } from '../../src/privacy/audit-trail.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { AGENT_TEST_ENVIRONMENT, createAgent, type AgentClient } from '../helpers/agent-client.ts'
import { createKeyPrincipal, type TestPrincipal } from '../helpers/staff-principals.ts'

// Every audited change goes through HTTP, as staff make it; the trail is read back from the store.
let test: TestApp
let admin: AgentClient
let agent: AgentClient
let adminKey: TestPrincipal

beforeAll(async () => {
  test = await buildTestApp('audit-recording', { environment: AGENT_TEST_ENVIRONMENT })
  admin = await createAgent(test.app, { email: 'admin@audit.example', name: 'Admin Audit', role: 'admin' })
  agent = await createAgent(test.app, { email: 'agent@audit.example', name: 'Agent Audit' })
  adminKey = await createKeyPrincipal(test.dependencies, 'default', 'admin')
}, 60_000)
afterAll(async () => { await test.close() })

const events = (filter: { action?: string, subjectId?: string, actorId?: string } = {}): Promise<AuditEvent[]> =>
  test.dependencies.audit.list({ clinicId: 'default', limit: 1000, ...filter })

const keyIdOf = (principal: TestPrincipal) => /^(ctk_[0-9a-f]{12})_/.exec(principal.headers['x-api-key']!)![1]!

describe('sign-in and sign-out', () => {
  it('records a sign-in, failed sign-ins (wrong password, unknown account) and a sign-out, with the address', async () => {
    const login = (password: string, email = 'agent@audit.example') => test.app.inject({
      method: 'POST', url: '/v1/agent/login', payload: { clinicId: 'default', email, password }, remoteAddress: '203.0.113.7'
    })
    expect((await login('not the password')).statusCode).toBe(401)
    expect((await login('whatever', 'nobody@audit.example')).statusCode).toBe(401)
    const signedIn = await login('correct horse battery')
    expect(signedIn.statusCode).toBe(200)
    const token = signedIn.json().token as string
    expect((await test.app.inject({ method: 'POST', url: '/v1/agent/logout', headers: { authorization: `Bearer ${token}` }, remoteAddress: '203.0.113.8' })).statusCode).toBe(204)

    const failed = await events({ action: 'agent.login_failed' })
    expect(failed.map((event) => [event.actor.id ?? null, event.detail.reason, event.ip])).toEqual([
      [null, 'unknown_account', '203.0.113.7'],
      [agent.id, 'wrong_password', '203.0.113.7']
    ])
    expect(await events({ action: 'agent.logged_in', actorId: agent.id })).toContainEqual(expect.objectContaining({ ip: '203.0.113.7', actor: { kind: 'agent', id: agent.id } }))
    expect(await events({ action: 'agent.logged_out', actorId: agent.id })).toEqual([expect.objectContaining({ ip: '203.0.113.8' })])
  })
})

describe('conversations', () => {
  it('records who opened, claimed, released and closed a conversation', async () => {
    const patient = await startConversation(test.app, { locale: 'en' })
    await patient.say('I want to talk to a real person')
    expect((await agent.request('POST', `/v1/agent/conversations/${patient.id}/claim`)).statusCode).toBe(200)
    expect((await agent.request('GET', `/v1/agent/conversations/${patient.id}`)).statusCode).toBe(200)
    expect((await agent.request('POST', `/v1/agent/conversations/${patient.id}/transfer`, { toQueue: true })).statusCode).toBe(200)
    expect((await admin.request('POST', `/v1/agent/conversations/${patient.id}/claim`)).statusCode).toBe(200)
    expect((await admin.request('POST', `/v1/agent/conversations/${patient.id}/resolve`, { note: 'done' })).statusCode).toBe(200)

    const trail = (await events({ subjectId: patient.id })).reverse()
    expect(trail.map((event) => [event.action, event.actor.id])).toEqual([
      ['conversation.claimed', agent.id],
      ['conversation.viewed', agent.id],
      ['conversation.released', agent.id],
      ['conversation.claimed', admin.id],
      ['conversation.closed', admin.id]
    ])
    expect(trail[4]!.detail).toEqual({ outcome: 'resolved' })
    // Nothing the patient or the agent wrote is copied into the trail.
    expect(JSON.stringify(trail)).not.toContain('done')
  })

  it('records nothing for a claim that failed', async () => {
    const patient = await startConversation(test.app, { locale: 'en' })
    await patient.say('I want to talk to a real person')
    expect((await agent.request('POST', `/v1/agent/conversations/${patient.id}/claim`)).statusCode).toBe(200)
    expect((await admin.request('POST', `/v1/agent/conversations/${patient.id}/claim`)).statusCode).toBe(409)
    expect((await events({ subjectId: patient.id, action: 'conversation.claimed' })).map((event) => event.actor.id)).toEqual([agent.id])
  })
})

describe('settings', () => {
  it('records widget, handoff and scheduling changes under the key or agent that made them', async () => {
    const widget = await test.app.inject({ method: 'PUT', url: '/v1/admin/clinics/default/widget', headers: adminKey.headers, payload: { primaryColor: '#123456' } })
    expect(widget.statusCode).toBe(200)
    expect((await admin.request('POST', '/v1/admin/clinics/default/agents', { email: 'x@audit.example', name: 'X', password: 'long enough pass' })).statusCode).toBe(201)
    const handoff = await test.app.inject({ method: 'PUT', url: '/v1/admin/clinics/default/handoff-settings', headers: { authorization: `Bearer ${admin.token}` }, payload: { minutesPerConversation: 7 } })
    expect(handoff.statusCode).toBe(200)
    const departments = await test.app.inject({ method: 'PUT', url: '/v1/admin/clinics/default/departments', headers: adminKey.headers, payload: { departments: [{ code: 'general_medicine' }] } })
    expect(departments.statusCode).toBe(200)

    const changed = await events({ action: 'settings.changed' })
    expect(changed).toContainEqual(expect.objectContaining({ actor: { kind: 'admin', id: keyIdOf(adminKey) }, subject: { kind: 'widget', id: null }, detail: { fields: ['primaryColor'] } }))
    expect(changed).toContainEqual(expect.objectContaining({ actor: { kind: 'agent', id: admin.id }, subject: { kind: 'handoff', id: null }, detail: { fields: ['minutesPerConversation'] } }))
    expect(changed).toContainEqual(expect.objectContaining({ actor: { kind: 'admin', id: keyIdOf(adminKey) }, subject: { kind: 'departments', id: null } }))
    expect(await events({ action: 'agent.created', actorId: admin.id })).toHaveLength(1)
  })

  it('records who listed appointments (names and phones), and how many', async () => {
    const listed = await test.app.inject({ method: 'GET', url: '/v1/admin/clinics/default/appointments?from=2026-01-01&to=2026-01-02', headers: adminKey.headers })
    expect(listed.statusCode).toBe(200)
    expect(await events({ action: 'appointments.viewed' })).toEqual([
      expect.objectContaining({ actor: { kind: 'admin', id: keyIdOf(adminKey) }, detail: { from: '2026-01-01', to: '2026-01-02', count: listed.json().appointments.length } })
    ])
  })

  it('deactivates an agent: recorded, its session ends at once; a duplicate account records nothing', async () => {
    const leaving = await createAgent(test.app, { email: 'leaving@audit.example', name: 'Leaving' })
    const before = (await events({ action: 'agent.created' })).length
    expect((await admin.request('POST', '/v1/admin/clinics/default/agents', { email: 'LEAVING@audit.example', name: 'Again', password: 'long enough pass' })).statusCode).toBe(409)
    expect(await events({ action: 'agent.created' })).toHaveLength(before)

    const deactivated = await test.app.inject({ method: 'DELETE', url: `/v1/admin/clinics/default/agents/${leaving.id}`, headers: { authorization: `Bearer ${admin.token}` } })
    expect(deactivated.statusCode).toBe(200)
    expect((await leaving.request('GET', '/v1/agent/queue')).statusCode).toBe(401)
    expect(await events({ action: 'agent.deactivated', subjectId: leaving.id })).toEqual([expect.objectContaining({ actor: { kind: 'agent', id: admin.id } })])
    const own = await test.app.inject({ method: 'DELETE', url: `/v1/admin/clinics/default/agents/${admin.id}`, headers: { authorization: `Bearer ${admin.token}` } })
    expect(own.statusCode).toBe(409)
  })

  it('records corpus changes under the platform key, naming the person in detail', async () => {
    const headers = (actor: string) => ({ 'x-api-key': AGENT_TEST_ENVIRONMENT.ADMIN_API_KEY, 'x-actor': actor })
    const created = await test.app.inject({
      method: 'POST',
      url: '/admin/corpus/phrases',
      headers: headers('alice'),
      payload: { clinicId: 'default', group: 'info.audit', locale: 'en', category: 'info', title: 'Audit', body: 'Audited.', examples: ['audit'] }
    })
    expect(created.statusCode).toBe(201)
    const phraseId = created.json().phraseId as string
    expect((await test.app.inject({ method: 'POST', url: `/admin/corpus/phrases/${phraseId}/versions/1/submit`, headers: headers('alice') })).statusCode).toBe(200)
    expect((await test.app.inject({ method: 'POST', url: `/admin/corpus/phrases/${phraseId}/versions/1/approve`, headers: headers('bob') })).statusCode).toBe(200)
    const trail = (await events({ subjectId: phraseId })).reverse()
    expect(trail.map((event) => [event.action, event.actor, event.detail.author])).toEqual([
      ['phrase.created', { kind: 'admin', id: 'ADMIN_API_KEY' }, 'alice'],
      ['phrase.submitted', { kind: 'admin', id: 'ADMIN_API_KEY' }, 'alice'],
      ['phrase.approved', { kind: 'admin', id: 'ADMIN_API_KEY' }, 'bob']
    ])
  })
})
