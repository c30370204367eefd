import type { Api } from './api.ts'
import type { ConversationStatus, LiveUpdate, Message } from './types.ts'

export type LiveConnection = { stop: () => void }

export type ConnectLive = (options: {
  api: Api
  conversationId: string
  token: string
  /** The last message the widget has: the stream and the polls start after it. */
  after: () => string | undefined
  onUpdate: (update: LiveUpdate) => void
}) => LiveConnection

const POLL_MS = 3000
// EventSource retries by itself; after this many failures without an open stream, poll instead
// (a proxy that buffers or blocks event streams never lets one open).
const STREAM_ATTEMPTS = 3

/**
 * Agent messages and status changes as they happen: Server-Sent Events from
 * GET /v1/conversations/:id/events, falling back to polling GET …/messages?after= when the
 * stream cannot be held open.
 */
export const connectLive: ConnectLive = (options) => {
  let stopped = false
  let source: EventSource | undefined
  let pollTimer: ReturnType<typeof setTimeout> | undefined
  let failures = 0

  function streamUrl (): string {
    const query = new URLSearchParams({ token: options.token })
    const after = options.after()
    if (after) query.set('after', after)
    return `${options.api.baseUrl}/v1/conversations/${options.conversationId}/events?${query.toString()}`
  }

  function stream (): void {
    source = new EventSource(streamUrl())
    source.addEventListener('open', () => { failures = 0 })
    source.addEventListener('status', (event) => {
      const state = JSON.parse((event as MessageEvent<string>).data) as { status: ConversationStatus }
      options.onUpdate({ type: 'status', status: state.status })
    })
    source.addEventListener('message', (event) => {
      options.onUpdate({ type: 'message', message: JSON.parse(event.data) as Message })
    })
    source.addEventListener('error', () => {
      failures++
      if (source?.readyState === EventSource.CLOSED || failures >= STREAM_ATTEMPTS) {
        source?.close()
        source = undefined
        if (!stopped) poll()
      }
    })
  }

  async function poll (): Promise<void> {
    if (stopped) return
    try {
      const page = await options.api.messagesAfter(options.conversationId, options.token, options.after())
      for (const message of page.messages) options.onUpdate({ type: 'message', message })
      if (page.conversation) options.onUpdate({ type: 'status', status: page.conversation.status })
    } catch {
      // Offline or busy: the next poll tries again.
    }
    if (!stopped) pollTimer = setTimeout(() => { poll() }, POLL_MS)
  }

  if (typeof EventSource === 'function') stream()
  else poll()

  return {
    stop () {
      stopped = true
      source?.close()
      clearTimeout(pollTimer)
    }
  }
}
