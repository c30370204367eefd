import type { Config } from '../config.ts'
import { acquireDataDirLock, DataDirInUseError, liveDataDirOwner, usesEmbeddedDirectory, type DataDirOwner } from '../db/data-dir-lock.ts'

/**
 * A CLI command that opens the embedded database holds the DATA_DIR lock while it runs, so the
 * service cannot start beside it; while the service runs, the command refuses with a clear message
 * (what it would have changed would be lost, or would corrupt the service's database).
 */
export async function withDatabaseOwnership<T> (config: Config, command: string, run: () => Promise<T>): Promise<T> {
  if (!usesEmbeddedDirectory(config)) return run()
  let lock
  try {
    lock = acquireDataDirLock(config.dataDir, { role: 'cli', command })
  } catch (error) {
    if (error instanceof DataDirInUseError && error.owner.role === 'service') throw new Error(serviceRunningMessage(config.dataDir, error.owner, command))
    throw error
  }
  try {
    return await run()
  } finally {
    lock.release()
  }
}

/** The running service that owns the embedded database, if any (for commands that can go through it). */
export function runningService (config: Config): DataDirOwner | null {
  if (!usesEmbeddedDirectory(config)) return null
  const owner = liveDataDirOwner(config.dataDir)
  return owner?.role === 'service' ? owner : null
}

export function serviceRunningMessage (dataDir: string, owner: DataDirOwner, command: string): string {
  return `the chatbot service (process ${owner.pid}${owner.url ? `, ${owner.url}` : ''}) owns the embedded database in ${dataDir}; ` +
    `"${command}" cannot open it beside the service. Stop the service first, or use its admin API (${owner.url ?? 'the service URL'}/admin/corpus/…).`
}
