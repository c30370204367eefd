import closeWithGrace from 'close-with-grace'
import { loadConfig, ConfigError } from './config.ts'
import { openDatabase } from './db/open-database.ts'
import { migrate } from './db/migrate.ts'
import { loadSampleData } from './startup/load-sample-data.ts'
import { createDependencies } from './deps.ts'
import { buildApp } from './server/app.ts'
import { loadDotEnv } from './load-dot-env.ts'

async function main (): Promise<void> {
  loadDotEnv()
  const config = loadConfig(process.env)
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize })
  await migrate(database)
  const dependencies = await createDependencies({ config, database })
  const sample = config.loadSampleCorpus
    ? await loadSampleData({ database, embedder: dependencies.embedder, clock: dependencies.clock, defaultClinicId: config.defaultClinicId })
    : { sampleCorpusLoaded: false }
  const app = await buildApp(dependencies)
  app.addHook('onClose', async () => { await database.close() })
  if (sample.sampleCorpusLoaded) app.log.info('loaded the sample clinic, corpus and schedules into the new database (sample content, replace it with your own)')
  if (!dependencies.vectorEnabled) {
    app.log.warn(`pgvector is not installed in this ${database.engine} database: retrieval runs lexical-only (install the "vector" extension and restart for hybrid retrieval)`)
  }
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    await app.close()
  })
  await app.listen({ port: config.port, host: config.host })
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`)
  } else {
    process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`)
  }
  process.exit(1)
})
