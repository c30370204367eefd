import { randomUUID } from 'node:crypto'
import Fastify, { type InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requireAccessDeclarations, type RouteAccessEntry } from '../../src/server/access/access-control.ts'
import { publicRoute, type RouteAccess } from '../../src/server/access/route-access.ts'
import { COMMAND_LINE } from '../../src/privacy/audited-by.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { AGENT_TEST_ENVIRONMENT } from '../helpers/agent-client.ts'
import { createClinicStaff, createKeyPrincipal, OPERATOR, type TestPrincipal } from '../helpers/staff-principals.ts'

// Every route in Fastify's table is walked: a route added later is covered without touching this
// file, unless it is public (then it must be listed here, with the reason).
const PUBLIC_ROUTES: Array<{ method: string, url: string | RegExp, reason: string }> = [
  { method: 'GET', url: '/health', reason: 'load balancers and probes; nothing about patients' },
  { method: 'POST', url: '/v1/conversations', reason: 'a patient has no credential yet: this answers with the conversation token' },
  { method: 'POST', url: '/v1/agent/login', reason: 'sign-in itself: checks the password, rate limited' },
  { method: 'GET', url: '/v1/clinics/:clinicId/widget', reason: 'what any page embedding the widget shows' },
  { method: 'GET', url: '/widget.js', reason: 'the embeddable script' },
  { method: 'GET', url: '/', reason: 'the demo clinic page' },
  { method: 'GET', url: /^\/console(\/.*)?$/, reason: 'the console\'s static page and scripts; its data needs a sign-in' },
  { method: 'GET', url: /^\/docs(\/.*)?$/, reason: 'the OpenAPI description (api.md); no data' },
  { method: 'OPTIONS', url: '*', reason: 'CORS preflight, sent by browsers without credentials' }
]

// Params that name no clinic's object, with why another clinic's caller is not a 404 there.
const NOT_CLINIC_OBJECTS: Record<string, string> = {
  'POST /v1/agent/quick-replies/:id/uses': 'the phrase is vetted shared content; the use is counted in the caller\'s own clinic'
}

// Bodies that pass validation, so a request from another clinic reaches the handler's clinic check.
const VALID_BODIES: Record<string, unknown> = {
  'POST /v1/conversations/:id/messages': { text: 'route walk' },
  'POST /v1/agent/conversations/:id/messages': { text: 'route walk' },
  'POST /v1/agent/conversations/:id/transfer': { toQueue: true },
  'POST /v1/agent/conversations/:id/resolve': {}
}

const ROLE_RANK = { agent: 0, supervisor: 1, admin: 2 }

type StaffAccess = Extract<RouteAccess, { kind: 'staff' }>

/** The test's own reading of a declaration: may this principal call the route (clinic aside)? */
function admits (access: StaffAccess, principal: TestPrincipal): boolean {
  if (!access.via.includes(principal.credential)) return false
  if (ROLE_RANK[principal.role] < ROLE_RANK[access.role]) return false
  return access.clinic !== 'platform' || principal.clinicId === '*'
}

let testApp: TestApp
let table: RouteAccessEntry[]
let clinicStaff: TestPrincipal[]
let otherStaff: TestPrincipal[]
let platformStaff: TestPrincipal[]
let revokedKey: TestPrincipal
const ids = { conversation: '', handoffConversation: '', agent: '' }
let patientToken = ''
let otherPatientToken = ''

beforeAll(async () => {
  testApp = await buildTestApp('route-access', {
    environment: {
      ...AGENT_TEST_ENVIRONMENT,
      WHATSAPP_VERIFY_TOKEN: 'walk-verify',
      WHATSAPP_APP_SECRET: 'walk-secret',
      WHATSAPP_ACCESS_TOKEN: 'walk-access',
      WHATSAPP_PHONE_NUMBER_ID: 'walk-phone',
      WHATSAPP_API_BASE_URL: 'http://127.0.0.1:9',
      WECHAT_TOKEN: 'walk-token',
      WECHAT_APP_ID: 'wx-walk',
      WECHAT_APP_SECRET: 'walk-app-secret',
      WECHAT_API_BASE_URL: 'http://127.0.0.1:9'
    }
  })
  const { app, dependencies } = testApp
  await dependencies.database.query("INSERT INTO clinics (id, name) VALUES ('other', '{\"en\": \"Other Clinic\"}')")
  table = app.routeAccessTable()
  clinicStaff = await createClinicStaff(app, dependencies, 'default')
  otherStaff = await createClinicStaff(app, dependencies, 'other')
  platformStaff = [await createKeyPrincipal(dependencies, '*', 'supervisor'), OPERATOR]
  revokedKey = await createKeyPrincipal(dependencies, 'default', 'admin')
  await dependencies.adminApiKeys.revoke(/^(ctk_[0-9a-f]{12})_/.exec(revokedKey.headers['x-api-key']!)![1]!, COMMAND_LINE)

  // Real ids of the clinic whose routes the walk calls: a conversation, and one handed off and held by its agent.
  const patient = await startConversation(app, { locale: 'en' })
  ids.conversation = patient.id
  patientToken = patient.token
  otherPatientToken = (await startConversation(app, { locale: 'en' })).token
  const handedOff = await startConversation(app, { locale: 'en' })
  await handedOff.say('I want to talk to a real person')
  ids.handoffConversation = handedOff.id
  const holder = clinicStaff.find((principal) => principal.credential === 'agent-session' && principal.role === 'agent')!
  const claimed = await app.inject({ method: 'POST', url: `/v1/agent/conversations/${handedOff.id}/claim`, headers: holder.headers })
  expect(claimed.statusCode).toBe(200)
  ids.agent = holder.agentId!
}, 120_000)

afterAll(async () => { await testApp?.close() })

function fillPath (route: RouteAccessEntry): string {
  return route.url.replace(/:(\w+)|\*/g, (match, name: string | undefined) => {
    if (match === '*') return 'index.html'
    if (name === 'clinicId') return 'default'
    if (name === 'conversationId') return ids.conversation
    if (name === 'agentId') return ids.agent
    if (name === 'reminderId' || name === 'version') return name === 'version' ? '1' : randomUUID()
    if (name === 'id') {
      if (route.url.startsWith('/v1/agent/conversations/')) return ids.handoffConversation
      if (route.url.startsWith('/v1/conversations/')) return ids.conversation
      return randomUUID()
    }
    throw new Error(`${route.method} ${route.url}: the walk knows no real id for :${name}; add one in fillPath`)
  })
}

const key = (route: RouteAccessEntry) => `${route.method} ${route.url}`

async function call (route: RouteAccessEntry, headers: Record<string, string>, options: { body?: unknown, malformedBody?: boolean } = {}) {
  const request: InjectOptions = { method: route.method as InjectOptions['method'], url: fillPath(route), headers: { ...headers } }
  if (options.malformedBody) {
    request.headers = { ...request.headers, 'content-type': 'application/json' }
    request.payload = '{"not json'
  } else if (options.body !== undefined) {
    request.payload = options.body as Record<string, unknown>
  }
  const response = await testApp.app.inject(request)
  return { status: response.statusCode, code: errorCodeOf(response.body), body: response.body.slice(0, 200) }
}

function errorCodeOf (body: string): string | undefined {
  try {
    return JSON.parse(body)?.error?.code
  } catch {
    return undefined
  }
}

const isPublicListed = (route: RouteAccessEntry) => PUBLIC_ROUTES.some((entry) =>
  (entry.method === route.method || (route.method === 'HEAD' && entry.method === 'GET')) &&
  (typeof entry.url === 'string' ? entry.url === route.url : entry.url.test(route.url)))

// Writes go without a valid body: the access hook runs before the body is read, so an admitted
// caller gets 400 (or the route's own answer), never 401/403, and nothing changes.
const hasBody = (method: string) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)

describe('the route table', () => {
  it('is the real one: every entry is a route Fastify serves, and the known ones are there', () => {
    // The router keeps @fastify/cors's '*' as '/*'.
    for (const route of table) expect(testApp.app.hasRoute({ method: route.method as 'GET', url: route.url === '*' ? '/*' : route.url }), key(route)).toBe(true)
    const keys = table.map(key)
    for (const known of ['GET /v1/admin/clinics/:clinicId/audit', 'POST /v1/agent/conversations/:id/claim', 'POST /v1/conversations/:id/messages', 'POST /webhooks/whatsapp', 'PUT /admin/corpus/phrases/:id']) {
      expect(keys).toContain(known)
    }
    expect(table.filter((route) => route.access.kind === 'staff').length).toBeGreaterThan(40)
  })

  it('makes public only the routes listed here, each with its reason', () => {
    const publicRoutes = table.filter((route) => route.access.kind === 'public')
    expect(publicRoutes.filter((route) => !isPublicListed(route)).map(key)).toEqual([])
    const nonPublicListed = table.filter((route) => route.access.kind !== 'public' && isPublicListed(route)).map(key)
    expect(nonPublicListed).toEqual([])
  })

  it('keeps the policy: admin writes need the admin role, clinic paths are clinic-scoped, agent routes take sessions', () => {
    const problems: string[] = []
    for (const route of table) {
      const access = route.access
      const admin = route.url.startsWith('/v1/admin/') || route.url.startsWith('/admin/')
      if (admin && access.kind !== 'staff') problems.push(`${key(route)} is ${access.kind}`)
      if (access.kind !== 'staff') continue
      if (admin && !['GET', 'HEAD'].includes(route.method) && access.role !== 'admin') problems.push(`${key(route)} changes data with the ${access.role} role`)
      if (route.url.includes(':clinicId') && access.clinic !== 'path') problems.push(`${key(route)} names a clinic but is ${access.clinic}-scoped`)
      if (route.url.startsWith('/v1/agent/') && !access.via.includes('agent-session')) problems.push(`${key(route)} refuses agents`)
    }
    expect(problems).toEqual([])
  })
})

describe('walking every route', () => {
  it('answers 401 on every non-public route without credentials, or with ones that are not valid', async () => {
    const failures: string[] = []
    const invalid: Array<Record<string, string>> = [
      {},
      { 'x-api-key': `ctk_000000000000_${'A'.repeat(43)}` },
      { 'x-api-key': 'anything' },
      { authorization: 'Bearer not-a-session-token' },
      { cookie: 'agent_session=not-a-session-token' },
      revokedKey.headers
    ]
    for (const route of table) {
      const kind = route.access.kind
      if (kind === 'public') continue
      const attempts = kind === 'staff' ? invalid : [{}]
      for (const headers of route.method === 'HEAD' ? [{}] : attempts) {
        const answer = await call(route, headers)
        // WhatsApp's handshake answers a wrong verify token with 403, as Meta's vectors expect.
        const expected = ['GET', 'HEAD'].includes(route.method) && route.url === '/webhooks/whatsapp' ? 403 : 401
        if (answer.status !== expected) failures.push(`${key(route)} with ${Object.keys(headers).join(',') || 'nothing'}: ${answer.status} ${answer.body}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('answers 401 on patient routes to a staff token or another conversation\'s token, and admits the conversation\'s own', async () => {
    const failures: string[] = []
    const agentToken = clinicStaff[0]!.headers
    for (const route of table.filter((entry) => entry.access.kind === 'patient-token' && entry.method !== 'HEAD')) {
      for (const headers of [agentToken, { authorization: `Bearer ${otherPatientToken}` }]) {
        // A valid body: the conversation service checks the token against the conversation in the handler.
        const answer = await call(route, headers, { body: VALID_BODIES[key(route)] })
        if (answer.status !== 401) failures.push(`${key(route)}: ${answer.status} ${answer.body}`)
      }
      const own = await call(route, { authorization: `Bearer ${patientToken}` }, { malformedBody: hasBody(route.method) && route.method !== 'DELETE' })
      if (own.status === 401 || own.status === 403) failures.push(`${key(route)} refused the conversation's own token: ${own.status} ${own.body}`)
    }
    expect(failures).toEqual([])
  })

  it('answers 403 on every staff route to a credential of the clinic whose kind or role may not, and admits the weakest that may', async () => {
    const failures: string[] = []
    const candidates = [...clinicStaff, ...platformStaff]
    for (const route of table.filter((entry) => entry.access.kind === 'staff' && entry.method !== 'HEAD')) {
      const access = route.access as StaffAccess
      for (const principal of clinicStaff.filter((candidate) => !admits(access, candidate))) {
        const answer = await call(route, principal.headers, { malformedBody: hasBody(route.method) })
        if (answer.status !== 403 || answer.code !== 'FORBIDDEN') failures.push(`${key(route)} as ${principal.name}: ${answer.status} ${answer.body}`)
      }
      const weakest = candidates.find((candidate) => admits(access, candidate))
      if (!weakest) {
        failures.push(`${key(route)}: no test principal may call it`)
        continue
      }
      const allowed = await call(route, weakest.headers, { malformedBody: hasBody(route.method) })
      if (allowed.status === 401 || allowed.status === 403) failures.push(`${key(route)} refused ${weakest.name}: ${allowed.status} ${allowed.body}`)
    }
    expect(failures).toEqual([])
  })

  it('answers 403 to another clinic\'s credentials on clinic paths, and 404 for its objects on own-clinic routes', async () => {
    const failures: string[] = []
    let checked = 0
    for (const route of table.filter((entry) => entry.access.kind === 'staff' && entry.method !== 'HEAD')) {
      const access = route.access as StaffAccess
      const hasParams = route.url.includes(':')
      if (access.clinic === 'platform' || (access.clinic === 'own' && (!hasParams || NOT_CLINIC_OBJECTS[key(route)]))) continue
      for (const principal of otherStaff.filter((candidate) => admits(access, candidate))) {
        checked++
        const answer = access.clinic === 'path'
          ? await call(route, principal.headers, { malformedBody: hasBody(route.method) })
          : await call(route, principal.headers, { body: VALID_BODIES[key(route)] })
        const expected = access.clinic === 'path' ? 403 : 404
        if (answer.status !== expected) failures.push(`${key(route)} as ${principal.name}: ${answer.status} ${answer.body}`)
      }
    }
    expect(failures).toEqual([])
    expect(checked).toBeGreaterThan(50)
  })

  it('never lets a channel webhook through without the platform\'s signature', async () => {
    const webhooks = table.filter((route) => route.access.kind === 'channel-signature' && route.method !== 'HEAD')
    expect(webhooks.map(key)).toEqual(expect.arrayContaining(['GET /webhooks/whatsapp', 'POST /webhooks/whatsapp', 'GET /webhooks/wechat/:clinicId', 'POST /webhooks/wechat']))
    for (const route of webhooks) {
      const answer = await call(route, {}, route.method === 'POST' ? { body: '<xml></xml>' } : {})
      expect([401, 403], `${key(route)}: ${answer.status} ${answer.body}`).toContain(answer.status)
    }
  })
})

describe('a route without a declaration', () => {
  it('stops the app from starting, naming the route', async () => {
    const app = Fastify()
    requireAccessDeclarations(app)
    await app.register(async (routes) => {
      routes.get('/declared', { config: { access: publicRoute('test') } }, async () => 'ok')
    })
    app.register(async (routes) => {
      routes.get('/forgotten', async () => 'oops')
    })
    await expect(app.ready()).rejects.toThrow(/GET \/forgotten declares no access/)
    await app.close()
  })

  it('stops the app when a clinic-path route has no :clinicId', async () => {
    const app = Fastify()
    requireAccessDeclarations(app)
    app.register(async (routes) => {
      routes.get('/v1/admin/things', { config: { access: { kind: 'staff', role: 'admin', via: ['api-key'], clinic: 'path' } } }, async () => 'ok')
    })
    await expect(app.ready()).rejects.toThrow(/no :clinicId parameter/)
    await app.close()
  })
})
