import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Queryable } from '../../src/db/database.ts'
import { setClinicContext } from '../../src/db/clinic-context.ts'
import type { RouteAccessEntry } from '../../src/server/access/access-control.ts'
import type { RouteAccess } from '../../src/server/access/route-access.ts'
import { seedSampleSchedules } from '../../src/appointments/seed-sample-schedules.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { AGENT_TEST_ENVIRONMENT } from '../helpers/agent-client.ts'
import { createClinicStaff, OPERATOR, type TestPrincipal } from '../helpers/staff-principals.ts'
import { manualClock } from '../helpers/manual-clock.ts'
import { APP_ROLE } from '../helpers/app-role.ts'

// Two clinics on one service, which runs as the app role README prescribes, so both walls stand:
// the application's clinic filters and PostgreSQL's row-level security (migrations/0021).
// Monday 14 December 2026, 08:10 in Shanghai: both clinics' week lies ahead.
const clock = manualClock('2026-12-14T00:10:00Z')
const OURS = 'default'
const THEIRS = 'other'

// What only the other clinic's patient wrote or gave: no answer to us may contain any of it.
const THEIR_SECRETS = { symptom: 'itchy rash on my elbow since the Vexmoor picnic', name: 'Theodora Quillfeather', phone: '13900004321', medicine: 'Zantrivex' }
const LEAKS = ['Vexmoor', 'Quillfeather', '13900004321', 'Zantrivex']

// Every table whose rows belong to a clinic (migrations/0021), and what the digest reads of each.
const CLINIC_TABLES = ['conversations', 'messages', 'appointments', 'guard_events', 'handoffs', 'reminders', 'reminder_deliveries',
  'check_in_readings', 'channel_users', 'channel_deliveries', 'conversation_counts', 'audit_events', 'agents']

const ROLE_RANK = { agent: 0, supervisor: 1, admin: 2 }
type StaffAccess = Extract<RouteAccess, { kind: 'staff' }>
const admits = (access: StaffAccess, principal: TestPrincipal) =>
  access.via.includes(principal.credential) && ROLE_RANK[principal.role] >= ROLE_RANK[access.role] && access.clinic !== 'platform'

let testApp: TestApp
let table: RouteAccessEntry[]
let ourStaff: TestPrincipal[]
const ours = { conversation: '', token: '', heldConversation: '', agent: '' }
const theirs = { conversation: '', token: '', waitingConversation: '', heldConversation: '', agent: '', reminder: '', reference: '' }

const database = () => testApp.testDatabase.database
const key = (route: RouteAccessEntry) => `${route.method} ${route.url}`

beforeAll(async () => {
  testApp = await buildTestApp('cross-clinic', { clock, environment: AGENT_TEST_ENVIRONMENT, databaseRole: APP_ROLE })
  const { app, dependencies } = testApp
  await database().query("INSERT INTO clinics (id, name, timezone, settings) VALUES ($1, '{\"en\": \"Other Clinic\"}', 'Asia/Shanghai', '{\"phone\": \"+86 21 5555 0100\"}')", [THEIRS])
  await seedSampleSchedules({ db: database(), clinicId: THEIRS, now: clock.now(), days: 7 })
  table = app.routeAccessTable()
  ourStaff = await createClinicStaff(app, dependencies, OURS)
  const theirStaff = await createClinicStaff(app, dependencies, THEIRS)
  const agentOf = (staff: TestPrincipal[]) => staff.find((principal) => principal.credential === 'agent-session' && principal.role === 'agent')!

  // Theirs: a patient with a booking, a reminder and a handoff still waiting; another held by their agent.
  const patient = await startConversation(app, { clinicId: THEIRS, locale: 'en' })
  Object.assign(theirs, { conversation: patient.id, token: patient.token, waitingConversation: patient.id, agent: agentOf(theirStaff).agentId })
  await patient.say(`I have an ${THEIR_SECRETS.symptom}`, { clientMessageId: 'their-first' })
  await patient.say('book dermatology tomorrow')
  await patient.say('1')
  const booked = await patient.say(`${THEIR_SECRETS.name} ${THEIR_SECRETS.phone}`)
  expect(booked.appointment?.status).toBe('booked')
  theirs.reference = booked.appointment.reference
  expect((await patient.say(`remind me to take my ${THEIR_SECRETS.medicine} tablets at 9am every day`)).messages[0].phraseKey).toBe('medication.reminder_set')
  await patient.say('I want to talk to a real person')
  theirs.reminder = (await database().query<{ id: string }>('SELECT id FROM reminders WHERE clinic_id = $1', [THEIRS])).rows[0]!.id
  theirs.heldConversation = await handedOffAndClaimed(THEIRS, agentOf(theirStaff), `my ${THEIR_SECRETS.medicine} makes me dizzy`)

  // Ours: a conversation, and one held by our agent (so nothing of ours waits: a claim could only take theirs).
  const own = await startConversation(app, { locale: 'en' })
  await own.say('what are your opening hours?', { clientMessageId: 'our-first' })
  Object.assign(ours, { conversation: own.id, token: own.token, agent: agentOf(ourStaff).agentId })
  ours.heldConversation = await handedOffAndClaimed(OURS, agentOf(ourStaff), 'my knee hurts when I climb stairs')
}, 180_000)

afterAll(async () => { await testApp?.close() })

async function handedOffAndClaimed (clinicId: string, agent: TestPrincipal, text: string): Promise<string> {
  const patient = await startConversation(testApp.app, { clinicId, locale: 'en' })
  await patient.say(text)
  await patient.say('I want to talk to a real person')
  const claimed = await testApp.app.inject({ method: 'POST', url: `/v1/agent/conversations/${patient.id}/claim`, headers: agent.headers })
  expect(claimed.statusCode, claimed.body).toBe(200)
  return patient.id
}

/** A digest of every row of the other clinic: equal before and after means nothing of theirs was written. */
async function theirRows (): Promise<Record<string, string>> {
  const digests: Record<string, string> = {}
  for (const name of CLINIC_TABLES) {
    const result = await database().query<{ rows: number, digest: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${name} t WHERE clinic_id = $1`, [THEIRS])
    digests[name] = `${result.rows[0]!.rows} ${result.rows[0]!.digest}`
  }
  const slots = await database().query<{ digest: string }>("SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM slots t WHERE clinic_id = $1 AND status <> 'free'", [THEIRS])
  digests.slots = slots.rows[0]!.digest
  return digests
}

/** Fills a route's path with the other clinic's ids (or ours, where `mixed` names our conversation and their sub-object). */
function fillPath (route: RouteAccessEntry, mixed = false): string {
  return route.url.replace(/:(\w+)/g, (_match, name: string) => {
    if (name === 'clinicId') return THEIRS
    if (name === 'conversationId') return theirs.conversation
    if (name === 'agentId') return theirs.agent
    if (name === 'reminderId') return theirs.reminder
    if (name === 'id') {
      if (route.url.startsWith('/v1/agent/conversations/')) return theirs.heldConversation
      return mixed ? ours.conversation : theirs.conversation
    }
    throw new Error(`${key(route)}: no id of the other clinic for :${name}; add one in fillPath`)
  })
}

// Bodies that pass validation, naming the other clinic's patient, agent and booking where a body can.
const bodies = (): Record<string, unknown> => ({
  'POST /v1/conversations/:id/messages': { text: 'cross-clinic probe' },
  'POST /v1/agent/conversations/:id/messages': { text: 'cross-clinic probe' },
  'POST /v1/agent/conversations/:id/transfer': { agentId: theirs.agent },
  'POST /v1/agent/conversations/:id/resolve': { note: 'cross-clinic probe' },
  'POST /v1/agent/patient-data/lookup': { phone: THEIR_SECRETS.phone, bookingReference: theirs.reference },
  'POST /v1/agent/patient-data/export': { phone: THEIR_SECRETS.phone, bookingReference: theirs.reference },
  'POST /v1/agent/patient-data/erase': { phone: THEIR_SECRETS.phone, bookingReference: theirs.reference }
})

// Query strings the routes require, so our own-clinic routes answer instead of refusing the request.
const QUERIES: Record<string, string> = {
  'GET /v1/agent/quick-replies': '?locale=en',
  'GET /v1/agent/quick-replies/usage-report': '?from=2026-12-01&to=2026-12-31'
}

async function call (route: RouteAccessEntry, url: string, headers: Record<string, string>) {
  const request: InjectOptions = { method: route.method as InjectOptions['method'], url: url + (QUERIES[key(route)] ?? ''), headers }
  const body = bodies()[key(route)]
  if (body !== undefined) request.payload = body as Record<string, unknown>
  const response = await testApp.app.inject(request)
  return { status: response.statusCode, body: response.body }
}

describe('every route, called with our credentials and the other clinic\'s ids', () => {
  it('reads nothing of theirs and writes nothing of theirs', async () => {
    const before = await theirRows()
    const failures: string[] = []
    const leaked = (body: string) => LEAKS.filter((secret) => body.includes(secret))
    let calls = 0
    for (const route of table.filter((entry) => entry.method !== 'HEAD')) {
      const access = route.access
      if (access.kind === 'patient-token') {
        // Our conversation's token on their conversation; and on our conversation with their sub-objects.
        const attempts = [{ url: fillPath(route), expected: [401] }, ...(route.url.includes(':reminderId') ? [{ url: fillPath(route, true), expected: [404] }] : [])]
        for (const attempt of attempts) {
          calls++
          const answer = await call(route, attempt.url, { authorization: `Bearer ${ours.token}` })
          if (!attempt.expected.includes(answer.status)) failures.push(`${key(route)} ${attempt.url}: ${answer.status} ${answer.body.slice(0, 200)}`)
          if (leaked(answer.body).length > 0) failures.push(`${key(route)} leaked ${leaked(answer.body).join(', ')}`)
        }
      }
      // The phrase is shared vetted content (its use is counted in the caller's own clinic); signing
      // out ends the caller's own session and names nothing else.
      if (access.kind !== 'staff' || ['/v1/agent/quick-replies/:id/uses', '/v1/agent/logout'].includes(route.url)) continue
      for (const principal of ourStaff.filter((candidate) => admits(access, candidate))) {
        calls++
        const answer = await call(route, fillPath(route), principal.headers)
        // Their clinic in the path: 403. Their objects on our own-clinic routes: 404, as if absent.
        // Our own routes without ids (the queue, claim next, lists): answered for our clinic alone.
        const expected = access.clinic === 'path' ? [403] : route.url.includes(':id') ? [404] : [200, 201, 404, 406, 429]
        if (!expected.includes(answer.status)) failures.push(`${key(route)} as ${principal.name}: ${answer.status} ${answer.body.slice(0, 200)}`)
        if (leaked(answer.body).length > 0) failures.push(`${key(route)} as ${principal.name} leaked ${leaked(answer.body).join(', ')}`)
        for (const id of [theirs.waitingConversation, theirs.heldConversation]) {
          if (answer.status < 400 && answer.body.includes(id)) failures.push(`${key(route)} as ${principal.name} named their conversation ${id}`)
        }
      }
    }
    expect(failures).toEqual([])
    expect(calls).toBeGreaterThan(80)
    expect(await theirRows()).toEqual(before)
  }, 120_000)

  it('does not hand our conversation to their agent, nor let our agent claim what waits in their queue', async () => {
    const ourAgent = ourStaff.find((principal) => principal.agentId === ours.agent)!
    const transfer = await testApp.app.inject({ method: 'POST', url: `/v1/agent/conversations/${ours.heldConversation}/transfer`, headers: ourAgent.headers, payload: { agentId: theirs.agent } })
    expect(transfer.statusCode).toBeGreaterThanOrEqual(400)
    const claim = await testApp.app.inject({ method: 'POST', url: '/v1/agent/queue/claim', headers: ourAgent.headers })
    expect(claim.statusCode).toBe(404)
    const rows = await database().query<{ id: string, status: string, assigned_agent_id: string | null }>(
      'SELECT id, status, assigned_agent_id FROM conversations WHERE id = ANY($1::uuid[]) ORDER BY id', [[ours.heldConversation, theirs.waitingConversation]])
    expect(rows.rows).toEqual(expect.arrayContaining([
      { id: ours.heldConversation, status: 'with_agent', assigned_agent_id: ours.agent },
      { id: theirs.waitingConversation, status: 'waiting_agent', assigned_agent_id: null }
    ]))
  })

  it('does not take a conversation token to another conversation, even of the same patient\'s other clinic', async () => {
    const theirToken = { authorization: `Bearer ${theirs.token}` }
    for (const url of [`/v1/conversations/${ours.conversation}/messages`, `/v1/conversations/${ours.conversation}/export`, `/v1/conversations/${ours.conversation}/reminders`]) {
      const answer = await testApp.app.inject({ method: 'GET', url, headers: theirToken })
      expect(answer.statusCode, url).toBe(401)
    }
    const erase = await testApp.app.inject({ method: 'DELETE', url: `/v1/conversations/${ours.conversation}`, headers: theirToken })
    expect(erase.statusCode).toBe(401)
    expect((await database().query('SELECT 1 FROM conversations WHERE id = $1', [ours.conversation])).rowCount).toBe(1)
  })
})

describe('a key of every clinic on a clinic path that names no clinic', () => {
  it('reads no clinic\'s rows under "*" (not a wildcard), and fails no request', async () => {
    for (const url of ['/v1/admin/clinics/*/audit', '/v1/admin/clinics/*/agents', '/v1/admin/clinics/%2A/reminders/adherence']) {
      const answer = await testApp.app.inject({ method: 'GET', url, headers: OPERATOR.headers })
      expect(answer.statusCode, `${url}: ${answer.body}`).toBeLessThan(500)
      for (const id of [ours.agent, theirs.agent, ours.conversation, theirs.conversation]) expect(answer.body).not.toContain(id)
    }
  })
})

/** Runs fn as the app role (not a superuser: policies apply) with the clinic context set, or none; then rolls back. */
async function asAppRole<Result> (clinicId: string | null, fn: (transaction: Queryable) => Promise<Result>, role = APP_ROLE): Promise<Result> {
  const rollback = new Error('rolled back on purpose')
  let result: Result | undefined
  await database().transaction(async (transaction) => {
    await transaction.query(`SET LOCAL ROLE ${role}`)
    if (clinicId !== null) await setClinicContext(transaction, clinicId)
    result = await fn(transaction)
    throw rollback
  }).catch((error: unknown) => { if (error !== rollback) throw error })
  return result as Result
}

const clinicsIn = async (transaction: Queryable, name: string) =>
  (await transaction.query<{ clinic_id: string | null }>(`SELECT DISTINCT clinic_id FROM ${name} ORDER BY 1`)).rows.map((row) => row.clinic_id)

describe('row-level security alone, with no application filter', () => {
  it('returns only the context clinic\'s rows from a query with no WHERE, on every clinic table', async () => {
    for (const clinicId of [OURS, THEIRS]) {
      const seen = await asAppRole(clinicId, async (transaction) => {
        const byTable: Record<string, Array<string | null>> = {}
        for (const name of CLINIC_TABLES) byTable[name] = await clinicsIn(transaction, name)
        return byTable
      })
      for (const name of CLINIC_TABLES) expect(seen[name]!.every((seenClinic) => seenClinic === clinicId), `${name} under ${clinicId}: ${seen[name]}`).toBe(true)
      for (const name of ['conversations', 'messages', 'handoffs', 'agents', 'audit_events']) expect(seen[name], `${name} under ${clinicId}`).toEqual([clinicId])
    }
    const theirOnly = await asAppRole(THEIRS, async (transaction) => ({
      appointments: (await transaction.query('SELECT * FROM appointments')).rowCount,
      reminders: (await transaction.query('SELECT * FROM reminders')).rowCount,
      receipts: (await transaction.query<{ conversation_id: string }>('SELECT conversation_id FROM inbound_receipts')).rows.map((row) => row.conversation_id)
    }))
    expect(theirOnly).toMatchObject({ appointments: 1, reminders: 1 })
    // Stored answers of retried messages (clientMessageId) have no clinic_id: their conversation decides.
    expect(theirOnly.receipts).toContain(theirs.conversation)
    expect(theirOnly.receipts).not.toContain(ours.conversation)
    expect((await database().query('SELECT 1 FROM inbound_receipts WHERE conversation_id = $1', [ours.conversation])).rowCount).toBe(1)
  })

  it('refuses to insert, move or change another clinic\'s rows under a clinic\'s context', async () => {
    const insert = asAppRole(OURS, (transaction) => transaction.query(
      "INSERT INTO messages (id, clinic_id, conversation_id, role, kind, body_ciphertext, body_key_id) VALUES (gen_random_uuid(), $1, $2, 'bot', 'answer', '\\x00', 'k')",
      [THEIRS, theirs.conversation]))
    await expect(insert).rejects.toMatchObject({ code: '42501' })
    const move = asAppRole(OURS, (transaction) => transaction.query('UPDATE conversations SET clinic_id = $1 WHERE id = $2', [THEIRS, ours.conversation]))
    await expect(move).rejects.toMatchObject({ code: '42501' })
    const changed = await asAppRole(OURS, async (transaction) => ({
      messages: (await transaction.query("UPDATE messages SET kind = kind WHERE role <> 'nobody'")).rowCount,
      ourMessages: (await transaction.query('SELECT 1 FROM messages')).rowCount,
      theirReminders: (await transaction.query('DELETE FROM reminders WHERE clinic_id = $1', [THEIRS])).rowCount,
      theirConversation: (await transaction.query('DELETE FROM conversations WHERE id = $1', [theirs.conversation])).rowCount
    }))
    expect(changed).toMatchObject({ theirReminders: 0, theirConversation: 0 })
    expect(changed.messages).toBe(changed.ourMessages)
  })

  it('lets platform work (no clinic set) see every clinic, and nothing else does; a superuser bypasses the policies whatever the context', async () => {
    expect(await asAppRole(null, (transaction) => clinicsIn(transaction, 'conversations'))).toEqual([OURS, THEIRS])
    expect(await asAppRole('', (transaction) => clinicsIn(transaction, 'messages'))).toEqual([OURS, THEIRS])
    // Not a wildcard: a path's '*' (a key of every clinic may call /v1/admin/clinics/*/…) is no clinic.
    expect(await asAppRole('*', (transaction) => clinicsIn(transaction, 'messages'))).toEqual([])
    // Why README insists on a role that is neither a superuser nor BYPASSRLS.
    expect(await asAppRole(OURS, (transaction) => clinicsIn(transaction, 'conversations'), 'postgres')).toEqual([OURS, THEIRS])
  })
})
