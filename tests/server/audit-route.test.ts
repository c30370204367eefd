import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/knowledge/csv.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { AGENT_TEST_ENVIRONMENT, createAgent, type AgentClient } from '../helpers/agent-client.ts'
import { createKeyPrincipal, type TestPrincipal } from '../helpers/staff-principals.ts'

let test: TestApp
let supervisor: AgentClient
let agent: AgentClient
let otherSupervisor: AgentClient
let supervisorKey: TestPrincipal
const url = '/v1/admin/clinics/default/audit'

beforeAll(async () => {
  test = await buildTestApp('audit-route', { environment: AGENT_TEST_ENVIRONMENT, sample: false })
  await test.dependencies.database.query("INSERT INTO clinics (id, name) VALUES ('other', '{\"en\": \"Other Clinic\"}')")
  supervisor = await createAgent(test.app, { email: 'sup@audit.example', name: 'Supervisor', role: 'supervisor' })
  agent = await createAgent(test.app, { email: 'agent@audit.example', name: 'Agent' })
  otherSupervisor = await createAgent(test.app, { email: 'sup@other.example', name: 'Other Supervisor', role: 'supervisor', clinicId: 'other' })
  supervisorKey = await createKeyPrincipal(test.dependencies, 'default', 'supervisor')
  const { audit } = test.dependencies
  // Values as other modules may record them, one starting like a spreadsheet formula.
  await audit.record({ clinicId: 'default', actor: { kind: 'system', id: 'retention' }, action: 'retention.ran', subject: { kind: 'conversation', id: '=HYPERLINK("http://evil.example","x")' }, detail: { note: '+1 deleted' } })
  await audit.record({ clinicId: 'other', actor: { kind: 'system', id: 'retention' }, action: 'retention.ran', subject: { kind: 'conversation', id: 'other-clinic-only' } })
}, 60_000)
afterAll(async () => { await test.close() })

const read = (client: AgentClient, query = '') => client.request('GET', `${url}${query}`)

describe('reading the audit trail', () => {
  it('is for supervisors and admins of that clinic, by session or by the clinic\'s key', async () => {
    expect((await read(supervisor)).statusCode).toBe(200)
    expect((await test.app.inject({ method: 'GET', url, headers: supervisorKey.headers })).statusCode).toBe(200)
    expect((await read(agent)).statusCode).toBe(403)
    expect((await read(otherSupervisor)).statusCode).toBe(403)
    expect((await test.app.inject({ method: 'GET', url })).statusCode).toBe(401)
    const own = await otherSupervisor.request('GET', '/v1/admin/clinics/other/audit')
    expect(own.json().events.map((event: { subject: { id: string } | null }) => event.subject?.id)).toContain('other-clinic-only')
    expect((await read(supervisor)).json().events.map((event: { subject: { id: string } | null }) => event.subject?.id)).not.toContain('other-clinic-only')
  })

  it('filters by action, actor, subject and time, newest first', async () => {
    const logins = (await read(supervisor, `?action=agent.logged_in&actorId=${agent.id}`)).json()
    expect(logins.events).toHaveLength(1)
    expect(logins.events[0]).toMatchObject({ action: 'agent.logged_in', actor: { kind: 'agent', id: agent.id }, ip: '127.0.0.1' })
    const bySubject = (await read(supervisor, `?subjectKind=agent&subjectId=${agent.id}`)).json()
    expect(bySubject.events.map((event: { action: string }) => event.action)).toEqual(['agent.created'])
    const future = (await read(supervisor, '?from=2999-01-01')).json()
    expect(future.events).toEqual([])
    const all = (await read(supervisor, '?to=2999-01-01T00:00:00Z')).json().events as Array<{ id: string }>
    expect(all.map((event) => Number(event.id))).toEqual([...all.map((event) => Number(event.id))].sort((left, right) => right - left))
    const bad = await read(supervisor, '?from=yesterday')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.message).toMatch(/^querystring\.from/)
  })

  it('pages backwards with ?before= until nextBefore is null', async () => {
    const seen: string[] = []
    let query = '?limit=2'
    for (let page = 0; page < 50; page++) {
      const response = await read(supervisor, query)
      const { events, nextBefore } = response.json() as { events: Array<{ id: string }>, nextBefore: string | null }
      seen.push(...events.map((event) => event.id))
      if (!nextBefore) break
      expect(response.headers['x-next-before']).toBe(nextBefore)
      query = `?limit=2&before=${nextBefore}`
    }
    const everything = (await read(supervisor, '?limit=1000')).json().events.map((event: { id: string }) => event.id)
    expect(seen).toEqual(everything)
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('exports CSV (?format=csv or Accept: text/csv) with formulas neutralised, and records the export', async () => {
    const byQuery = await read(supervisor, '?format=csv&action=retention.ran')
    expect(byQuery.statusCode).toBe(200)
    expect(byQuery.headers['content-type']).toMatch(/^text\/csv/)
    expect(byQuery.headers['content-disposition']).toMatch(/attachment; filename="audit-default-\d{4}-\d{2}-\d{2}\.csv"/)
    const [header, row, ...rest] = parseCsv(byQuery.body).map((record) => record.cells)
    expect(rest).toEqual([])
    expect(header).toEqual(['id', 'occurredAt', 'clinicId', 'actorKind', 'actorId', 'action', 'subjectKind', 'subjectId', 'ip', 'detail'])
    const cell = (name: string) => row![header!.indexOf(name)]
    expect(cell('subjectId')).toBe('\'=HYPERLINK("http://evil.example","x")')
    expect(cell('action')).toBe('retention.ran')
    expect(JSON.parse(cell('detail')!)).toEqual({ note: '+1 deleted' })

    const byAccept = await test.app.inject({ method: 'GET', url: `${url}?action=retention.ran`, headers: { ...supervisorKey.headers, accept: 'text/csv' } })
    expect(byAccept.headers['content-type']).toMatch(/^text\/csv/)
    expect(parseCsv(byAccept.body)).toHaveLength(2)
    const exports = (await read(supervisor, '?action=audit.exported')).json().events
    expect(exports.map((event: { actor: { kind: string } }) => event.actor.kind)).toEqual(['admin', 'agent'])
    expect(exports[1].detail).toMatchObject({ rows: 1 })
  })
})
