import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/config.ts'

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url))

/** `node src/main.ts` with only the given settings; resolves with its exit code and stderr. */
function start (environment: Record<string, string>): Promise<{ code: number, stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...environment }, timeout: 30_000 }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stderr })
    })
  })
}

describe('configuration from the environment', () => {
  it('has a default for every setting', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: './data', databasePoolSize: 10, pgliteSharedBuffers: '32MB', loadSampleCorpus: true })
  })

  it.each([
    [{ PORT: 'abc' }, /^PORT must be/],
    [{ PORT: '70000' }, /^PORT must be/],
    [{ PGLITE_SHARED_BUFFERS: 'lots' }, /^PGLITE_SHARED_BUFFERS must be a size such as 32MB/],
    [{ DATABASE_URL: 'mysql://db' }, /^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL \(got "mysql:\/\/db"\)$/],
    [{ DATABASE_POOL_SIZE: '0' }, /^DATABASE_POOL_SIZE must be a positive whole number/]
  ])('refuses %j naming the variable', (environment, message) => {
    expect(() => loadConfig(environment)).toThrow(ConfigError)
    expect(() => loadConfig(environment)).toThrow(message)
  })

  it('stops `node src/main.ts` with exit 1 and one line naming PORT when PORT=abc', async () => {
    const { code, stderr } = await start({ PORT: 'abc' })
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^Configuration error: PORT must be a whole number from 0 to 65535 \(got "abc"\)\n$/)
  })
})
