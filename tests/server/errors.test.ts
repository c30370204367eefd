import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { toErrorResponse } from '../../src/server/error-handler.ts'

describe('error responses', () => {
  let testApp: TestApp
  beforeAll(async () => { testApp = await buildTestApp('errors', { sample: false, environment: { BODY_LIMIT_BYTES: '1024', RATE_LIMIT_PER_MINUTE: '5' } }) })
  afterAll(async () => { await testApp.close() })

  it('answers an unknown route with a JSON 404', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/v1/nothing-here' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route for GET /v1/nothing-here' } })
  })

  it('answers 413 for a body over the limit and 415 for a body that is not JSON', async () => {
    const tooLarge = await testApp.app.inject({ method: 'POST', url: '/v1/conversations', payload: { locale: 'en', padding: 'x'.repeat(2000) } })
    expect(tooLarge.statusCode).toBe(413)
    expect(tooLarge.json().error.code).toBe('PAYLOAD_TOO_LARGE')
    const wrongType = await testApp.app.inject({ method: 'POST', url: '/v1/conversations', headers: { 'content-type': 'text/xml' }, payload: '<xml/>' })
    expect(wrongType.statusCode).toBe(415)
    expect(wrongType.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('rate-limits a client with 429 and Retry-After', async () => {
    const statuses: number[] = []
    let last
    for (let attempt = 0; attempt < 8; attempt++) {
      last = await testApp.app.inject({ method: 'GET', url: '/v1/rate-limited-probe' })
      statuses.push(last.statusCode)
    }
    expect(statuses).toContain(429)
    expect(last!.headers['retry-after']).toBeTruthy()
    expect(last!.json().error.code).toBe('RATE_LIMITED')
  })

  it('never shows an internal error message or stack to the client', () => {
    const response = toErrorResponse(new TypeError('cannot read properties of undefined (reading "secret")'))
    expect(response.statusCode).toBe(500)
    expect(JSON.stringify(response.body)).not.toMatch(/secret|TypeError|at /)
  })

  it('serves the OpenAPI description generated from the route schemas', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/docs/json', remoteAddress: '10.0.0.9' })
    expect(response.statusCode).toBe(200)
    expect(response.json().paths['/v1/conversations/{id}/messages']).toBeDefined()
  })
})
