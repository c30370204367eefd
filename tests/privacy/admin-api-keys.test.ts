import { execFile } from 'node:child_process'
import { rmSync } from 'node:fs'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/open-database.ts'
import { createAdminApiKeys } from '../../src/privacy/admin-api-keys.ts'
import { createAuditTrail } from '../../src/privacy/audit-trail.ts'
import { COMMAND_LINE } from '../../src/privacy/audited-by.ts'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'

describe('the admin API key store', () => {
  let testDatabase: TestDatabase
  let clock = new Date('2026-03-01T08:00:00Z')
  const advance = (seconds: number) => { clock = new Date(clock.getTime() + seconds * 1000) }
  const keys = () => createAdminApiKeys({ database: testDatabase.database, audit: createAuditTrail(testDatabase.database, () => clock), now: () => clock })

  beforeAll(async () => { testDatabase = await createTestDatabase('admin_api_keys') })
  afterAll(async () => { await testDatabase.cleanup() })

  it('shows a key once and keeps only its SHA-256; the visible id starts the key', async () => {
    const { key, token } = await keys().create({ name: 'Schedule sync', clinicId: 'default', role: 'admin' }, COMMAND_LINE)
    expect(token).toMatch(/^ctk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/)
    expect(token.startsWith(`${key.id}_`)).toBe(true)
    expect(key).toMatchObject({ name: 'Schedule sync', clinicId: 'default', role: 'admin', revokedAt: null, lastUsedAt: null })
    const stored = await testDatabase.database.query<Record<string, unknown>>('SELECT * FROM admin_api_keys WHERE id = $1', [key.id])
    const row = JSON.stringify(stored.rows[0])
    expect(row).not.toContain(token.slice(key.id.length + 1))
    expect((stored.rows[0]!.token_hash as Uint8Array).length).toBe(32)
    expect(await keys().authenticate(token)).toEqual({ id: key.id, clinicId: 'default', role: 'admin' })
    expect(await keys().authenticate(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull()
  })

  it('writes the last use at most once a minute', async () => {
    const { key, token } = await keys().create({ name: 'Busy', clinicId: null, role: 'supervisor' }, COMMAND_LINE)
    const lastUsed = async () => (await keys().list()).find((listed) => listed.id === key.id)!.lastUsedAt?.toISOString()
    const first = clock.toISOString()
    await keys().authenticate(token)
    expect(await lastUsed()).toBe(first)
    advance(30)
    await keys().authenticate(token)
    expect(await lastUsed()).toBe(first)
    advance(31)
    await keys().authenticate(token)
    expect(await lastUsed()).toBe(clock.toISOString())
  })

  it('revokes at once, once; names unknown ids, clinics and roles clearly; audits creation and revocation', async () => {
    const { key, token } = await keys().create({ name: 'Leaving', clinicId: 'default', role: 'supervisor' }, COMMAND_LINE)
    expect((await keys().revoke(key.id, COMMAND_LINE)).revokedAt).toEqual(clock)
    expect(await keys().authenticate(token)).toBeNull()
    await expect(keys().revoke(key.id, COMMAND_LINE)).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(keys().revoke('ctk_000000000000', COMMAND_LINE)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(keys().create({ name: 'x', clinicId: 'nowhere', role: 'admin' }, COMMAND_LINE)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(keys().create({ name: 'x', clinicId: null, role: 'agent' as 'admin' }, COMMAND_LINE)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(keys().create({ name: ' ', clinicId: null, role: 'admin' }, COMMAND_LINE)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    const trail = await createAuditTrail(testDatabase.database).list({ clinicId: 'default', subjectId: key.id })
    expect(trail.map((event) => [event.action, event.actor])).toEqual([['api_key.revoked', { kind: 'system', id: 'cli' }], ['api_key.created', { kind: 'system', id: 'cli' }]])
    expect(JSON.stringify(trail)).not.toContain(token)
  })

  it('lists a clinic\'s keys with the keys of every clinic', async () => {
    const listed = await keys().list({ clinicId: 'default' })
    expect(new Set(listed.map((key) => key.clinicId))).toEqual(new Set(['default', null]))
  })
})

describe('keys on the admin API', () => {
  let testApp: TestApp
  beforeAll(async () => {
    testApp = await buildTestApp('admin-api-keys-http', { sample: false })
    await testApp.dependencies.database.query("INSERT INTO clinics (id, name) VALUES ('other', '{\"en\": \"Other Clinic\"}')")
  })
  afterAll(async () => { await testApp.close() })

  it('work without ADMIN_API_KEY: a clinic admin key in its clinic only, a supervisor key reads only, a revoked key not at all', async () => {
    const create = (clinicId: string | null, role: 'admin' | 'supervisor') => testApp.dependencies.adminApiKeys.create({ name: 'http', clinicId, role }, COMMAND_LINE)
    const admin = await create('default', 'admin')
    const supervisor = await create('default', 'supervisor')
    const widget = (clinicId: string, token: string, method: 'GET' | 'PUT' = 'GET') => testApp.app.inject({
      method, url: `/v1/admin/clinics/${clinicId}/widget`, headers: { 'x-api-key': token }, ...(method === 'PUT' ? { payload: { primaryColor: '#224466' } } : {})
    })
    expect((await widget('default', admin.token, 'PUT')).statusCode).toBe(200)
    expect((await widget('other', admin.token)).statusCode).toBe(403)
    expect((await widget('default', supervisor.token)).statusCode).toBe(200)
    expect((await widget('default', supervisor.token, 'PUT')).statusCode).toBe(403)
    expect((await testApp.app.inject({ method: 'GET', url: '/admin/corpus/stats', headers: { 'x-api-key': admin.token } })).statusCode).toBe(403)
    const platform = await create(null, 'supervisor')
    expect((await testApp.app.inject({ method: 'GET', url: '/admin/corpus/stats', headers: { 'x-api-key': platform.token } })).statusCode).toBe(200)
    expect((await widget('other', platform.token)).statusCode).toBe(200)
    await testApp.dependencies.adminApiKeys.revoke(admin.key.id, COMMAND_LINE)
    const revoked = await widget('default', admin.token)
    expect(revoked.statusCode).toBe(401)
    expect(revoked.json().error.message).toMatch(/unknown or revoked/)
  })
})

// The CLI opens its own embedded database: once is enough, on the PGlite run.
describe.skipIf(testEngine === 'postgres')('npm run keys', () => {
  it('creates (printing the key once), lists and revokes keys', async () => {
    const dataDir = `/tmp/keys-cli-${process.pid}-${Date.now()}`
    const run = (...args: string[]) => promisify(execFile)(process.execPath, ['src/cli/keys.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ADMIN_API_KEY: '' }, timeout: 60_000 })
    try {
      const created = await run('create', '--clinic', 'default', '--role', 'supervisor', '--name', 'Reporting')
      const [summary, token] = created.stdout.trim().split('\n')
      expect(summary).toMatch(/^created (ctk_[0-9a-f]{12}) {2}supervisor +clinic default {2}"Reporting"/)
      expect(created.stderr).toMatch(/not shown again/)
      const id = /ctk_[0-9a-f]{12}/.exec(summary!)![0]
      const listed = await run('list')
      expect(listed.stdout).toContain(id)
      expect(listed.stdout).not.toContain(token!.slice(id.length))
      expect((await run('revoke', id)).stdout).toMatch(new RegExp(`^revoked ${id} .*revoked 20`))
      const refused = await run('create', '--clinic', 'default', '--role', 'agent', '--name', 'x').catch((error: { stderr: string, code: number }) => error)
      expect((refused as { stderr: string }).stderr).toMatch(/--role must be one of supervisor, admin/)
      const usage = await run('bogus').catch((error: { stderr: string, code: number }) => error)
      expect((usage as { code: number }).code).toBe(2)

      // The printed key is the one the database knows (and, once revoked, no longer accepts).
      const database = await openDatabase({ databaseUrl: undefined, dataDir, sharedBuffers: '32MB' })
      try {
        const store = createAdminApiKeys({ database, audit: createAuditTrail(database), now: () => new Date() })
        expect(await store.authenticate(token!)).toBeNull()
        expect((await store.list()).map((key) => [key.id, key.name])).toEqual([[id, 'Reporting']])
      } finally {
        await database.close()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 180_000)
})
