import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from '../helpers/browser.ts'
import { eventually, savedConversation, startWidgetServer, widget, type WidgetServer } from './widget-server.ts'

let server: WidgetServer
let browser: Browser
let context: BrowserContext
let page: Page
let botCountAfterTriage = 0

beforeAll(async () => {
  server = await startWidgetServer('widget-conversation')
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** What the service stored for this tab's conversation (decrypted), patient messages included. */
async function storedMessages (): Promise<Array<{ role: string, text: string }>> {
  const { conversationId } = await savedConversation(page)
  return server.test.dependencies.conversationStore.listMessages(conversationId)
}

async function say (text: string): Promise<void> {
  const parts = widget(page)
  await parts.input.fill(text)
  await parts.input.press('Enter')
}

/** Sends a message and waits for its answer; returns the text of each bot message it brought. */
async function ask (text: string): Promise<string[]> {
  const parts = widget(page)
  const before = await parts.botMessages.count()
  await say(text)
  await eventually(async () => await parts.botMessages.count() > before && await parts.root.locator('.typing, .delivery').count() === 0).toBe(true)
  return (await parts.botMessages.allTextContents()).slice(before)
}

// One patient, one tab, in order: each step builds on the conversation so far.
describe('a patient on the demo clinic page', () => {
  it('opens the widget and sees the greeting with quick replies', async () => {
    await page.goto(`${server.baseUrl}/?locale=en`)
    const parts = widget(page)
    await parts.launcher.click()
    await eventually(() => parts.botMessages.count()).toBe(1)
    expect(await parts.botMessages.first().textContent()).toContain('Sample Community Clinic')
    expect(await parts.root.locator('.quick button').allTextContents()).toContain('Check my symptoms')
    expect(await parts.root.locator('.intro').textContent()).toMatch(/^Hello from Sample Community Clinic/)
    // Typing goes straight to the message box.
    expect(await parts.input.evaluate((input) => input.getRootNode() instanceof ShadowRoot && (input.getRootNode() as ShadowRoot).activeElement === input)).toBe(true)
  })

  it('describes a symptom and gets the triage answer with its disclaimer', async () => {
    const parts = widget(page)
    const answers = await ask('I\'ve had an itchy red rash on both forearms for three weeks now')
    expect(answers.join(' ')).toMatch(/dermatology/i)
    const answer = parts.botMessages.filter({ hasText: /dermatology/i }).last()
    expect(await answer.locator('.disclaimer').textContent()).toMatch(/not a diagnosis/i)
    expect(await parts.patientMessages.count()).toBe(1)
    botCountAfterTriage = await parts.botMessages.count()
  })

  it('after a reload sees the same conversation, loaded from the service', async () => {
    const before = await savedConversation(page)
    await page.reload()
    const parts = widget(page)
    // The panel was open before the reload, so it opens again.
    await eventually(() => parts.botMessages.count()).toBe(botCountAfterTriage)
    expect(await parts.patientMessages.allTextContents()).toEqual([expect.stringContaining('itchy red rash')])
    expect((await savedConversation(page)).conversationId).toBe(before.conversationId)
    expect(await parts.botMessages.filter({ hasText: /dermatology/i }).last().locator('.disclaimer').count()).toBe(1)
  })

  it('writes while offline: the message waits, then is sent once when the network returns', async () => {
    const parts = widget(page)
    await context.setOffline(true)
    await say('What are your opening hours?')
    await eventually(() => parts.banner.textContent()).toMatch(/offline/i)
    expect(await parts.patientMessages.last().locator('.delivery').textContent()).toMatch(/sent automatically/)
    expect((await storedMessages()).filter((message) => message.text === 'What are your opening hours?')).toHaveLength(0)
    expect((await savedConversation(page)).outbox).toHaveLength(1)

    await context.setOffline(false)
    await eventually(() => parts.botMessages.count()).toBeGreaterThan(botCountAfterTriage)
    await eventually(() => parts.botMessages.last().textContent()).toMatch(/8:00/)
    expect(await parts.banner.count()).toBe(0)
    expect(await parts.patientMessages.last().locator('.delivery').count()).toBe(0)
    expect((await storedMessages()).filter((message) => message.text === 'What are your opening hours?')).toHaveLength(1)
    expect((await savedConversation(page)).outbox).toEqual([])
  })

  it('when the answer is lost on the way back, sends again with the same id and the service keeps one copy', async () => {
    const parts = widget(page)
    let cut = false
    const attempts: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/messages')) attempts.push(request.postDataJSON().clientMessageId)
    })
    // The request reaches the service and is answered; the connection drops before the widget reads it.
    await page.route('**/v1/conversations/*/messages', async (route) => {
      if (route.request().method() !== 'POST' || cut) return route.continue()
      cut = true
      await route.fetch()
      await route.abort('connectionreset')
    })
    const answers = await ask('Do you have parking?')
    await page.unroute('**/v1/conversations/*/messages')
    expect(answers.length).toBeGreaterThan(0)
    expect(attempts).toHaveLength(2)
    expect(attempts[1]).toBe(attempts[0])
    expect((await storedMessages()).filter((message) => message.text === 'Do you have parking?')).toHaveLength(1)
    expect(await parts.patientMessages.filter({ hasText: 'Do you have parking?' }).count()).toBe(1)
  })

  it('in an emergency sees the emergency reply, prominent, with the number to call', async () => {
    const parts = widget(page)
    await say('There\'s a heavy crushing pain in my chest and it\'s going up into my jaw, I feel sick')
    const emergency = parts.root.locator('.message.emergency')
    await emergency.first().waitFor()
    expect(await emergency.first().getAttribute('role')).toBe('alert')
    expect(await emergency.first().locator('.bubble').textContent()).toContain('120')
    expect(await emergency.first().locator('a.call').getAttribute('href')).toBe('tel:120')
    expect(await emergency.first().locator('a.call').textContent()).toBe('Call 120 now')
    // The conversation is handed to a person: the patient is told.
    await eventually(() => parts.notices.allTextContents()).toContainEqual(expect.stringMatching(/connecting you to a member of the clinic staff/))
  })
})
