import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Who holds an embedded database: the service (with the URL its admin API answers on) or a CLI. */
export type DataDirOwner = { pid: number, role: 'service' | 'cli', command: string, startedAt: string, url?: string }

export type DataDirLock = {
  owner: DataDirOwner
  /** Records the URL the service listens on, for CLI commands that go through its admin API. */
  setUrl: (url: string) => void
  release: () => void
}

export class DataDirInUseError extends Error {
  readonly owner: DataDirOwner
  constructor (dataDir: string, owner: DataDirOwner) {
    const who = owner.role === 'service' ? `the chatbot service${owner.url ? ` at ${owner.url}` : ''}` : `the command "${owner.command}"`
    super(`DATA_DIR ${dataDir} is in use by ${who} (process ${owner.pid}, since ${owner.startedAt}). ` +
      'Only one process may open the embedded database: stop that process first, or give this one another DATA_DIR.')
    this.name = 'DataDirInUseError'
    this.owner = owner
  }
}

const LOCK_FILE = 'owner.lock'

/**
 * One process owns an embedded database directory: the lock is a file created exclusively
 * (O_EXCL) with the owner's pid; a lock whose process is gone is stale and taken over.
 */
export function acquireDataDirLock (dataDir: string, claim: Pick<DataDirOwner, 'role' | 'command'>): DataDirLock {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, LOCK_FILE)
  let owner: DataDirOwner = { pid: process.pid, ...claim, startedAt: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(owner), { flag: 'wx', mode: 0o600 })
      break
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST' || attempt > 2) throw error
      const current = readOwner(path)
      if (current && isAlive(current.pid)) throw new DataDirInUseError(dataDir, current)
      removeIfSame(path, current)
    }
  }
  let released = false
  const release = () => {
    if (released) return
    released = true
    removeIfSame(path, readOwner(path)?.pid === process.pid ? readOwner(path) : undefined)
  }
  process.once('exit', release)
  return {
    get owner () { return owner },
    setUrl (url) {
      owner = { ...owner, url }
      writeFileSync(path, JSON.stringify(owner), { mode: 0o600 })
    },
    release
  }
}

/** The live owner of an embedded database directory, or null when nobody holds it. */
export function liveDataDirOwner (dataDir: string): DataDirOwner | null {
  const owner = readOwner(join(dataDir, LOCK_FILE))
  return owner && isAlive(owner.pid) ? owner : null
}

function readOwner (path: string): DataDirOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DataDirOwner
  } catch {
    return null
  }
}

function removeIfSame (path: string, owner: DataDirOwner | null | undefined): void {
  if (owner === undefined) return
  try {
    unlinkSync(path)
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error
  }
}

function isAlive (pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}

/** Whether these settings open the embedded database in a directory (not a server, not memory). */
export function usesEmbeddedDirectory (settings: { databaseUrl?: string | undefined, dataDir: string }): boolean {
  return !settings.databaseUrl && !settings.dataDir.startsWith('memory://')
}
