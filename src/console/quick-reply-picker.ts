import { h } from 'preact'
import htm from 'htm'
import { useEffect, useRef, useState } from 'preact/hooks'
import { api, fillVariables, type Department, type QuickReply } from './api.ts'
import { CATEGORIES, type Strings, type UiLocale } from './i18n.ts'

const html = htm.bind(h)

type PickerProps = {
  t: Strings
  uiLocale: UiLocale
  /** The patient's language: phrases are offered in it. */
  locale: string
  departments: Department[]
  variables: Record<string, string>
  onInsert: (text: string, phraseId: string) => void
}

/** Search the approved phrase library, filtered by group and department; Enter inserts the chosen one. */
export function QuickReplyPicker ({ t, uiLocale, locale, departments, variables, onInsert }: PickerProps) {
  const [query, setQuery] = useState('')
  const [category, setCategory] = useState('')
  const [department, setDepartment] = useState('')
  const [results, setResults] = useState<QuickReply[]>([])
  const [active, setActive] = useState(0)
  const search = useRef<HTMLInputElement>(null)

  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      api.quickReplies({ locale, q: query, category, department }).then((found) => {
        if (current) { setResults(found.quickReplies); setActive(0) }
      }, () => {})
    }, 120)
    return () => { current = false; clearTimeout(timer) }
  }, [query, category, department, locale])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault()
        search.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const choose = (reply: QuickReply | undefined) => { if (reply) onInsert(fillVariables(reply.body, variables), reply.phraseId) }
  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); setActive(Math.min(active + 1, results.length - 1)) }
    if (event.key === 'ArrowUp') { event.preventDefault(); setActive(Math.max(active - 1, 0)) }
    if (event.key === 'Enter') { event.preventDefault(); choose(results[active]) }
  }
  const grouped = CATEGORIES.map((name) => ({ name, replies: results.filter((reply) => reply.category === name) })).filter((group) => group.replies.length > 0)

  return html`<section class="quick-replies" aria-label=${t.quickReplies}>
    <h3>${t.quickReplies}</h3>
    <div class="filters">
      <input ref=${search} type="search" aria-label=${t.searchHint} placeholder=${t.searchHint} value=${query}
        onInput=${(event: Event) => setQuery((event.target as HTMLInputElement).value)} onKeyDown=${onSearchKey}
        role="combobox" aria-expanded="true" aria-controls="quick-reply-list" aria-activedescendant=${results[active] ? `qr-${results[active]!.phraseId}` : undefined} />
      <select aria-label=${t.allCategories} value=${category} onChange=${(event: Event) => setCategory((event.target as HTMLSelectElement).value)}>
        <option value="">${t.allCategories}</option>
        ${CATEGORIES.map((name) => html`<option value=${name}>${name}</option>`)}
      </select>
      <select aria-label=${t.allDepartments} value=${department} onChange=${(event: Event) => setDepartment((event.target as HTMLSelectElement).value)}>
        <option value="">${t.allDepartments}</option>
        ${departments.map((entry) => html`<option value=${entry.code}>${entry.name[uiLocale] ?? entry.code}</option>`)}
      </select>
    </div>
    <ul id="quick-reply-list" role="listbox" class="quick-reply-list">
      ${results.length === 0 ? html`<li class="muted">${t.noMatches}</li>` : null}
      ${grouped.map((group) => html`
        <li role="presentation" class="group-name">${group.name}</li>
        ${group.replies.map((reply) => html`
          <li id=${`qr-${reply.phraseId}`} role="option" aria-selected=${results[active] === reply} class=${results[active] === reply ? 'active' : ''}>
            <button type="button" class="quick-reply" data-group=${reply.group} onClick=${() => choose(reply)}>
              <strong>${reply.title}</strong>${reply.shortcut ? html` <code>${reply.shortcut}</code>` : null}
              <span class="muted"> · ${reply.uses} ${t.uses}</span>
              <span class="body">${fillVariables(reply.body, variables)}</span>
            </button>
          </li>`)}`)}
    </ul>
  </section>`
}
