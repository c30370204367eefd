import type { FastifyInstance } from 'fastify'
import { pino } from 'pino'
import { loadConfig, type Config } from '../../src/config.ts'
import { createLogger } from '../../src/logger.ts'
import { createDependencies, type AppDependencies } from '../../src/deps.ts'
import { buildApp } from '../../src/server/app.ts'
import type { Clock } from '../../src/clock.ts'
import { createTestDatabase, type TestDatabase } from './test-database.ts'
import { loadSampleData } from '../../src/startup/load-sample-data.ts'
import { grantAppRole } from './app-role.ts'

export type TestApp = {
  app: FastifyInstance
  dependencies: AppDependencies
  testDatabase: TestDatabase
  close: (options?: { keep?: boolean }) => Promise<void>
}

type TestAppOptions = {
  environment?: Record<string, string>
  clock?: Clock
  /** The service's logger (its redaction and serializers) at this level, writing to this stream (default: no logs). */
  logger?: { level: string, stream: { write: (line: string) => void } }
  /** Load the sample clinic, corpus and schedules (default true). */
  sample?: boolean
  /**
   * Run the service as this role (made and granted by grantAppRole once migrations ran as the
   * owner), as README tells operators to: row-level security then applies.
   */
  databaseRole?: string
}

/** The real app on a fresh real database; tests talk to it through app.inject. */
export async function buildTestApp (name: string, options: TestAppOptions = {}): Promise<TestApp> {
  const testDatabase = await createTestDatabase(name)
  const config: Config = loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', RATE_LIMIT_PER_MINUTE: '10000', CONVERSATION_MESSAGES_PER_MINUTE: '10000', ...options.environment })
  const logger = options.logger ? createLogger({ logLevel: options.logger.level }, options.logger.stream) : pino({ level: 'silent' })
  // TEST_APP_ROLE=triage_app_test runs every test app as that role: the suites under row-level security.
  const databaseRole = options.databaseRole ?? process.env.TEST_APP_ROLE
  if (databaseRole) await grantAppRole(testDatabase.database, databaseRole)
  // As the role, the sample data too: main.ts loads it with the service's own connection.
  const database = databaseRole ? await testDatabase.openAs(databaseRole) : testDatabase.database
  const dependencies = await createDependencies({ config, database, logger, ...(options.clock ? { clock: options.clock } : {}) })
  if (options.sample !== false) {
    await loadSampleData({ database, embedder: dependencies.embedder, clock: dependencies.clock, defaultClinicId: config.defaultClinicId })
  }
  const app = await buildApp(dependencies)
  await app.ready()
  return {
    app,
    dependencies,
    testDatabase,
    async close (closeOptions) {
      await app.close()
      if (dependencies.database !== testDatabase.database) await dependencies.database.close()
      await testDatabase.cleanup(closeOptions)
    }
  }
}
