import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'
import { launchChromium } from '../helpers/browser.ts'
import { ADMIN_KEY, eventually, startHostSite, startWidgetServer, widget, type WidgetServer } from './widget-server.ts'

let server: WidgetServer
let site: { origin: string, close: () => Promise<void> }
let browser: Browser

const HOSTILE_CSS = `
  * { all: unset !important; }
  html { font-size: 48px !important; line-height: 4 !important; }
  body { font-family: "Courier New", serif !important; font-size: 64px !important; letter-spacing: 6px !important; color: #f0f !important; background: #ff0 !important; }
  div, section, p, button, textarea, form, h2, span, img { margin: 30px !important; padding: 25px !important; border: 7px dashed red !important; font-size: 40px !important; }
  button { display: none !important; }
  :focus { outline: 10px solid lime !important; }
`

function hostPage (css: string, widgetUrl: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A clinic</title><style>${css}</style></head>
<body><h1>Our clinic</h1><p>${'Opening hours and services. '.repeat(40)}</p>
<script src="${widgetUrl}" data-clinic="default" data-locale="en" async></script></body></html>`
}

beforeAll(async () => {
  server = await startWidgetServer('widget-hostile-css')
  const widgetUrl = `${server.baseUrl}/widget.js`
  site = await startHostSite({ '/plain': hostPage('body { font-family: sans-serif; }', widgetUrl), '/hostile': hostPage(HOSTILE_CSS, widgetUrl), '/bare': hostPage(HOSTILE_CSS, 'about:blank') })
  // The clinic lists its site's origin; the pages come from there, the widget from the service.
  const saved = await server.test.app.inject({ method: 'PUT', url: '/v1/admin/clinics/default/widget', headers: { 'x-api-key': ADMIN_KEY }, payload: { allowedOrigins: [site.origin] } })
  expect(saved.statusCode).toBe(200)
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await site?.close()
  await server?.close()
})

type Shot = { png: PNG, boxes: Record<string, { x: number, y: number, width: number, height: number }> }

/** Opens the widget on a page of the clinic's site; the panel's pixels and its parts' boxes relative to it. */
async function openWidgetOn (path: string): Promise<Shot> {
  const page: Page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
  try {
    await page.goto(`${site.origin}${path}`)
    const parts = widget(page)
    await parts.launcher.click()
    await eventually(() => parts.botMessages.count()).toBe(1)
    await parts.root.locator('.quick button').first().waitFor()
    // The panel rises into place when it opens: measure where it comes to rest.
    await parts.panel.evaluate((panel) => Promise.all(panel.getAnimations().map((animation) => animation.finished)))
    // Same state on both pages: nothing focused, so no focus ring or caret.
    await page.evaluate(() => (document.querySelector('clinic-chat-widget')!.shadowRoot!.activeElement as HTMLElement | null)?.blur())
    const panel = (await parts.panel.boundingBox())!
    const boxes: Shot['boxes'] = {}
    for (const [name, selector] of Object.entries({ panel: '.panel', header: '.header', log: '.log', greeting: '.message.bot', input: 'textarea', send: '.send', launcher: '.launcher', quick: '.quick' })) {
      const box = (await parts.root.locator(selector).first().boundingBox())!
      boxes[name] = { x: box.x - panel.x, y: box.y - panel.y, width: box.width, height: box.height }
    }
    // The inside of the panel, clear of its rounded corners (where the host page shows through).
    const inset = 16
    const image = await page.screenshot({ clip: { x: panel.x + inset, y: panel.y + inset, width: panel.width - 2 * inset, height: panel.height - 2 * inset }, animations: 'disabled', caret: 'hide' })
    return { png: PNG.sync.read(image), boxes }
  } finally {
    await page.close()
  }
}

describe('the widget on a host page with hostile CSS', () => {
  it('looks the same, pixel for pixel, as on a plain page, loaded from another origin', async () => {
    const plain = await openWidgetOn('/plain')
    const hostile = await openWidgetOn('/hostile')
    expect(hostile.boxes).toEqual(plain.boxes)
    expect(plain.boxes.panel!.width).toBe(380)
    const { width, height } = plain.png
    expect([hostile.png.width, hostile.png.height]).toEqual([width, height])
    const different = pixelmatch(plain.png.data, hostile.png.data, null, width, height, { threshold: 0.1 })
    expect(different).toBe(0)
  })

  it('leaves the host page\'s own styles alone', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } })
    try {
      await page.goto(`${site.origin}/hostile`)
      await widget(page).launcher.waitFor()
      const withWidget = await page.evaluate(() => ({ sheets: document.styleSheets.length, heading: getComputedStyle(document.querySelector('h1')!).fontSize, styles: document.querySelectorAll('style, link[rel=stylesheet]').length }))
      await page.goto(`${site.origin}/bare`)
      const without = await page.evaluate(() => ({ sheets: document.styleSheets.length, heading: getComputedStyle(document.querySelector('h1')!).fontSize, styles: document.querySelectorAll('style, link[rel=stylesheet]').length }))
      expect(withWidget).toEqual(without)
    } finally {
      await page.close()
    }
  })
})
