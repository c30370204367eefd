import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../helpers/browser.ts'
import { eventually, startWidgetServer, widget, type WidgetServer } from './widget-server.ts'

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

let server: WidgetServer
let browser: Browser

beforeAll(async () => {
  server = await startWidgetServer('widget-access')
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function withPage (options: Parameters<Browser['newPage']>[0], run: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage(options)
  try {
    await run(page)
  } finally {
    await page.close()
  }
}

/** The element that has focus, looking inside the widget's shadow root. */
function focused (page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement
    const inner = active?.shadowRoot?.activeElement ?? active
    return inner ? `${inner.tagName.toLowerCase()}${inner.className ? `.${String(inner.className).split(' ')[0]}` : ''}` : 'none'
  })
}

describe('keyboard, screen readers, small screens', () => {
  it('works with the keyboard alone: Tab to the button, Enter opens, Enter sends, Escape closes', async () => {
    await withPage({ viewport: { width: 1280, height: 800 } }, async (page) => {
      await page.goto(`${server.baseUrl}/?locale=en`)
      const parts = widget(page)
      await parts.launcher.waitFor()
      for (let presses = 0; presses < 10 && await focused(page) !== 'button.launcher'; presses++) await page.keyboard.press('Tab')
      expect(await focused(page)).toBe('button.launcher')
      await page.keyboard.press('Enter')
      await eventually(() => parts.botMessages.count()).toBe(1)
      expect(await focused(page)).toBe('textarea')
      await page.keyboard.type('What are your opening hours?')
      await page.keyboard.press('Enter')
      await eventually(() => parts.botMessages.count()).toBe(2)
      await page.keyboard.press('Escape')
      await eventually(() => parts.panel.count()).toBe(0)
      expect(await focused(page)).toBe('button.launcher')
      expect(await parts.launcher.getAttribute('aria-expanded')).toBe('false')
    })
  })

  it('announces new messages in a live region and passes axe (contrast AA included) in both languages', async () => {
    for (const locale of ['en', 'zh-CN']) {
      // bypassCSP: the demo page allows no inline script, and axe is injected as one.
      await withPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true }, async (page) => {
        await page.goto(`${server.baseUrl}/?locale=${locale}`)
        const parts = widget(page)
        await parts.launcher.click()
        await eventually(() => parts.botMessages.count()).toBe(1)
        expect(await parts.log.getAttribute('aria-live')).toBe('polite')
        expect(await parts.panel.getAttribute('role')).toBe('dialog')
        expect(await parts.input.getAttribute('placeholder')).toBe(locale === 'en' ? 'Describe your question…' : '请描述您的问题…')
        // An emergency reply, a disclaimer and a notice on screen too.
        await parts.input.fill(locale === 'en' ? 'Crushing chest pain going up into my jaw' : '胸口像被石头压着一样疼，一直在冒冷汗')
        await parts.input.press('Enter')
        await eventually(() => parts.notices.count()).toBe(1)
        expect(await parts.root.locator('.message.emergency a.call').count()).toBe(1)
        await page.addScriptTag({ path: AXE_SCRIPT })
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string, nodes: Array<{ target: unknown[] }> }> }> } }).axe
          const result = await axe.run({ include: [['clinic-chat-widget']] }, { runOnly: ['wcag2a', 'wcag2aa'] })
          return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`)
        })
        expect(violations).toEqual([])
      })
    }
  })

  it('fills the screen under 480 px wide and stops the animations when motion is reduced', async () => {
    await withPage({ viewport: { width: 390, height: 760 }, reducedMotion: 'reduce' }, async (page) => {
      await page.goto(`${server.baseUrl}/?locale=en`)
      const parts = widget(page)
      await parts.launcher.click()
      await eventually(() => parts.botMessages.count()).toBe(1)
      expect(await parts.panel.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 760 })
      expect(await parts.panel.evaluate((panel) => getComputedStyle(panel).animationName)).toBe('none')
      // The launcher would sit on top of the message box; the panel's own close button takes over.
      expect(await parts.launcher.isVisible()).toBe(false)
      await parts.root.locator('.close').click()
      expect(await parts.launcher.isVisible()).toBe(true)
    })
  })
})
