import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testEngine } from '../helpers/test-database.ts'

// Real processes on one DATA_DIR: `node src/main.ts` twice, and the corpus CLI beside a running
// service. Only the embedded database has a DATA_DIR to own.
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const NODE = join(ROOT, 'node_modules/.bin/node')
const ADMIN_API_KEY = 'data-dir-owner-test-key-0123456789'

type Run = { child: ChildProcess, stdout: () => string, stderr: () => string, exited: Promise<number | null> }

function run (args: string[], env: Record<string, string>): Run {
  const child = spawn(NODE, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, stdout: () => stdout, stderr: () => stderr, exited }
}

/** Waits until the service wrote its URL into the DATA_DIR lock, or exited. */
async function serviceUrl (service: Run, dataDir: string): Promise<string> {
  let exited = false
  service.exited.then(() => { exited = true }, () => { exited = true })
  for (;;) {
    const lockPath = join(dataDir, 'owner.lock')
    const owner = existsSync(lockPath) ? JSON.parse(readFileSync(lockPath, 'utf8')) as { url?: string, pid: number } : null
    if (owner?.url && owner.pid === service.child.pid) return owner.url
    if (exited) throw new Error(`the service exited: ${service.stderr()}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

const PHRASE = JSON.stringify({ group: 'info.lock_test', locale: 'en', category: 'info', department: null, tags: ['test'], title: 'Lock test', body: 'A phrase imported while the service ran.', examples: ['lock test'], sourceRef: null, shortcut: null, sample: false })

describe.skipIf(testEngine !== 'pglite')('one process owns the embedded database in DATA_DIR', () => {
  let dataDir: string
  let environment: Record<string, string>
  let first: Run
  let url: string

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'clinic-owner-'))
    environment = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ADMIN_API_KEY, ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}` }
    first = run(['src/main.ts'], environment)
    url = await serviceUrl(first, dataDir)
  })

  afterAll(async () => {
    if (first.child.exitCode === null) {
      first.child.kill('SIGTERM')
      await first.exited
    }
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('a second service on the same DATA_DIR refuses to start with a clear message, and the first keeps serving', async () => {
    const second = run(['src/main.ts'], environment)
    expect(await second.exited).toBe(1)
    expect(second.stderr()).toMatch(new RegExp(`DATA_DIR .* is in use by the chatbot service at ${url.replaceAll('.', '\\.')} \\(process ${first.child.pid}`))
    const health = await fetch(`${url}/health`)
    expect(health.status).toBe(200)
    // A conversation stores its greeting encrypted with the service's key ring (used below).
    const started = await fetch(`${url}/v1/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: 'en' }) })
    expect(started.status).toBe(201)
  })

  it('a CLI phrase import while the service runs goes through its admin API', async () => {
    const file = join(dataDir, 'phrase.jsonl')
    writeFileSync(file, `${PHRASE}\n`)
    const cli = run(['src/cli/corpus.ts', 'import', file, '--author', 'Dr Test'], environment)
    expect(await cli.exited).toBe(0)
    expect(JSON.parse(cli.stdout())).toMatchObject({ created: 1 })
    expect(cli.stderr()).toContain('imported through the running service')
    const exported = await fetch(`${url}/admin/corpus/export?format=jsonl`, { headers: { 'x-api-key': ADMIN_API_KEY } })
    expect(await exported.text()).toContain('info.lock_test')
  })

  it('a CLI command that cannot go through the service refuses while it runs, and changes nothing', async () => {
    const cli = run(['src/cli/corpus.ts', 'reembed'], environment)
    expect(await cli.exited).toBe(1)
    expect(cli.stderr()).toMatch(/the chatbot service \(process \d+, http:\/\/127\.0\.0\.1:\d+\) owns the embedded database/)
    const migrateCli = run(['src/cli/migrate.ts'], environment)
    expect(await migrateCli.exited).toBe(1)
    expect(migrateCli.stderr()).toContain('cannot open it beside the service')
  })

  it('after the service stops, what was imported through it is still there, and the CLI may open the database', async () => {
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(existsSync(join(dataDir, 'owner.lock'))).toBe(false)
    const cli = run(['src/cli/corpus.ts', 'export', '--format', 'jsonl'], environment)
    expect(await cli.exited).toBe(0)
    expect(cli.stdout()).toContain('info.lock_test')
  })

  it('a service started with a key ring that cannot open the stored data stops with a clear message', async () => {
    const wrongKeys = run(['src/main.ts'], { ...environment, ENCRYPTION_KEYS: `k2:${randomBytes(32).toString('base64')}` })
    const stopped = await Promise.race([wrongKeys.exited, new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 20_000))])
    if (stopped === 'running') wrongKeys.child.kill('SIGKILL')
    expect(stopped).toBe(1)
    expect(wrongKeys.stderr()).toMatch(/The encryption keys do not open the data already stored: \d+ messages \(body\) were written with key "k1"/)
    expect(existsSync(join(dataDir, 'owner.lock'))).toBe(false)
  })
})
