import { execFile } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { vector } from '@electric-sql/pglite-pgvector'
import { pgDump } from '@electric-sql/pglite-tools/pg_dump'
import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import type { Database } from '../../src/db/database.ts'
import { migrate } from '../../src/db/migrate.ts'
import { openEmbeddedDatabase } from '../../src/db/open-database.ts'
import { createDependencies } from '../../src/deps.ts'
import { buildApp } from '../../src/server/app.ts'
import { loadSampleData } from '../../src/startup/load-sample-data.ts'
import { phraseKeys, startConversation } from '../helpers/conversation-client.ts'
import { createTestDatabase, serverDatabaseUrl, testEngine, type TestDatabase } from '../helpers/test-database.ts'

// What a stolen backup shows: a whole conversation, a booking and a reminder made through the HTTP
// API, then the database dumped with pg_dump (the real binary on the server PostgreSQL, PGlite's
// own WASM build of pg_dump on the embedded database). None of the patient's words, name or phone
// may appear in it.
const NOW = new Date('2026-12-14T00:10:00Z') // Monday 08:10 in Shanghai
const SYMPTOM_EN = 'a thunderclap headache behind my left eye since the lighthouse visit'
const SYMPTOM_ZH = '从灯塔回来以后左眼后面像打雷一样头痛'
const NAME = 'Zephyrine Quillfeather'
const PHONE_DIGITS = '13987654321'
const LABEL = 'Xylophorex tablets'
const ADMIN_API_KEY = 'dump-test-admin-key-0123456789'

const execFileAsync = promisify(execFile)

describe('a database dump after a conversation, a booking and a reminder', () => {
  let app: FastifyInstance
  let database: Database
  let testDatabase: TestDatabase | undefined
  let dataDir: string | undefined
  let closed = false

  beforeAll(async () => {
    if (testEngine === 'postgres') {
      testDatabase = await createTestDatabase('no-plaintext-dump')
      database = testDatabase.database
    } else {
      // On disk, so that PGlite's pg_dump can open the same data after the service closes it.
      dataDir = mkdtempSync(join(tmpdir(), 'dump-'))
      database = await openEmbeddedDatabase(dataDir)
      await migrate(database)
    }
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', RATE_LIMIT_PER_MINUTE: '10000', ADMIN_API_KEY, ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}` })
    const dependencies = await createDependencies({ config, database, clock: { now: () => NOW }, logger: pino({ level: 'silent' }) })
    await loadSampleData({ database, embedder: dependencies.embedder, clock: dependencies.clock, defaultClinicId: config.defaultClinicId })
    app = await buildApp(dependencies)
    await app.ready()
  }, 120_000)
  afterAll(async () => {
    if (!closed) await app?.close()
    if (testDatabase) await testDatabase.cleanup()
    else if (!closed) await database?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('holds none of the patient\'s words, name, phone or medicine', async () => {
    const triage = await startConversation(app, { locale: 'en' })
    const told = await triage.say(`I have ${SYMPTOM_EN}, it started two days ago`)
    expect(told.messages.length).toBeGreaterThan(0)
    await triage.say(SYMPTOM_ZH)

    const booking = await startConversation(app, { locale: 'en' })
    await booking.say('book ENT tomorrow morning')
    await booking.say('1')
    const booked = await booking.say(`${NAME} ${PHONE_DIGITS}`)
    expect(booked.appointment?.status).toBe('booked')
    // Staff read the name and the masked phone back (decrypted) through the admin API.
    const listed = await app.inject({ method: 'GET', url: '/v1/admin/clinics/default/appointments?from=2026-12-14&to=2026-12-20', headers: { 'x-api-key': ADMIN_API_KEY } })
    expect(listed.json().appointments).toContainEqual(expect.objectContaining({ reference: booked.appointment.reference, patient: { name: NAME, phoneMasked: '+86139****4321' } }))
    const lookedUp = await booking.say(`look up my appointment ${booked.appointment.reference} ${PHONE_DIGITS}`)
    expect(JSON.stringify(lookedUp)).toContain(booked.appointment.reference)

    const reminder = await startConversation(app, { locale: 'en' })
    const set = await reminder.say(`remind me to take my ${LABEL} at 9am every day`)
    expect(phraseKeys(set)).toEqual(['medication.reminder_set'])
    expect(set.messages[0].text).toContain(LABEL)

    const dump = await dumpDatabase()
    // The dump is real: it holds the tables and rows the turns wrote.
    expect(dump).toMatch(/CREATE TABLE [\w".]*messages/)
    expect(dump).toContain(triage.id)
    expect(dump).toContain(booked.appointment.reference)
    const secrets = [
      SYMPTOM_EN, 'thunderclap', 'lighthouse', SYMPTOM_ZH, '灯塔', '打雷',
      NAME, 'Zephyrine', 'Quillfeather', PHONE_DIGITS, '+86' + PHONE_DIGITS, '139 8765 4321', '139-8765-4321',
      createHash('sha256').update('+86' + PHONE_DIGITS).digest('hex'),
      LABEL, 'Xylophorex'
    ]
    for (const secret of secrets) expect(dump.includes(secret), `the dump contains "${secret}"`).toBe(false)
  }, 120_000)

  async function dumpDatabase (): Promise<string> {
    if (testDatabase) {
      const schema = (await database.query<{ schema: string }>('SELECT current_schema() AS schema')).rows[0]!.schema
      const { stdout } = await execFileAsync('pg_dump', ['--no-owner', '-n', schema, serverDatabaseUrl!], { maxBuffer: 256 * 1024 * 1024 })
      return stdout
    }
    await app.close()
    await database.close()
    closed = true
    const pglite = await PGlite.create(join(dataDir!, 'pglite'), { extensions: { vector } })
    try {
      return await (await pgDump({ pg: pglite, args: ['--no-owner'] })).text()
    } finally {
      await pglite.close()
    }
  }
})
