import { loadConfig } from '../config.ts'
import { openDatabase } from '../db/open-database.ts'
import { migrate } from '../db/migrate.ts'
import { loadDotEnv } from '../load-dot-env.ts'
import { runCli } from './run-cli.ts'
import { withDatabaseOwnership } from './database-ownership.ts'

runCli(async () => {
  loadDotEnv()
  // eslint-disable-next-line no-restricted-properties -- CLI entry point, like main.ts
  const config = loadConfig(process.env)
  await withDatabaseOwnership(config, 'npm run migrate', async () => {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, sharedBuffers: config.pgliteSharedBuffers })
    try {
      const applied = await migrate(database)
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n')
    } finally {
      await database.close()
    }
  })
})
