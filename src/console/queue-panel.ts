import { h } from 'preact'
import htm from 'htm'
import type { Agent, QueueEntry } from './api.ts'
import type { Strings } from './i18n.ts'

const html = htm.bind(h)

type QueueProps = { t: Strings, agent: Agent, entries: QueueEntry[], selected: string | null, now: number, onOpen: (id: string) => void, onClaim: (id: string) => void, onClaimNext: () => void }

/** The clinic's queue: waiting conversations (emergencies first, as the API orders them), then mine, then colleagues'. */
export function QueuePanel ({ t, agent, entries, selected, now, onOpen, onClaim, onClaimNext }: QueueProps) {
  const waiting = entries.filter((entry) => entry.status === 'waiting_agent')
  const mine = entries.filter((entry) => entry.status === 'with_agent' && entry.assignedTo?.id === agent.id)
  const others = entries.filter((entry) => entry.status === 'with_agent' && entry.assignedTo?.id !== agent.id)
  const item = (entry: QueueEntry, claimable: boolean) => {
    const patientLine = [...entry.summary.lastMessages].reverse().find((message) => message.role === 'patient')?.text ?? ''
    const minutes = entry.waitingSince ? Math.max(0, Math.floor((now - Date.parse(entry.waitingSince)) / 60_000)) : 0
    return html`<li class=${`queue-item priority-${entry.priority}${selected === entry.id ? ' selected' : ''}`} data-conversation=${entry.id}>
      <div class="queue-head">
        <span class=${`badge ${entry.priority}`}>${t.priority[entry.priority]}</span>
        <span class="muted">${entry.channel} · ${entry.locale} · ${t.waitingFor} ${minutes} ${t.min}</span>
      </div>
      <div class="reason">${entry.reason}</div>
      ${entry.summary.triage ? html`<div class="triage">${t.triage}: ${entry.summary.triage.urgency}${entry.summary.triage.department ? ` · ${entry.summary.triage.department.name}` : ''}</div>` : null}
      <div class="preview">${patientLine}</div>
      ${entry.assignedTo && entry.assignedTo.id !== agent.id ? html`<div class="muted">${t.heldBy} ${entry.assignedTo.name}</div>` : null}
      <div class="actions">
        <button type="button" onClick=${() => onOpen(entry.id)}>${t.open}</button>
        ${claimable ? html`<button type="button" class="primary" onClick=${() => onClaim(entry.id)}>${t.claim}</button>` : null}
      </div>
    </li>`
  }
  return html`<nav class="queue" aria-label=${t.queue}>
    <div class="queue-title"><h2>${t.queue}</h2><button type="button" class="primary" onClick=${onClaimNext} disabled=${waiting.length === 0}>${t.claimNext}</button></div>
    <h3>${t.waiting} (${waiting.length})</h3>
    <ul class="queue-list" aria-live="polite">${waiting.length ? waiting.map((entry) => item(entry, true)) : html`<li class="muted">${t.empty}</li>`}</ul>
    ${mine.length ? html`<h3>${t.mine}</h3><ul class="queue-list">${mine.map((entry) => item(entry, false))}</ul>` : null}
    ${others.length ? html`<h3>${t.others}</h3><ul class="queue-list">${others.map((entry) => item(entry, false))}</ul>` : null}
  </nav>`
}
