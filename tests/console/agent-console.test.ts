import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser } from 'playwright-core'
import { buildConsole } from '../../src/cli/build-console.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { startConversation } from '../helpers/conversation-client.ts'
import { AGENT_TEST_ENVIRONMENT, createAgent } from '../helpers/agent-client.ts'
import { testEngine } from '../helpers/test-database.ts'

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const SCREENSHOT = new URL('../../docs/screenshots/console.png', import.meta.url).pathname

// A real Chromium against the real service; the database engine does not matter here, so once.
describe.skipIf(testEngine === 'postgres')('the agent console in a browser', () => {
  let test: TestApp
  let baseUrl: string
  let browser: Browser

  beforeAll(async () => {
    await buildConsole()
    test = await buildTestApp('agent-console', { environment: AGENT_TEST_ENVIRONMENT })
    baseUrl = await test.app.listen({ port: 0, host: '127.0.0.1' })
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  })
  afterAll(async () => {
    await browser?.close()
    await test?.close()
  })

  it('signs in, shows the emergency first, claims it, answers with a quick reply the patient sees, and resolves', async () => {
    const agent = await createAgent(test.app, { email: 'nurse@clinic.example', name: 'Nurse Liu', password: 'console password 1' })
    const routine = await startConversation(test.app, { locale: 'en' })
    await routine.say('I want to talk to a real person')
    const emergency = await startConversation(test.app, { locale: 'en' })
    await emergency.say('I have crushing chest pain spreading to my left arm and I am sweating')

    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
    await page.goto(`${baseUrl}/console/`)
    await page.getByLabel('Email').fill('nurse@clinic.example')
    await page.getByLabel('Password').fill('console password 1')
    await page.getByRole('button', { name: 'Sign in' }).click()

    // Emergencies first, whatever the order they arrived in.
    const firstWaiting = page.locator('nav.queue ul.queue-list').first().locator('li.queue-item').first()
    await firstWaiting.waitFor()
    expect(await firstWaiting.getAttribute('data-conversation')).toBe(emergency.id)
    await expect.poll(() => firstWaiting.locator('.badge').textContent()).toBe('Emergency')
    expect(await page.locator('nav.queue li.queue-item').count()).toBe(2)

    await firstWaiting.getByRole('button', { name: 'Claim' }).click()
    const reply = page.getByLabel('Reply to the patient')
    await reply.waitFor()
    await expect.poll(() => page.locator('header.summary').textContent()).toContain('emergency')

    // The quick reply: search by shortcut from the keyboard, insert with Enter (variables filled), send.
    await page.keyboard.press('Control+k')
    await page.keyboard.type('/hi')
    const greeting = page.locator('button.quick-reply[data-group="handoff.agent.greeting"]')
    await greeting.waitFor()
    await expect.poll(() => page.locator('.quick-reply-list li.active button').getAttribute('data-group')).toBe('handoff.agent.greeting')
    await page.keyboard.press('Enter')
    await expect.poll(() => reply.inputValue()).toContain('Sample Community Clinic')
    const sentText = await reply.inputValue()
    expect(sentText).not.toContain('{{')
    await page.screenshot({ path: SCREENSHOT, fullPage: true })
    await reply.press('Control+Enter')
    await page.locator('.transcript li.message.agent').waitFor()

    // The patient's conversation shows it, from Nurse Liu; the use is recorded for her.
    const feed = await test.app.inject({ method: 'GET', url: `/v1/conversations/${emergency.id}/messages`, headers: { authorization: `Bearer ${emergency.token}` } })
    const agentMessage = feed.json().messages.find((message: { role: string }) => message.role === 'agent')
    expect(agentMessage).toMatchObject({ text: sentText, agent: { name: 'Nurse Liu' } })
    const uses = await test.dependencies.database.query<{ group_key: string, agent_id: string, uses: number }>(
      'SELECT DISTINCT v.group_key, u.agent_id, u.uses FROM phrase_usage u JOIN corpus_phrase_versions v ON v.phrase_id = u.phrase_id')
    expect(uses.rows).toEqual([{ group_key: 'handoff.agent.greeting', agent_id: agent.id, uses: 1 }])

    // The patient writes back: it appears live in the console.
    await emergency.say('Thank you, the pain is still there')
    await page.locator('.transcript li.message.patient', { hasText: 'the pain is still there' }).waitFor()

    await page.getByLabel('Note (kept with the record)').fill('Advised to call 120; ambulance on the way.')
    await page.getByRole('button', { name: 'Resolve', exact: true }).click()
    await page.getByText('Choose a conversation from the queue.').waitFor()
    const after = await test.app.inject({ method: 'GET', url: `/v1/conversations/${emergency.id}/messages`, headers: { authorization: `Bearer ${emergency.token}` } })
    expect(after.json().conversation.status).toBe('bot')
    expect(after.json().messages.at(-1).phraseKey).toBe('handoff.ended')
    await expect.poll(() => page.locator('nav.queue li.queue-item').count()).toBe(1)
    await page.close()
  }, 120_000)

  it('answers /console/ without a session with the sign-in form, in Chinese on request', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' })
    await page.goto(`${baseUrl}/console`)
    await page.getByRole('button', { name: '登录' }).waitFor()
    await page.close()
  })
})
