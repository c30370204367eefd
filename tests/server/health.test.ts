import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { testEngine } from '../helpers/test-database.ts'

describe('GET /health', () => {
  let testApp: TestApp
  beforeAll(async () => { testApp = await buildTestApp('health') })
  afterAll(async () => { await testApp.close() })

  it('reports the engine and whether pgvector is installed', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/health' })
    expect(response.statusCode).toBe(200)
    const body = response.json()
    expect(body.status).toBe('ok')
    expect(body.db.engine).toBe(testEngine)
    // PGlite ships pgvector; the Debian PostgreSQL 15 here has no vector package.
    expect(body.db.vector).toBe(testEngine === 'pglite')
    expect(body.retrieval.mode).toBe(testEngine === 'pglite' ? 'hybrid' : 'lexical')
    expect(response.headers['x-request-id']).toBeTruthy()
  })

  it('answers 503 with the same shape when the database cannot be reached', async () => {
    const unreachable = await buildTestApp('health-down')
    await unreachable.testDatabase.database.close()
    const response = await unreachable.app.inject({ method: 'GET', url: '/health' })
    expect(response.statusCode).toBe(503)
    expect(response.json()).toMatchObject({ status: 'unavailable', db: { engine: testEngine, reachable: false } })
    await unreachable.app.close()
    await unreachable.testDatabase.cleanup().catch(() => {})
  })
})
