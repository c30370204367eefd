import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withoutSecrets } from '../../src/logger.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { ADMIN_KEY, AGENT_TEST_ENVIRONMENT, createAgent } from '../helpers/agent-client.ts'
import { createKeyPrincipal } from '../helpers/staff-principals.ts'

// The service's own logger (test-app builds it with createLogger), at info level so every request is logged.
describe('credentials in the logs', () => {
  let test: TestApp
  const lines: string[] = []
  beforeAll(async () => {
    test = await buildTestApp('credential-logging', {
      environment: { ...AGENT_TEST_ENVIRONMENT, WHATSAPP_VERIFY_TOKEN: 'whatsapp-verify-secret', WHATSAPP_APP_SECRET: 's', WHATSAPP_ACCESS_TOKEN: 'a', WHATSAPP_PHONE_NUMBER_ID: 'p', WHATSAPP_API_BASE_URL: 'http://127.0.0.1:9' },
      logger: { level: 'info', stream: { write: (line: string) => { lines.push(line) } } }
    })
  }, 60_000)
  afterAll(async () => { await test.close() })

  it('never appear: not keys, session tokens, cookies, conversation tokens (also as ?token=), passwords', async () => {
    const { app } = test
    const password = 'a password never logged'
    const agent = await createAgent(app, { email: 'logged@clinic.example', name: 'Logged', password })
    const key = await createKeyPrincipal(test.dependencies, 'default', 'admin')
    const patient = await startConversation(app, { locale: 'en' })
    const secrets = [ADMIN_KEY, password, agent.token, key.headers['x-api-key']!, patient.token, 'whatsapp-verify-secret']

    await app.inject({ method: 'GET', url: '/v1/admin/clinics/default/widget', headers: key.headers })
    await app.inject({ method: 'GET', url: '/v1/admin/clinics/default/widget', headers: { 'x-api-key': `${key.headers['x-api-key']!}x` } })
    await app.inject({ method: 'GET', url: '/v1/agent/queue', headers: { authorization: `Bearer ${agent.token}` } })
    await app.inject({ method: 'GET', url: '/v1/agent/queue', headers: { cookie: `agent_session=${agent.token}` } })
    await app.inject({ method: 'GET', url: `/v1/conversations/${patient.id}/events?token=${patient.token}` })
    await app.inject({ method: 'GET', url: `/v1/conversations/${patient.id}/messages`, headers: { authorization: `Bearer ${patient.token}` } })
    await app.inject({ method: 'GET', url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=whatsapp-verify-secret&hub.challenge=1' })
    await app.inject({ method: 'POST', url: '/v1/agent/login', payload: { clinicId: 'default', email: 'logged@clinic.example', password } })

    const log = lines.join('')
    // The requests were logged (so the check below looks at something), with the token's value replaced.
    expect(log).toContain(`/v1/conversations/${patient.id}/events?token=[redacted]`)
    expect(log).toContain('hub.verify_token=[redacted]')
    expect(log).toContain('/v1/admin/clinics/default/widget')
    for (const secret of secrets) expect(log.includes(secret), `a secret (${secret.slice(0, 6)}…) reached the log`).toBe(false)
  })

  it('masks only credential-like query parameters', () => {
    expect(withoutSecrets('/a?after=m1&token=abc&access_token=x&hub.verify_token=y&api_key=z')).toBe('/a?after=m1&token=[redacted]&access_token=[redacted]&hub.verify_token=[redacted]&api_key=[redacted]')
    expect(withoutSecrets('/plain')).toBe('/plain')
    expect(withoutSecrets('/a?%74oken=abc')).toBe('/a?%74oken=[redacted]')
  })
})
