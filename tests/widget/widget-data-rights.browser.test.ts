import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { launchChromium } from '../helpers/browser.ts'
import { findPatientTraces } from '../privacy/patient-data-traces.ts'
import { eventually, savedConversation, startWidgetServer, widget, type WidgetServer } from './widget-server.ts'

let server: WidgetServer
let browser: Browser
let context: BrowserContext

beforeAll(async () => {
  server = await startWidgetServer('widget-data-rights')
  browser = await launchChromium()
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Opens the widget on the demo page and writes one message; returns the page once the answer is shown. */
async function patientWrites (locale: 'en' | 'zh-CN', text: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${server.baseUrl}/?locale=${locale}`)
  const parts = widget(page)
  await parts.launcher.click()
  await eventually(() => parts.botMessages.count()).toBe(1)
  await parts.input.fill(text)
  await parts.input.press('Enter')
  await eventually(async () => await parts.botMessages.count() > 1 && await parts.root.locator('.typing, .delivery').count() === 0).toBe(true)
  return page
}

const exportStatus = async (conversation: { conversationId: string, token: string }) =>
  (await server.test.app.inject({ method: 'GET', url: `/v1/conversations/${conversation.conversationId}/export`, headers: { authorization: `Bearer ${conversation.token}` } })).statusCode

describe('"Your data" in the chat widget', () => {
  it('downloads the patient\'s data, then deletes the conversation after a confirm step', async () => {
    const page = await patientWrites('en', 'my Glimmerwort allergy flared up again')
    const parts = widget(page)
    const saved = await savedConversation(page)

    await parts.root.getByRole('button', { name: 'Your data' }).click()
    const [download] = await Promise.all([page.waitForEvent('download'), parts.root.getByRole('button', { name: 'Download my data' }).click()])
    expect(download.suggestedFilename()).toBe(`conversation-${saved.conversationId}.json`)
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'))
    expect(exported.conversations[0].messages.map((message: { text: string }) => message.text)).toContain('my Glimmerwort allergy flared up again')

    await parts.root.getByRole('button', { name: 'Your data' }).click()
    await parts.root.getByRole('button', { name: 'Delete my conversation' }).click()
    expect(await parts.root.locator('.data-menu p').first().textContent()).toMatch(/cannot be undone/)
    await parts.root.getByRole('button', { name: 'Yes, delete it' }).click()

    await eventually(() => parts.notices.allTextContents()).toEqual(['Your conversation and your personal details have been deleted.'])
    expect(await parts.root.locator('.message').count()).toBe(0)
    expect(await parts.root.getByRole('button', { name: 'Start a new conversation' }).isVisible()).toBe(true)
    expect((await savedConversation(page)).conversationId).toBeUndefined()
    expect(await exportStatus(saved)).toBe(404)
    expect(await findPatientTraces(server.test.testDatabase.database, server.test.dependencies.cipher, ['Glimmerwort'])).toEqual([])

    // A new conversation starts afresh.
    await parts.root.getByRole('button', { name: 'Start a new conversation' }).click()
    await eventually(() => parts.botMessages.count()).toBe(1)
    const fresh = await savedConversation(page)
    expect(fresh.conversationId).toEqual(expect.any(String))
    expect(fresh.conversationId).not.toBe(saved.conversationId)
    await page.close()
  })

  it('speaks Chinese, and a cancelled deletion deletes nothing', async () => {
    const page = await patientWrites('zh-CN', '请问周末开门吗？')
    const parts = widget(page)
    const saved = await savedConversation(page)
    await parts.root.getByRole('button', { name: '我的数据' }).click()
    expect(await parts.root.getByRole('button', { name: '下载我的数据' }).isEnabled()).toBe(true)
    await parts.root.getByRole('button', { name: '删除我的对话' }).click()
    expect(await parts.root.locator('.data-menu p').first().textContent()).toMatch(/无法恢复/)
    await parts.root.getByRole('button', { name: '取消' }).click()
    expect(await parts.root.getByRole('button', { name: '删除我的对话' }).isVisible()).toBe(true)
    expect(await exportStatus(saved)).toBe(200)
    expect(await parts.botMessages.count()).toBeGreaterThan(1)
    await page.close()
  })
})
