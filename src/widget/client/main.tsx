import { render } from 'preact'
import { createApi } from './api.ts'
import { createChatController } from './chat-controller.ts'
import { WidgetApp } from './components/widget-app.tsx'
import { connectLive } from './live-updates.ts'
import { pickLocale, uiText } from './locales.ts'
import { createSessionStore } from './session.ts'
import { WIDGET_CSS } from './styles.ts'

/**
 * Entry point of widget.js. The clinic's page has
 * <script src="https://<service>/widget.js" data-clinic="<clinicId>" data-locale="zh-CN" async>;
 * the widget talks to the service that served the script.
 */
async function boot (script: HTMLScriptElement): Promise<void> {
  const api = createApi(new URL(script.src).origin)
  const clinicId = script.dataset.clinic || 'default'
  let settings
  try {
    settings = await api.settings(clinicId)
  } catch (error) {
    // A site that is not among the clinic's allowed origins lands here too (CORS refuses the read).
    console.warn(`[clinic chat widget] cannot load the settings of clinic "${clinicId}" from ${api.baseUrl}:`, error)
    return
  }
  const locale = pickLocale(script.dataset.locale, settings.defaultLocale)
  const text = uiText(locale)
  const session = createSessionStore(clinicId)
  const controller = createChatController({ api, clinicId, locale, text, session, connectLive })

  const host = document.createElement('clinic-chat-widget')
  host.setAttribute('data-clinic', clinicId)
  const shadow = host.attachShadow({ mode: 'open' })
  adoptStyles(shadow)
  const mount = document.createElement('div')
  shadow.appendChild(mount)
  ;(document.body ?? document.documentElement).appendChild(host)
  render(<WidgetApp controller={controller} settings={settings} locale={locale} text={text} />, mount)
  await controller.init()
}

/** Constructable stylesheets are not inline styles, so a strict host CSP (no 'unsafe-inline') allows them. */
function adoptStyles (shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(WIDGET_CSS)
    shadow.adoptedStyleSheets = [sheet]
    return
  }
  const style = document.createElement('style')
  style.textContent = WIDGET_CSS
  shadow.appendChild(style)
}

function findScript (): HTMLScriptElement | null {
  const current = document.currentScript
  if (current instanceof HTMLScriptElement && current.src) return current
  return document.querySelector<HTMLScriptElement>('script[src*="widget.js"][data-clinic]') ?? document.querySelector<HTMLScriptElement>('script[src*="widget.js"]')
}

const script = findScript()
if (script && !document.querySelector('clinic-chat-widget')) {
  const start = () => { boot(script).catch((error: unknown) => console.warn(error)) }
  if (document.body) start()
  else document.addEventListener('DOMContentLoaded', start, { once: true })
}
