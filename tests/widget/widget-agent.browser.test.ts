import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from '../helpers/browser.ts'
import { ADMIN_KEY, eventually, savedConversation, startWidgetServer, widget, type WidgetServer } from './widget-server.ts'

let server: WidgetServer
let browser: Browser
let context: BrowserContext
let page: Page
let agentToken: string

beforeAll(async () => {
  server = await startWidgetServer('widget-agent')
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
  const created = await server.test.app.inject({
    method: 'POST',
    url: '/v1/admin/clinics/default/agents',
    headers: { 'x-api-key': ADMIN_KEY },
    payload: { email: 'li@clinic.example', name: 'Nurse Li', password: 'correct horse battery staple', role: 'agent' }
  })
  expect(created.statusCode).toBe(201)
  const login = await server.test.app.inject({ method: 'POST', url: '/v1/agent/login', payload: { clinicId: 'default', email: 'li@clinic.example', password: 'correct horse battery staple' } })
  expect(login.statusCode).toBe(200)
  agentToken = login.json().token
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** The agent's side, through the agent API as the console uses it. */
async function agent (method: 'POST', path: string, payload: Record<string, unknown> = {}) {
  const { conversationId } = await savedConversation(page)
  const response = await server.test.app.inject({ method, url: `/v1/agent/conversations/${conversationId}${path}`, headers: { authorization: `Bearer ${agentToken}` }, payload })
  expect(response.statusCode, response.body).toBeLessThan(300)
  return response.json()
}

describe('a patient handed to a person', () => {
  it('is told a person will come, sees the agent join and the agent\'s reply arrive live, with the agent\'s name', async () => {
    const requested: string[] = []
    page.on('request', (request) => { if (request.method() === 'GET') requested.push(new URL(request.url()).pathname + new URL(request.url()).search) })
    await page.goto(`${server.baseUrl}/?locale=en`)
    const parts = widget(page)
    await parts.launcher.click()
    await eventually(() => parts.botMessages.count()).toBe(1)
    await parts.input.fill('I want to talk to a real person')
    await parts.input.press('Enter')
    await eventually(() => parts.notices.allTextContents()).toContainEqual(expect.stringMatching(/connecting you to a member of the clinic staff/))

    await agent('POST', '/claim')
    await eventually(() => parts.notices.allTextContents()).toContainEqual(expect.stringMatching(/has joined the chat/))
    await agent('POST', '/messages', { text: 'Hello, this is Nurse Li. How can I help you today?' })
    const reply = parts.root.locator('.message.agent')
    await eventually(() => reply.count()).toBe(1)
    expect(await reply.locator('.bubble').textContent()).toBe('Hello, this is Nurse Li. How can I help you today?')
    expect(await reply.locator('.author').textContent()).toMatch(/^Nurse Li/)
    // It came over the event stream, not by polling.
    expect(requested.filter((path) => /\/events\?token=/.test(path))).not.toHaveLength(0)
    expect(requested.filter((path) => /\/messages\?after=/.test(path))).toHaveLength(0)
  })

  it('still gets agent replies when the event stream is refused (polling instead)', async () => {
    // A proxy in front of the service that will not pass event streams.
    await page.route('**/v1/conversations/*/events*', (route) => route.fulfill({ status: 502, body: 'Bad Gateway' }))
    let polls = 0
    page.on('request', (request) => { if (/\/messages\?after=/.test(request.url())) polls++ })
    await page.reload()
    const parts = widget(page)
    await eventually(() => parts.root.locator('.message.agent').count()).toBe(1)
    await agent('POST', '/messages', { text: 'Are you still there?' })
    await eventually(() => parts.root.locator('.message.agent').count()).toBe(2)
    expect(await parts.root.locator('.message.agent .bubble').last().textContent()).toBe('Are you still there?')
    expect(polls).toBeGreaterThan(0)
  })

  it('is told when the conversation goes back to the assistant', async () => {
    const parts = widget(page)
    await agent('POST', '/resolve', { returnToBot: true })
    await eventually(() => parts.notices.allTextContents()).toContainEqual(expect.stringMatching(/talking with the clinic assistant again/))
    await page.unroute('**/v1/conversations/*/events*')
  })
})
