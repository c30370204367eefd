import { execFile, execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin'
const OS_USER = 'postgres'
const COMMAND_TIMEOUT_MS = 60_000

export type TemporaryPostgres = {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication, loopback only). */
  url: string
  port: number
  /** Stops the server (`pg_ctl stop -m fast`: clients are disconnected, committed work is kept). */
  stop: () => Promise<void>
  /** Starts it again on the same port and data directory; resolves when it accepts connections. */
  start: () => Promise<void>
  /** Stops it if it runs and removes every file it had. */
  destroy: () => Promise<void>
}

/**
 * Why a private cluster cannot be made here, or null when it can: initdb must exist and we must be
 * root (commands run as the postgres OS user through runuser) or that user already.
 */
export function temporaryPostgresUnavailableReason (): string | null {
  if (!existsSync(join(POSTGRES_BIN, 'initdb'))) return `no initdb in ${POSTGRES_BIN} (set POSTGRES_BIN)`
  const uid = process.getuid?.()
  if (uid === undefined) return 'not a POSIX system'
  try {
    const postgresUid = Number(execFileSync('id', ['-u', OS_USER], { encoding: 'utf8' }).trim())
    if (uid !== 0 && uid !== postgresUid) return `must run as root or as the ${OS_USER} OS user to run initdb`
    if (uid === 0 && !existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')) return 'runuser is missing'
  } catch {
    return `there is no ${OS_USER} OS user`
  }
  return null
}

/**
 * A throwaway PostgreSQL cluster of our own (never the shared one on 5432): initdb into a temporary
 * directory, listening on 127.0.0.1 on a free port with its socket in that directory.
 */
export async function createTemporaryPostgres (): Promise<TemporaryPostgres> {
  const reason = temporaryPostgresUnavailableReason()
  if (reason) throw new Error(`cannot create a temporary PostgreSQL cluster: ${reason}`)
  const directory = mkdtempSync('/tmp/temporary-postgres-')
  const dataDirectory = join(directory, 'data')
  const logFile = join(directory, 'server.log')
  const ids = osUserIds()
  if (process.getuid?.() === 0) chownSync(directory, ids.uid, ids.gid)
  const port = await freePort()
  const serverOptions = `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c max_connections=50`
  let running = false
  try {
    await asPostgres(join(POSTGRES_BIN, 'initdb'), ['-D', dataDirectory, '-U', OS_USER, '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'])
    await asPostgres(join(POSTGRES_BIN, 'pg_ctl'), ['-D', dataDirectory, '-l', logFile, '-o', serverOptions, '-w', '-t', '30', 'start'])
    running = true
  } catch (error) {
    rmSync(directory, { recursive: true, force: true })
    throw error
  }
  const pgCtl = (...args: string[]) => asPostgres(join(POSTGRES_BIN, 'pg_ctl'), ['-D', dataDirectory, ...args])
  return {
    url: `postgres://${OS_USER}@127.0.0.1:${port}/postgres`,
    port,
    async stop () {
      await pgCtl('-m', 'fast', '-w', '-t', '30', 'stop')
      running = false
    },
    async start () {
      await pgCtl('-l', logFile, '-o', serverOptions, '-w', '-t', '30', 'start')
      running = true
    },
    async destroy () {
      if (running) await pgCtl('-m', 'immediate', '-w', '-t', '30', 'stop').catch(() => {})
      running = false
      rmSync(directory, { recursive: true, force: true })
    }
  }
}

async function asPostgres (command: string, args: string[]): Promise<void> {
  const asRoot = process.getuid?.() === 0
  const [file, fileArgs] = asRoot ? ['runuser', ['-u', OS_USER, '--', command, ...args]] : [command, args]
  try {
    await run(file, fileArgs, { timeout: COMMAND_TIMEOUT_MS, cwd: '/tmp' })
  } catch (error) {
    const failure = error as { stderr?: string, stdout?: string, message: string }
    throw new Error(`${command.split('/').at(-1)} ${args.at(-1)} failed: ${failure.stderr || failure.stdout || failure.message}`)
  }
}

function osUserIds (): { uid: number, gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, OS_USER], { encoding: 'utf8' }).trim())
  return { uid: id('-u'), gid: id('-g') }
}

/** A port that was free a moment ago (the kernel picks it; we release it for the server). */
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
