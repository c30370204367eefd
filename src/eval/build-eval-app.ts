import type { FastifyInstance } from 'fastify'
import type { Clock } from '../clock.ts'
import { loadConfig } from '../config.ts'
import { migrate } from '../db/migrate.ts'
import { openEmbeddedDatabase } from '../db/open-database.ts'
import { createDependencies } from '../deps.ts'
import { buildApp } from '../server/app.ts'
import { loadSampleData } from '../startup/load-sample-data.ts'

export type EvalApp = { app: FastifyInstance, close: () => Promise<void> }

type EvalAppOptions = {
  /** Extra settings on top of the defaults; no model key is read from the shell, so runs are repeatable. */
  environment?: Record<string, string>
  clock?: Clock
}

/**
 * The real app on a fresh in-memory PGlite database with the sample clinic, corpus and schedules,
 * for evaluation CLIs that talk to it through `app.inject`.
 */
export async function buildEvalApp (options: EvalAppOptions = {}): Promise<EvalApp> {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'silent', ...options.environment })
  const database = await openEmbeddedDatabase('memory://')
  try {
    await migrate(database)
    const dependencies = await createDependencies({ config, database, ...(options.clock ? { clock: options.clock } : {}) })
    await loadSampleData({ database, embedder: dependencies.embedder, clock: dependencies.clock, defaultClinicId: config.defaultClinicId })
    const app = await buildApp(dependencies, { logger: false })
    await app.ready()
    return {
      app,
      async close () {
        await app.close()
        await database.close()
      }
    }
  } catch (error) {
    // The app never took ownership of the database, so close it here or the process hangs.
    await database.close()
    throw error
  }
}
