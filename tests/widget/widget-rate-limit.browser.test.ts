import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../helpers/browser.ts'
import { eventually, startWidgetServer, widget, type WidgetServer } from './widget-server.ts'

let server: WidgetServer
let browser: Browser

beforeAll(async () => {
  // A service of its own: the limit is per client address for a minute, and this test uses it up.
  server = await startWidgetServer('widget-rate-limit', { RATE_LIMIT_PER_MINUTE: '30' })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('a busy service', () => {
  it('shows a calm notice when the service is rate limiting, and keeps the message to send later', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${server.baseUrl}/?locale=en`)
    const parts = widget(page)
    await parts.launcher.click()
    await eventually(() => parts.botMessages.count()).toBe(1)
    // Use up this address's requests for the minute (the browser and the test share 127.0.0.1).
    let status = 0
    for (let request = 0; request < 60 && status !== 429; request++) status = (await server.test.app.inject({ method: 'GET', url: '/v1/clinics/default/widget' })).statusCode
    expect(status).toBe(429)
    await parts.input.fill('Can I book an appointment?')
    await parts.input.press('Enter')
    await eventually(() => parts.banner.textContent()).toMatch(/Lots of people are writing to us right now\. We will try again in \d+ seconds; nothing you typed is lost\./)
    expect(await parts.patientMessages.last().locator('.delivery').textContent()).toMatch(/sent automatically/)
    expect(await parts.root.locator('.delivery.failed').count()).toBe(0)
    // Nothing reached the conversation: it is still waiting in this tab, to go once the minute is over.
    expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('clinic-chat-widget:default') ?? '{}').outbox)).toHaveLength(1)
  })
})
