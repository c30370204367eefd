import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export type BenchEngine = 'pglite' | 'postgres'

/** Settings for one engine's bench server, and how to remove what was made for it. */
export type BenchDatabase = { engine: BenchEngine, environment: Record<string, string>, label: string, remove: () => Promise<void> }

/**
 * PGlite: a fresh DATA_DIR in a temporary directory. PostgreSQL: a fresh database
 * bench_<pid>_<n> on the server given by adminUrl, dropped afterwards (never anything else).
 */
export async function createBenchDatabase (engine: BenchEngine, adminUrl: string, sequence: number): Promise<BenchDatabase> {
  if (engine === 'pglite') {
    const directory = mkdtempSync(join(tmpdir(), 'bench-pglite-'))
    return { engine, environment: { DATA_DIR: directory }, label: 'PGlite, on disk in a temporary DATA_DIR', remove: async () => rmSync(directory, { recursive: true, force: true }) }
  }
  const name = `bench_${process.pid}_${sequence}`
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  // The key ring file lives in DATA_DIR even in server mode: keep it out of the checkout.
  const keyDirectory = mkdtempSync(join(tmpdir(), 'bench-keys-'))
  return {
    engine,
    environment: { DATABASE_URL: url.toString(), DATA_DIR: keyDirectory },
    label: `PostgreSQL ${url.host}, database ${name}`,
    async remove () {
      rmSync(keyDirectory, { recursive: true, force: true })
      await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    }
  }
}

async function withAdminClient (url: string, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
  await client.connect()
  try {
    await fn(client)
  } finally {
    await client.end()
  }
}
