import { fork, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ParentCommand, ProfileSaved, ServerReady, ServerStats } from './bench-server.ts'

const SERVER_SCRIPT = fileURLToPath(new URL('./bench-server.ts', import.meta.url))
const READY_TIMEOUT_MS = 120_000

export type BenchServer = {
  ready: ServerReady
  pid: number
  stats: () => Promise<ServerStats>
  /** Resident set size of the server process now, from /proc (bytes). */
  rss: () => number
  /** Peak resident set size of the server process so far (VmHWM, bytes). */
  peakRss: () => number
  startProfile: () => void
  /** Stops the CPU profile started by startProfile and writes it (.cpuprofile JSON) to path. */
  stopProfile: (path: string) => Promise<void>
  stop: () => Promise<void>
}

/** Forks bench/bench-server.ts with the given settings and waits until both apps listen. */
/** The V8 flags `npm start` and the Docker image run the service with (package.json "start"). */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=8']

export async function startBenchServer (environment: Record<string, string>, execArgv: string[] = []): Promise<BenchServer> {
  const child = fork(SERVER_SCRIPT, [], { env: { ...cleanEnvironment(), ...environment }, execArgv: [...process.execArgv, ...SERVICE_NODE_FLAGS, ...execArgv], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString('utf8')).slice(-4000) })
  const ready = await waitFor<ServerReady>(child, 'ready', READY_TIMEOUT_MS).catch((error: Error) => {
    child.kill('SIGKILL')
    throw new Error(`bench server did not start: ${error.message}\n${stderr}`)
  })
  const pid = child.pid!
  return {
    ready,
    pid,
    async stats () {
      const reply = waitFor<ServerStats>(child, 'stats', 10_000)
      command(child, { type: 'stats' })
      return reply
    },
    startProfile: () => command(child, { type: 'profile-start' }),
    async stopProfile (path) {
      const saved = waitFor<ProfileSaved>(child, 'profile-saved', 60_000)
      command(child, { type: 'profile-stop', path })
      await saved
    },
    rss: () => procStatusBytes(pid, 'VmRSS'),
    peakRss: () => procStatusBytes(pid, 'VmHWM'),
    async stop () {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      command(child, { type: 'exit' })
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(timer)
    }
  }
}

/** The parent's environment without database settings, so each child gets exactly what we pass. */
export function cleanEnvironment (): Record<string, string> {
  const environment: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !['DATABASE_URL', 'DATA_DIR', 'PORT', 'HOST', 'NODE_OPTIONS'].includes(name)) environment[name] = value
  }
  return environment
}

function command (child: ChildProcess, message: ParentCommand): void {
  if (child.connected) child.send(message)
}

function waitFor<Message extends { type: string }> (child: ChildProcess, type: Message['type'], timeoutMs: number): Promise<Message> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: Message) => {
      if (message?.type !== type) return
      cleanUp()
      resolve(message)
    }
    const onExit = (code: number | null) => {
      cleanUp()
      reject(new Error(`exited with ${code}`))
    }
    const timer = setTimeout(() => {
      cleanUp()
      reject(new Error(`no '${type}' within ${timeoutMs} ms`))
    }, timeoutMs)
    function cleanUp () {
      clearTimeout(timer)
      child.off('message', onMessage)
      child.off('exit', onExit)
    }
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

/** A size line (kB) of /proc/<pid>/status in bytes; 0 when the process is gone or not on Linux. */
export function procStatusBytes (pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) * 1024 : 0
  } catch {
    return 0
  }
}
