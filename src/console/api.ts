/** The agent workspace API as the console calls it: same origin, the HttpOnly session cookie. */

export type Agent = { id: string, name: string, role: 'agent' | 'supervisor' | 'admin', clinicId: string, email: string }
export type Department = { code: string, name: Record<string, string> }
import type { QueueEntry } from '../handoff/queue-entry.ts'

export type { QueueEntry }
export type Message = { id: string, role: 'patient' | 'bot' | 'agent' | 'system', text: string, kind: string, createdAt: string, agent?: { name: string }, phraseKey?: string }
export type Transcript = { conversation: QueueEntry & { statusNow: string }, messages: Message[], variables: Record<string, string> }
export type QuickReply = { phraseId: string, group: string, title: string, body: string, shortcut: string | null, category: string, department: string | null, uses: number }
export type Colleague = { id: string, name: string, role: string }

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  constructor (status: number, code: string, message: string) {
    super(message)
    this.status = status
    this.code = code
  }
}

async function call<T> (method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  if (response.status === 204) return undefined as T
  const payload = await response.json().catch(() => ({}))
  if (!response.ok) throw new ApiError(response.status, payload?.error?.code ?? 'ERROR', payload?.error?.message ?? response.statusText)
  return payload as T
}

export const api = {
  me: () => call<{ agent: Agent, departments: Department[] }>('GET', '/v1/agent/me'),
  login: (clinicId: string, email: string, password: string) => call<{ agent: Agent }>('POST', '/v1/agent/login', { clinicId, email, password }),
  logout: () => call<void>('POST', '/v1/agent/logout'),
  queue: () => call<{ conversations: QueueEntry[] }>('GET', '/v1/agent/queue'),
  colleagues: () => call<{ agents: Colleague[] }>('GET', '/v1/agent/agents'),
  claim: (id: string) => call<QueueEntry>('POST', `/v1/agent/conversations/${id}/claim`),
  claimNext: () => call<QueueEntry>('POST', '/v1/agent/queue/claim'),
  transcript: (id: string) => call<Transcript>('GET', `/v1/agent/conversations/${id}`),
  send: (id: string, text: string, phraseId: string | null) => call<{ message: Message }>('POST', `/v1/agent/conversations/${id}/messages`, {
    text, clientMessageId: crypto.randomUUID(), ...(phraseId ? { phraseId } : {})
  }),
  transfer: (id: string, target: { agentId: string } | { toQueue: true }) => call<unknown>('POST', `/v1/agent/conversations/${id}/transfer`, target),
  resolve: (id: string, note: string, returnToBot: boolean) => call<unknown>('POST', `/v1/agent/conversations/${id}/resolve`, { ...(note.trim() ? { note } : {}), returnToBot }),
  quickReplies: (query: { locale: string, q: string, category: string, department: string }) => {
    const params = new URLSearchParams({ locale: query.locale, q: query.q, limit: '20' })
    if (query.category) params.set('category', query.category)
    if (query.department) params.set('department', query.department)
    return call<{ quickReplies: QuickReply[] }>('GET', `/v1/agent/quick-replies?${params.toString()}`)
  }
}

/** Fills {{variables}} with the conversation's values; unknown ones stay visible for the agent to edit. */
export function fillVariables (body: string, variables: Record<string, string>): string {
  return body.replaceAll(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => variables[name] ?? whole)
}
