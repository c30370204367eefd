import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { buildWidget } from '../../src/widget/build-widget.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'

export const ADMIN_KEY = 'widget-test-admin-key'

export type WidgetServer = { test: TestApp, baseUrl: string, close: () => Promise<void> }

/** The real service on a loopback port with a freshly built widget.js. */
export async function startWidgetServer (name: string, environment: Record<string, string> = {}): Promise<WidgetServer> {
  await buildWidget()
  const test = await buildTestApp(name, { environment: { ADMIN_API_KEY: ADMIN_KEY, ...environment } })
  const baseUrl = await test.app.listen({ port: 0, host: '127.0.0.1' })
  return { test, baseUrl, close: () => test.close() }
}

/** A clinic's own web site on another origin (another port), serving the given pages. */
export async function startHostSite (pages: Record<string, string>): Promise<{ origin: string, close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const page = pages[(request.url ?? '/').split('?')[0]!]
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' })
    response.end(page ?? 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) })
  }
}

/** The widget's parts, found through its (open) shadow root as a patient's screen reader would. */
export function widget (page: Page) {
  const root = page.locator('clinic-chat-widget')
  return {
    root,
    launcher: root.locator('.launcher'),
    panel: root.locator('.panel'),
    input: root.locator('textarea'),
    log: root.locator('[role=log]'),
    botMessages: root.locator('.message.bot'),
    patientMessages: root.locator('.message.patient'),
    notices: root.locator('.notice'),
    banner: root.locator('.banner')
  }
}

/** The conversation this tab holds, as the widget saved it in sessionStorage. */
export async function savedConversation (page: Page, clinicId = 'default'): Promise<{ conversationId: string, token: string, outbox?: unknown[] }> {
  return page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '{}'), `clinic-chat-widget:${clinicId}`)
}

/**
 * Waits for what the patient would eventually see (a reply, a retry after its back-off): a
 * condition polled until it holds, not a measured time.
 */
export function eventually<Value> (read: () => Value | Promise<Value>) {
  return expect.poll(read, { timeout: 20_000, interval: 100 })
}
