import type { Database } from '../db/database.ts'

export type HealthReport = {
  status: 'ok' | 'unavailable'
  db: { engine: 'pglite' | 'postgres', reachable: boolean, vector: boolean }
  retrieval: { mode: 'hybrid' | 'lexical' }
  models: { understanding: string, embeddings: string }
  channels: Record<string, boolean>
  /** The outbound queue: jobs still to run, and dead letters (absent when the database cannot say). */
  delivery?: { pending: number, dead: number }
  version: string
  uptimeSeconds: number
}

export type HealthReporter = { report: () => Promise<HealthReport> }

type HealthOptions = {
  database: Database
  vectorEnabled: boolean
  models: { understanding: string, embeddings: string }
  channels: Record<string, boolean>
  delivery?: () => Promise<{ pending: number, dead: number }>
  version: string
  startedAt: Date
  now: () => Date
}

/** Builds the /health report; a failing or slow ping marks the database unreachable. */
export function createHealthReporter (options: HealthOptions): HealthReporter {
  return {
    async report () {
      const reachable = await pingWithin(options.database, 1500)
      const delivery = reachable && options.delivery ? await options.delivery().catch(() => undefined) : undefined
      return {
        status: reachable ? 'ok' : 'unavailable',
        db: { engine: options.database.engine, reachable, vector: options.vectorEnabled },
        retrieval: { mode: options.vectorEnabled ? 'hybrid' : 'lexical' },
        models: options.models,
        channels: options.channels,
        ...(delivery ? { delivery } : {}),
        version: options.version,
        uptimeSeconds: Math.round((options.now().getTime() - options.startedAt.getTime()) / 1000)
      }
    }
  }
}

async function pingWithin (database: Database, milliseconds: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), milliseconds) })
  try {
    return await Promise.race([database.ping().then(() => true, () => false), timeout])
  } finally {
    clearTimeout(timer)
  }
}
