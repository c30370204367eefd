import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { get } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { cleanEnvironment, procStatusBytes, SERVICE_NODE_FLAGS } from './server-process.ts'
import { median } from './statistics.ts'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const HEALTHY_TIMEOUT_MS = 120_000
const STAGES_SCRIPT = fileURLToPath(new URL('./start-stages.ts', import.meta.url))

/** RSS at the first 200, and again SETTLE_MS later, idle. */
export type StartMeasurement = { seconds: number, rssBytes: number, settledRssBytes: number }

const SETTLE_MS = 3000

export type ColdStartResult = {
  /** `node src/main.ts` on an empty DATA_DIR: create the database, migrate, load the sample data. */
  empty: StartMeasurement
  /** The same on the data directory the first start left behind (a restart). */
  existing: StartMeasurement[]
  existingMedianSeconds: number
  /** The steps of a restart on that directory, timed one by one (bench/start-stages.ts). */
  restartStages: Array<{ stage: string, milliseconds: number }> | null
}

/** Spawns `node src/main.ts` as `npm start` would and times spawn → first 200 from GET /health. */
export async function measureColdStarts (restarts: number): Promise<ColdStartResult> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'bench-cold-start-'))
  // src/main.ts keeps Node's compile cache; a new empty one makes the first start that of a new
  // machine (nothing compiled yet), and the restarts find what it left, as they would in use.
  const compileCache = mkdtempSync(join(tmpdir(), 'bench-compile-cache-'))
  const environment = { DATA_DIR: dataDirectory, NODE_COMPILE_CACHE: compileCache }
  try {
    const empty = await timeOneStart(environment)
    const existing: StartMeasurement[] = []
    for (let run = 0; run < restarts; run++) existing.push(await timeOneStart(environment))
    const restartStages = await timeRestartStages(environment)
    return { empty, existing, existingMedianSeconds: median(existing.map((start) => start.seconds)), restartStages }
  } finally {
    rmSync(dataDirectory, { recursive: true, force: true })
    rmSync(compileCache, { recursive: true, force: true })
  }
}

type StartEnvironment = { DATA_DIR: string, NODE_COMPILE_CACHE: string }

async function timeOneStart (environment: StartEnvironment): Promise<StartMeasurement> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, 'src/main.ts'], {
    cwd: ROOT,
    env: { ...cleanEnvironment(), ...environment, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString('utf8')).slice(-2000) })
  try {
    await waitUntilHealthy(port, child)
    const seconds = (performance.now() - started) / 1000
    const rssBytes = procStatusBytes(child.pid!, 'VmRSS')
    // Right after start V8 is still compiling PGlite's WebAssembly in the background; that memory goes within seconds.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    return { seconds: Number(seconds.toFixed(2)), rssBytes, settledRssBytes: procStatusBytes(child.pid!, 'VmRSS') }
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${stderr}`)
  } finally {
    await stopChild(child)
  }
}

async function timeRestartStages (environment: StartEnvironment): Promise<ColdStartResult['restartStages']> {
  const child = spawn(process.execPath, [STAGES_SCRIPT], {
    cwd: ROOT,
    env: { ...cleanEnvironment(), ...environment, BENCH_SPAWNED_AT: String(Date.now()) },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let stdout = ''
  child.stdout?.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8') })
  const timer = setTimeout(() => child.kill('SIGKILL'), HEALTHY_TIMEOUT_MS)
  await new Promise((resolve) => child.once('close', resolve))
  clearTimeout(timer)
  try {
    return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ColdStartResult['restartStages']
  } catch {
    return null
  }
}

async function waitUntilHealthy (port: number, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + HEALTHY_TIMEOUT_MS
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`node src/main.ts exited with ${child.exitCode} before it was healthy`)
    if (await healthStatus(port) === 200) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`no 200 from /health within ${HEALTHY_TIMEOUT_MS} ms`)
}

function healthStatus (port: number): Promise<number> {
  return new Promise((resolve) => {
    const request = get({ host: '127.0.0.1', port, path: '/health', timeout: 2000 }, (response) => {
      response.resume()
      resolve(response.statusCode ?? 0)
    })
    request.on('error', () => resolve(0))
    request.on('timeout', () => { request.destroy(); resolve(0) })
  })
}

async function stopChild (child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}

/** A port that was free a moment ago. */
export function freePort (): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
