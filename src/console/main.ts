import { h, render } from 'preact'
import htm from 'htm'
import { useCallback, useEffect, useState } from 'preact/hooks'
import { api, ApiError, type Agent, type Colleague, type Department, type QueueEntry, type Transcript } from './api.ts'
import { initialLocale, strings, type UiLocale } from './i18n.ts'
import { QueuePanel } from './queue-panel.ts'
import { ConversationPanel } from './conversation-panel.ts'

const html = htm.bind(h)

function Login ({ uiLocale, onSignedIn }: { uiLocale: UiLocale, onSignedIn: () => void }) {
  const t = strings(uiLocale)
  const [error, setError] = useState('')
  const submit = async (event: Event) => {
    event.preventDefault()
    const form = new FormData(event.target as HTMLFormElement)
    try {
      await api.login(String(form.get('clinicId')), String(form.get('email')), String(form.get('password')))
      onSignedIn()
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure))
    }
  }
  return html`<form class="login" onSubmit=${submit}>
    <h1>${t.title}</h1>
    <label>${t.clinic}<input name="clinicId" required value="default" autocomplete="organization" /></label>
    <label>${t.email}<input name="email" type="email" required autocomplete="username" /></label>
    <label>${t.password}<input name="password" type="password" required autocomplete="current-password" /></label>
    ${error ? html`<p class="error" role="alert">${error}</p>` : null}
    <button type="submit" class="primary">${t.signIn}</button>
  </form>`
}

function Workspace ({ agent, departments, uiLocale, setUiLocale, onSignedOut }: { agent: Agent, departments: Department[], uiLocale: UiLocale, setUiLocale: (locale: UiLocale) => void, onSignedOut: () => void }) {
  const t = strings(uiLocale)
  const [entries, setEntries] = useState<QueueEntry[]>([])
  const [selected, setSelected] = useState<string | null>(null)
  const [transcript, setTranscript] = useState<Transcript | null>(null)
  const [colleagues, setColleagues] = useState<Colleague[]>([])
  const [error, setError] = useState('')
  const [alert, setAlert] = useState('')
  const [live, setLive] = useState(false)
  const [now, setNow] = useState(Date.now())

  const reportError = (failure: unknown) => setError(failure instanceof ApiError ? `${failure.code}: ${failure.message}` : String(failure))
  const loadQueue = useCallback(() => api.queue().then((queue) => setEntries(queue.conversations), reportError), [])
  const loadTranscript = useCallback((id: string | null) => {
    if (!id) { setTranscript(null); return Promise.resolve() }
    return api.transcript(id).then(setTranscript, reportError)
  }, [])

  useEffect(() => {
    loadQueue()
    api.colleagues().then((found) => setColleagues(found.agents), () => {})
    const tick = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(tick)
  }, [])

  useEffect(() => { loadTranscript(selected) }, [selected])

  useEffect(() => {
    const events = new EventSource('/v1/agent/events')
    events.addEventListener('open', () => setLive(true))
    events.addEventListener('error', () => setLive(false))
    events.addEventListener('queue', (event) => {
      loadQueue()
      const data = JSON.parse((event as MessageEvent).data) as { conversationId?: string, status?: string }
      // An erased conversation leaves the screen at once: nothing of it may stay on view.
      if (data.status === 'erased' && data.conversationId === currentSelection) { setSelected(null); setTranscript(null) }
    })
    events.addEventListener('resync', () => { loadQueue(); loadTranscript(currentSelection) })
    events.addEventListener('alert', () => { setAlert(t.alert); loadQueue() })
    events.addEventListener('message', (event) => {
      const data = JSON.parse((event as MessageEvent).data) as { conversationId: string }
      if (data.conversationId === currentSelection) loadTranscript(currentSelection)
    })
    return () => events.close()
  }, [])

  // The stream's handlers read the selection through this, not through a stale closure.
  currentSelection = selected

  const open = (id: string) => { setError(''); setSelected(id); loadTranscript(id) }
  const claim = (id: string) => api.claim(id).then(() => { setError(''); setSelected(id); loadQueue(); loadTranscript(id) }, reportError)
  const claimNext = () => api.claimNext().then((entry) => { setError(''); setSelected(entry.id); loadQueue(); loadTranscript(entry.id) }, reportError)

  return html`<div class="workspace">
    <header class="top">
      <h1>${t.title}</h1>
      <span class=${live ? 'live' : 'offline'} aria-live="polite">${live ? t.live : t.offline}</span>
      <span class="who">${agent.name} · ${agent.role}</span>
      <button type="button" onClick=${() => setUiLocale(uiLocale === 'en' ? 'zh-CN' : 'en')}>${t.language}</button>
      <button type="button" onClick=${() => api.logout().finally(onSignedOut)}>${t.signOut}</button>
    </header>
    ${alert ? html`<p class="alert" role="alert">${alert} <button type="button" onClick=${() => setAlert('')}>×</button></p>` : null}
    ${error ? html`<p class="error" role="alert">${error} <button type="button" onClick=${() => setError('')}>×</button></p>` : null}
    <div class="columns">
      <${QueuePanel} t=${t} agent=${agent} entries=${entries} selected=${selected} now=${now} onOpen=${open} onClaim=${claim} onClaimNext=${claimNext} />
      ${transcript
        ? html`<${ConversationPanel} t=${t} uiLocale=${uiLocale} agent=${agent} transcript=${transcript} departments=${departments} colleagues=${colleagues}
            onChanged=${() => { loadQueue(); loadTranscript(selected) }}
            onClosed=${() => { setSelected(null); setTranscript(null); loadQueue() }}
            onError=${(message: string) => setError(message)} />`
        : html`<main class="conversation empty"><p class="muted">${t.noneSelected}</p></main>`}
    </div>
  </div>`
}

let currentSelection: string | null = null

function App () {
  const [uiLocale, setUiLocale] = useState<UiLocale>(initialLocale())
  const [session, setSession] = useState<{ agent: Agent, departments: Department[] } | null | undefined>(undefined)
  const check = () => api.me().then(setSession, () => setSession(null))
  useEffect(() => { check() }, [])
  useEffect(() => {
    localStorage.setItem('console.locale', uiLocale)
    document.documentElement.lang = uiLocale
    document.title = strings(uiLocale).title
  }, [uiLocale])
  if (session === undefined) return html`<p class="loading">…</p>`
  if (session === null) return html`<${Login} uiLocale=${uiLocale} onSignedIn=${check} />`
  return html`<${Workspace} agent=${session.agent} departments=${session.departments} uiLocale=${uiLocale} setUiLocale=${setUiLocale} onSignedOut=${() => setSession(null)} />`
}

render(html`<${App} />`, document.getElementById('app')!)
