// Child process of bench/run-bench.ts: the real app (buildApp) and a bare Fastify reference route
// on one database, each listening on 127.0.0.1 on a random port. Settings come from the
// environment (DATABASE_URL or DATA_DIR, as for `npm start`); the parent talks to it over IPC:
// 'stats' returns query counters, CPU time and RSS, 'exit' closes and exits
// (closing the database cleanly); 'profile-start' / 'profile-stop' record a V8 CPU profile of
// just the load window (through the inspector, so start-up work is not in it).
import { randomUUID } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { Session } from 'node:inspector/promises'
import Fastify, { type FastifyInstance } from 'fastify'
import type { AddressInfo } from 'node:net'
import { loadConfig } from '../src/config.ts'
import { openDatabase } from '../src/db/open-database.ts'
import { migrate } from '../src/db/migrate.ts'
import { createDependencies } from '../src/deps.ts'
import { buildApp } from '../src/server/app.ts'
import { loadSampleData } from '../src/startup/load-sample-data.ts'
import { createTimedDatabase, type QueryCounters } from './timed-database.ts'

export type ServerReady = { type: 'ready', appPort: number, referencePort: number, setupSeconds: number, engine: string, vector: boolean, poolSize: number }
export type ServerStats = { type: 'stats', rssBytes: number, cpuMicroseconds: number, counters: QueryCounters }
export type ProfileSaved = { type: 'profile-saved', path: string }
export type ParentCommand = { type: 'stats' | 'exit' | 'profile-start' } | { type: 'profile-stop', path: string }

const started = performance.now()
const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: '100000000', CONVERSATION_MESSAGES_PER_MINUTE: '100000000', LOG_LEVEL: 'silent' })
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, sharedBuffers: config.pgliteSharedBuffers })
const timed = createTimedDatabase(database)
await migrate(database)
const dependencies = await createDependencies({ config, database: timed.database })
await loadSampleData({ database, embedder: dependencies.embedder, clock: dependencies.clock, defaultClinicId: config.defaultClinicId })
const app = await buildApp(dependencies, { logger: false })
const reference = await buildReferenceApp()
await app.listen({ port: 0, host: '127.0.0.1' })
await reference.listen({ port: 0, host: '127.0.0.1' })

const profiler = new Session()

process.on('message', (command: ParentCommand) => {
  if (command.type === 'stats') {
    const cpu = process.cpuUsage()
    send({ type: 'stats', rssBytes: process.memoryUsage.rss(), cpuMicroseconds: cpu.user + cpu.system, counters: timed.counters() })
  }
  if (command.type === 'exit') shutDown().catch(fail)
  if (command.type === 'profile-start') startProfile().catch(fail)
  if (command.type === 'profile-stop') stopProfile(command.path).catch(fail)
})

function fail (error: unknown): void {
  process.stderr.write(`bench server: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}

async function startProfile (): Promise<void> {
  profiler.connect()
  await profiler.post('Profiler.enable')
  await profiler.post('Profiler.setSamplingInterval', { interval: 1000 })
  await profiler.post('Profiler.start')
}

async function stopProfile (path: string): Promise<void> {
  const { profile } = await profiler.post('Profiler.stop')
  profiler.disconnect()
  await writeFile(path, JSON.stringify(profile))
  send({ type: 'profile-saved', path })
}
send({
  type: 'ready',
  appPort: (app.server.address() as AddressInfo).port,
  referencePort: (reference.server.address() as AddressInfo).port,
  setupSeconds: (performance.now() - started) / 1000,
  engine: database.engine,
  vector: dependencies.vectorEnabled,
  poolSize: config.databasePoolSize
})

function send (message: ServerReady | ServerStats | ProfileSaved): void {
  process.send?.(message)
}

async function shutDown (): Promise<void> {
  await reference.close()
  await app.close()
  await database.close()
  process.exit(0)
}

/**
 * The least database work a turn must do: store the message (one insert) and look up the vetted
 * corpus (one full-text query over approved phrases). No validation plugins, no flows, no crypto.
 */
async function buildReferenceApp (): Promise<FastifyInstance> {
  const database = timed.database
  await database.query(`CREATE TABLE IF NOT EXISTS bench_reference_messages (
    id uuid PRIMARY KEY, conversation_id text NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`)
  const reference = Fastify({ logger: false })
  reference.post<{ Params: { id: string }, Body: { text: string, locale?: string } }>('/reference/:id/messages', async (request) => {
    const { text, locale = 'en' } = request.body
    await database.query('INSERT INTO bench_reference_messages (id, conversation_id, body) VALUES ($1, $2, $3)', [randomUUID(), request.params.id, text])
    const found = await database.query<{ id: string, title: string }>(
      `SELECT v.id, v.title FROM corpus_phrase_versions v
        WHERE v.status = 'approved' AND v.locale = $1 AND (v.clinic_id = $2 OR v.clinic_id IS NULL) AND v.search_vector @@ to_tsquery('simple', $3)
        ORDER BY ts_rank_cd(v.search_vector, to_tsquery('simple', $3)) DESC LIMIT 5`, [locale, 'default', tsQuery(text)])
    return { messages: found.rows.map((row) => ({ id: row.id, text: row.title })) }
  })
  return reference
}

/** Latin words and Chinese character bigrams, OR-ed: close enough to the app's own tokens for a cost reference. */
function tsQuery (text: string): string {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? []
  const han = [...text.matchAll(/\p{Script=Han}+/gu)].flatMap(([run]) => Array.from({ length: Math.max(1, run.length - 1) }, (_, index) => run.slice(index, index + 2)))
  const tokens = [...new Set([...words, ...han])].slice(0, 12)
  return tokens.length === 0 ? "'x'" : tokens.map((token) => `'${token}'`).join(' | ')
}
