import type { Message, Started, Turn, WidgetSettings } from './types.ts'

/** The request never reached the service (offline, DNS, connection reset): safe to send again. */
export class NetworkError extends Error {
  override name = 'NetworkError'
}

/** The service answered with an error ({"error":{"code","message"}}). */
export class ApiError extends Error {
  override name = 'ApiError'
  readonly status: number
  readonly code: string
  /** Seconds from Retry-After (429, 503), when given. */
  readonly retryAfter: number | undefined

  constructor (status: number, code: string, message: string, retryAfter: number | undefined) {
    super(message)
    this.status = status
    this.code = code
    this.retryAfter = retryAfter
  }
}

export type Api = ReturnType<typeof createApi>

/** The public conversation API, from the origin that served widget.js. */
export function createApi (baseUrl: string) {
  async function request<Result> (path: string, init: { method?: string, token?: string, body?: unknown } = {}): Promise<Result> {
    const headers: Record<string, string> = {}
    if (init.token) headers.authorization = `Bearer ${init.token}`
    if (init.body !== undefined) headers['content-type'] = 'application/json'
    let response: Response
    try {
      response = await fetch(baseUrl + path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), credentials: 'omit', cache: 'no-store' })
    } catch {
      throw new NetworkError('network unreachable')
    }
    if (response.status === 204) return undefined as Result
    if (response.ok) return await response.json() as Result
    const payload = await response.json().catch(() => ({})) as { error?: { code?: string, message?: string } }
    const retryAfter = Number(response.headers.get('retry-after'))
    throw new ApiError(response.status, payload.error?.code ?? 'HTTP_ERROR', payload.error?.message ?? response.statusText, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined)
  }

  return {
    baseUrl,
    settings: (clinicId: string) => request<WidgetSettings>(`/v1/clinics/${encodeURIComponent(clinicId)}/widget`),
    start: (clinicId: string, locale: string) => request<Started>('/v1/conversations', { method: 'POST', body: { clinicId, locale, channel: 'web' } }),
    send: (conversationId: string, token: string, body: { text: string, clientMessageId: string }) =>
      request<Turn>(`/v1/conversations/${conversationId}/messages`, { method: 'POST', token, body }),
    /** Messages after one (all of them without `after`), agent replies included. */
    messagesAfter: (conversationId: string, token: string, after?: string) =>
      request<{ messages: Message[], conversation?: Turn['conversation'] }>(`/v1/conversations/${conversationId}/messages${after ? `?after=${encodeURIComponent(after)}` : ''}`, { token }),
    /** Everything the clinic keeps about this conversation (the patient's copy). */
    exportData: (conversationId: string, token: string) => request<unknown>(`/v1/conversations/${conversationId}/export`, { token }),
    /** Erases the conversation everywhere; the token stops working. */
    erase: (conversationId: string, token: string) => request<void>(`/v1/conversations/${conversationId}`, { method: 'DELETE', token })
  }
}
