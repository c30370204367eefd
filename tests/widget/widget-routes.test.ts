import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gunzipSync } from 'node:zlib'
import { buildWidget, GZIP_LIMIT_BYTES } from '../../src/widget/build-widget.ts'
import { contrastRatio, widgetPalette } from '../../src/clinics/widget-palette.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'

const ADMIN = { 'x-api-key': 'widget-routes-key' }
let test: TestApp

beforeAll(async () => {
  await buildWidget()
  test = await buildTestApp('widget-routes', { environment: { ADMIN_API_KEY: ADMIN['x-api-key'] } })
  await test.testDatabase.database.query('INSERT INTO clinics (id, name) VALUES (\'other\', \'{"en": "Other Clinic", "zh-CN": "另一家诊所"}\')')
})
afterAll(async () => { await test.close() })

describe('GET /widget.js and the demo page', () => {
  it('builds a script under the 30 kB gzip budget', async () => {
    const built = await buildWidget()
    expect(built.gzipBytes).toBeLessThan(GZIP_LIMIT_BYTES)
  })

  it('serves the script to other sites, gzipped when the browser accepts it', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/widget.js', headers: { 'accept-encoding': 'gzip' } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/javascript/)
    expect(response.headers['content-encoding']).toBe('gzip')
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin')
    expect(gunzipSync(response.rawPayload).toString('utf8')).toContain('clinic-chat-widget')
  })

  it('serves a demo clinic page that embeds the widget with one script tag, in either language', async () => {
    const page = await test.app.inject({ method: 'GET', url: '/' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/text\/html/)
    expect(page.body).toContain('<script src="/widget.js" data-clinic="default" data-locale="zh-CN" async></script>')
    // Also served over plain HTTP on a LAN address: nothing may be upgraded to https.
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests')
    const english = await test.app.inject({ method: 'GET', url: '/?locale=en' })
    expect(english.body).toContain('data-locale="en"')
    const wrong = await test.app.inject({ method: 'GET', url: '/?locale=fr' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.code).toBe('VALIDATION_FAILED')
  })
})

describe('widget settings', () => {
  it('gives the widget the clinic\'s colours, logo, greeting and emergency number', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/v1/clinics/default/widget' })
    expect(response.statusCode).toBe(200)
    const settings = response.json()
    expect(settings).toMatchObject({ clinicId: 'default', emergencyNumber: '120', defaultLocale: 'zh-CN', palette: { brand: '#0b6e4f', onBrand: '#ffffff' } })
    expect(settings.greeting.en).toMatch(/Sample Community Clinic/)
    expect(settings.logoUrl).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(settings).not.toHaveProperty('allowedOrigins')
    const unknown = await test.app.inject({ method: 'GET', url: '/v1/clinics/nowhere/widget' })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('NOT_FOUND')
  })

  it('lets clinic staff change them with the admin key; a bad value is refused naming the field', async () => {
    const anonymous = await test.app.inject({ method: 'PUT', url: '/v1/admin/clinics/other/widget', payload: { primaryColor: '#ffd700' } })
    expect(anonymous.statusCode).toBe(401)
    const bad = await test.app.inject({ method: 'PUT', url: '/v1/admin/clinics/other/widget', headers: ADMIN, payload: { primaryColor: 'gold' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.message).toMatch(/primaryColor/)
    const origin = await test.app.inject({ method: 'PUT', url: '/v1/admin/clinics/other/widget', headers: ADMIN, payload: { allowedOrigins: ['https://x.example/path'] } })
    expect(origin.statusCode).toBe(400)
    expect(origin.json().error.message).toMatch(/allowedOrigins/)

    const saved = await test.app.inject({ method: 'PUT', url: '/v1/admin/clinics/other/widget', headers: ADMIN, payload: { primaryColor: '#ffd700', greeting: { en: 'Welcome to Other Clinic' } } })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ primaryColor: '#ffd700', greeting: { en: 'Welcome to Other Clinic' }, allowedOrigins: [] })
    const settings = (await test.app.inject({ method: 'GET', url: '/v1/clinics/other/widget' })).json()
    // Gold is too light for white text: the widget writes on it in black, and uses a darker gold for text on white.
    expect(settings.palette).toMatchObject({ brand: '#ffd700', onBrand: '#000000' })
    expect(contrastRatio(settings.palette.accent, '#ffffff')).toBeGreaterThanOrEqual(4.5)
    const missing = await test.app.inject({ method: 'PUT', url: '/v1/admin/clinics/nowhere/widget', headers: ADMIN, payload: { primaryColor: '#123456' } })
    expect(missing.statusCode).toBe(404)
  })

  it('keeps every colour pairing at WCAG AA whatever the clinic picks', () => {
    for (const colour of ['#0b6e4f', '#ffd700', '#777777', '#ffffff', '#000000', '#e91e63', '#00bcd4', '#abc']) {
      const palette = widgetPalette(colour)
      expect(contrastRatio(palette.brand, palette.onBrand), colour).toBeGreaterThanOrEqual(4.5)
      expect(contrastRatio(palette.accent, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5)
    }
  })
})

describe('allowed origins', () => {
  const site = 'https://www.other-clinic.example'

  it('answers CORS only for origins a clinic lists, and starts conversations only for that clinic', async () => {
    const preflight = () => test.app.inject({ method: 'OPTIONS', url: '/v1/conversations', headers: { origin: site, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } })
    expect((await preflight()).headers['access-control-allow-origin']).toBeUndefined()
    const refused = await test.app.inject({ method: 'POST', url: '/v1/conversations', headers: { origin: site }, payload: { clinicId: 'other' } })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN' })

    await test.app.inject({ method: 'PUT', url: '/v1/admin/clinics/other/widget', headers: ADMIN, payload: { allowedOrigins: [site] } })
    expect((await preflight()).headers['access-control-allow-origin']).toBe(site)
    const started = await test.app.inject({ method: 'POST', url: '/v1/conversations', headers: { origin: site }, payload: { clinicId: 'other', locale: 'en' } })
    expect(started.statusCode).toBe(201)
    expect(started.headers['access-control-allow-origin']).toBe(site)
    // The other clinic's site may not start conversations for the default clinic.
    const elsewhere = await test.app.inject({ method: 'POST', url: '/v1/conversations', headers: { origin: site }, payload: { clinicId: 'default' } })
    expect(elsewhere.statusCode).toBe(403)
  })

  it('lets the service\'s own pages and non-browser clients start conversations', async () => {
    const own = await test.app.inject({ method: 'POST', url: '/v1/conversations', headers: { origin: 'http://localhost:80', host: 'localhost:80' }, payload: { locale: 'en' } })
    expect(own.statusCode).toBe(201)
    const server = await test.app.inject({ method: 'POST', url: '/v1/conversations', payload: { locale: 'en' } })
    expect(server.statusCode).toBe(201)
    // The greeting names the emergency number (it used to read "call  now").
    expect(server.json().messages[0].text).toContain('120')
  })
})
