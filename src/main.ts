import { enableCompileCache, flushCompileCache } from 'node:module'

// Node keeps the compiled code of every module, and the JavaScript it stripped from our TypeScript,
// in a disk cache checked against each file's content (in os.tmpdir() unless NODE_COMPILE_CACHE
// names a directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off). A restart then skips parsing and
// type stripping: about 0.3 s of CPU. Only modules loaded after this call are cached, so every
// other module is imported dynamically below.
enableCompileCache()

async function main (): Promise<void> {
  const [{ loadDotEnv }, { loadConfig }, { openDatabase }, { acquireDataDirLock, usesEmbeddedDirectory }] = await Promise.all([
    import('./load-dot-env.ts'), import('./config.ts'), import('./db/open-database.ts'), import('./db/data-dir-lock.ts')
  ])
  loadDotEnv()
  const config = loadConfig(process.env)
  // One process owns the embedded database: a second service on the same DATA_DIR stops here.
  const lock = usesEmbeddedDirectory(config) ? acquireDataDirLock(config.dataDir, { role: 'service', command: 'npm start' }) : null
  // Opening the database (reading and compiling PGlite's WebAssembly, initdb on a first start) and
  // loading the app's modules do not depend on each other, so they run side by side.
  const [database, { migrate }, { createDependencies }, { buildApp }, { loadSampleData }, { default: closeWithGrace }] = await Promise.all([
    openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize, sharedBuffers: config.pgliteSharedBuffers }),
    import('./db/migrate.ts'), import('./deps.ts'), import('./server/app.ts'), import('./startup/load-sample-data.ts'), import('close-with-grace')
  ])
  await migrate(database)
  const dependencies = await createDependencies({ config, database })
  // A key ring that cannot open the stored data stops the start with a clear message. Plaintext an
  // earlier version stored is encrypted before the first request, so every lookup finds it.
  const [{ checkKeyRing }, { encryptLegacyPlaintext }] = await Promise.all([import('./privacy/check-key-ring.ts'), import('./privacy/key-rotation.ts')])
  try {
    await checkKeyRing(database, dependencies.cipher)
    await encryptLegacyPlaintext({ database, cipher: dependencies.cipher, audit: dependencies.audit })
    // A new key put first in the ring: what is under older keys is rewritten in the background.
    await dependencies.keyRotation.schedule()
  } catch (error) {
    await database.close()
    throw error
  }
  const sample = config.loadSampleCorpus
    ? await loadSampleData({ database, embedder: dependencies.embedder, clock: dependencies.clock, defaultClinicId: config.defaultClinicId })
    : { sampleCorpusLoaded: false }
  const app = await buildApp(dependencies)
  app.addHook('onClose', async () => {
    await database.close()
    lock?.release()
  })
  if (sample.sampleCorpusLoaded) app.log.info('loaded the sample clinic, corpus and schedules into the new database (sample content, replace it with your own)')
  if (!dependencies.vectorEnabled) {
    app.log.warn(`pgvector is not installed in this ${database.engine} database: retrieval runs lexical-only (install the "vector" extension and restart for hybrid retrieval)`)
  }
  // The embedded database always runs as its superuser (README says so); a server role should not.
  const bypass = database.engine === 'postgres' ? await (await import('./db/row-security.ts')).rowSecurityBypass(database) : null
  if (bypass) app.log.warn(bypass)
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    // Jobs in hand finish first; queued ones stay in the database for the next start.
    await dependencies.jobs.stop()
    await app.close()
  })
  await app.listen({ port: config.port, host: config.host })
  const address = app.server.address()
  if (lock && address && typeof address === 'object') lock.setUrl(`http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${address.port}`)
  dependencies.jobs.start()
  await dependencies.reminderWorker.start()
  await dependencies.patientData.retentionPurge.start()
  // Node writes the cache at exit; write it now so that a process that is killed still leaves it.
  flushCompileCache()
}

main().catch((error: unknown) => {
  // By name: ConfigError is loaded dynamically, and a configuration problem may stop main() before that.
  if (error instanceof Error && error.name === 'ConfigError') {
    process.stderr.write(`Configuration error: ${error.message}\n`)
  } else {
    process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`)
  }
  process.exit(1)
})
