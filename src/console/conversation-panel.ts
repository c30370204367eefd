import { h } from 'preact'
import htm from 'htm'
import { useEffect, useRef, useState } from 'preact/hooks'
import { api, ApiError, type Agent, type Colleague, type Department, type Transcript } from './api.ts'
import type { Strings, UiLocale } from './i18n.ts'
import { QuickReplyPicker } from './quick-reply-picker.ts'

const html = htm.bind(h)

type ConversationProps = {
  t: Strings
  uiLocale: UiLocale
  agent: Agent
  transcript: Transcript
  departments: Department[]
  colleagues: Colleague[]
  onChanged: () => void
  onClosed: () => void
  onError: (message: string) => void
}

/** One conversation: the bot's triage summary, the transcript, the reply box with quick replies, transfer and resolve. */
export function ConversationPanel ({ t, uiLocale, agent, transcript, departments, colleagues, onChanged, onClosed, onError }: ConversationProps) {
  const { conversation, messages } = transcript
  const [draft, setDraft] = useState('')
  const [phraseId, setPhraseId] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [target, setTarget] = useState('')
  const replyBox = useRef<HTMLTextAreaElement>(null)
  const end = useRef<HTMLLIElement>(null)
  const mine = conversation.statusNow === 'with_agent' && conversation.assignedTo?.id === agent.id
  const mayManage = mine || agent.role !== 'agent'

  useEffect(() => { end.current?.scrollIntoView({ block: 'end' }) }, [messages.length])
  useEffect(() => { setDraft(''); setPhraseId(null); setNote('') }, [conversation.id])

  const attempt = async (action: () => Promise<unknown>, after: () => void = onChanged) => {
    try {
      await action()
      after()
    } catch (error) {
      onError(error instanceof ApiError ? `${error.code}: ${error.message}` : String(error))
    }
  }
  const send = () => {
    if (!draft.trim()) return
    attempt(async () => {
      await api.send(conversation.id, draft, phraseId)
      setDraft('')
      setPhraseId(null)
    })
  }
  const insert = (text: string, id: string) => {
    setDraft(text)
    setPhraseId(id)
    replyBox.current?.focus()
  }
  const triage = conversation.summary.triage

  return html`<main class="conversation" aria-label=${conversation.id}>
    <header class="summary">
      <span class=${`badge ${conversation.priority}`}>${t.priority[conversation.priority]}</span>
      <span>${t.reason}: <strong>${conversation.reason}</strong></span>
      <span>${t.channel}: ${conversation.channel} · ${conversation.locale}</span>
      ${triage ? html`<span>${t.triage}: <strong>${triage.urgency}</strong>${triage.department ? ` · ${triage.department.name}` : ''}</span>` : null}
      ${triage?.redFlags.length ? html`<span class="red-flags">${t.redFlags}: ${triage.redFlags.join(', ')}</span>` : null}
      ${conversation.assignedTo ? html`<span>${t.heldBy}: ${conversation.assignedTo.name}</span>` : null}
    </header>
    <ol class="transcript" aria-live="polite">
      ${messages.map((message) => html`<li class=${`message ${message.role} ${message.kind}`}>
        <span class="who">${message.role === 'agent' && message.agent ? message.agent.name : t.roles[message.role]}</span>
        <span class="text">${message.text}</span>
        <time class="muted" datetime=${message.createdAt}>${new Date(message.createdAt).toLocaleTimeString(uiLocale)}</time>
      </li>`)}
      <li ref=${end} class="end" aria-hidden="true"></li>
    </ol>
    ${mine
      ? html`<section class="composer">
        <label for="reply">${t.reply}</label>
        <textarea id="reply" ref=${replyBox} rows="3" value=${draft} onInput=${(event: Event) => { setDraft((event.target as HTMLTextAreaElement).value) }}
          onKeyDown=${(event: KeyboardEvent) => { if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) { event.preventDefault(); send() } }}></textarea>
        <div class="row"><button type="button" class="primary" onClick=${send} disabled=${!draft.trim()}>${t.send}</button><span class="muted">${t.sendHint}</span></div>
        <${QuickReplyPicker} t=${t} uiLocale=${uiLocale} locale=${conversation.locale} departments=${departments} variables=${transcript.variables} onInsert=${insert} />
      </section>`
      : html`<p class="muted read-only">${t.readOnly}</p>`}
    ${mayManage && conversation.statusNow !== 'bot'
      ? html`<section class="manage">
        <fieldset>
          <legend>${t.transfer}</legend>
          <button type="button" onClick=${() => attempt(() => api.transfer(conversation.id, { toQueue: true }))}>${t.toQueue}</button>
          <select aria-label=${t.toAgent} value=${target} onChange=${(event: Event) => setTarget((event.target as HTMLSelectElement).value)}>
            <option value="">${t.toAgent}</option>
            ${colleagues.filter((colleague) => colleague.id !== agent.id).map((colleague) => html`<option value=${colleague.id}>${colleague.name} (${colleague.role})</option>`)}
          </select>
          <button type="button" disabled=${!target} onClick=${() => attempt(() => api.transfer(conversation.id, { agentId: target }))}>${t.transfer}</button>
        </fieldset>
        <fieldset>
          <legend>${t.resolve}</legend>
          <label for="note">${t.note}</label>
          <textarea id="note" rows="2" value=${note} onInput=${(event: Event) => setNote((event.target as HTMLTextAreaElement).value)}></textarea>
          <div class="row">
            <button type="button" class="primary" onClick=${() => attempt(() => api.resolve(conversation.id, note, false), onClosed)}>${t.resolve}</button>
            <button type="button" onClick=${() => attempt(() => api.resolve(conversation.id, note, true), onClosed)}>${t.returnToBot}</button>
          </div>
        </fieldset>
      </section>`
      : null}
  </main>`
}
