// Child process of bench/cold-start.ts: the steps of src/main.ts, timed one by one, on the data
// directory given in DATA_DIR. BENCH_SPAWNED_AT (epoch ms) lets it count Node's own boot.
// Prints one JSON line: [{ stage, milliseconds }]. src/main.ts overlaps opening the database with
// importing the modules; here they run one after the other so that each has its own time.
import { enableCompileCache } from 'node:module'

const bootMilliseconds = process.env.BENCH_SPAWNED_AT ? Date.now() - Number(process.env.BENCH_SPAWNED_AT) : null
const stages: Array<{ stage: string, milliseconds: number }> = []
if (bootMilliseconds !== null) stages.push({ stage: 'node boot (spawn to first line)', milliseconds: bootMilliseconds })

async function timed<Result> (stage: string, step: () => Promise<Result>): Promise<Result> {
  const started = performance.now()
  const result = await step()
  stages.push({ stage, milliseconds: Math.round(performance.now() - started) })
  return result
}

// As src/main.ts does, so that importing reads the compiled code that earlier starts left.
enableCompileCache()
const modules = await timed('import the app modules', async () => {
  const [config, openDatabase, migrate, deps, app, clinic, corpus, schedules] = await Promise.all([
    import('../src/config.ts'), import('../src/db/open-database.ts'), import('../src/db/migrate.ts'), import('../src/deps.ts'),
    import('../src/server/app.ts'), import('../src/startup/apply-sample-clinic.ts'), import('../src/knowledge/sample-corpus.ts'),
    import('../src/appointments/seed-sample-schedules.ts')
  ])
  return { config, openDatabase, migrate, deps, app, clinic, corpus, schedules }
})
const config = modules.config.loadConfig({ ...process.env, LOG_LEVEL: 'silent' })
const database = await timed('open the database (PGlite)', () => modules.openDatabase.openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, sharedBuffers: config.pgliteSharedBuffers }))
await timed('migrate (nothing pending)', () => modules.migrate.migrate(database))
const dependencies = await timed('create dependencies', () => modules.deps.createDependencies({ config, database }))
// What loadSampleData does on every start, step by step (each is a no-op or an idempotent top-up on existing data).
await timed('sample data: apply the sample clinic', () => modules.clinic.applySampleClinic(database))
await timed('sample data: corpus (skipped when not empty)', async () => modules.corpus.loadSampleCorpus({ db: database, embedder: dependencies.embedder, vectorEnabled: dependencies.vectorEnabled, clock: dependencies.clock, directory: new URL('../corpus/', import.meta.url).pathname }))
await timed('sample data: schedules and 28 days of slots', () => modules.schedules.seedSampleSchedules({ db: database, clinicId: config.defaultClinicId, now: dependencies.clock.now(), days: 28 }))
const app = await timed('build the app (plugins, routes, OpenAPI)', async () => {
  const built = await modules.app.buildApp(dependencies, { logger: false })
  await built.ready()
  return built
})
await timed('first GET /health', () => app.inject({ method: 'GET', url: '/health' }))
await app.close()
await database.close()
process.stdout.write(`${JSON.stringify(stages)}\n`)
