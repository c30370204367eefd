export type ServerSentEvent = { event: string, id: string | null, data: string }

export type SseClient = {
  /** Every event received so far, in order. */
  events: ServerSentEvent[]
  /** Resolves with the first event (from the start) that matches, waiting for it if need be. */
  waitFor: (predicate: (event: ServerSentEvent) => boolean, description?: string) => Promise<ServerSentEvent>
  close: () => void
}

const WAIT_LIMIT_MS = 15_000

/** Opens a real Server-Sent Events stream over HTTP and parses it as a browser's EventSource would. */
export async function openSse (url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const controller = new AbortController()
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal })
  if (response.status !== 200 || !response.body) throw new Error(`SSE ${url} answered ${response.status}: ${await response.text()}`)
  const events: ServerSentEvent[] = []
  const waiters = new Set<() => void>()
  const reading = (async () => {
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const parsed = parseBlock(block)
          if (parsed) {
            events.push(parsed)
            for (const waiter of waiters) waiter()
          }
        }
      }
    } catch {
      // aborted by close()
    }
  })()
  reading.catch(() => {})
  return {
    events,
    waitFor (predicate, description = 'an event') {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate)
          if (!found) return false
          waiters.delete(check)
          clearTimeout(timer)
          resolve(found)
          return true
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no SSE event matched ${description}; got ${JSON.stringify(events.map((event) => `${event.event} ${event.data.slice(0, 80)}`))}`))
        }, WAIT_LIMIT_MS)
        if (!check()) waiters.add(check)
      })
    },
    close: () => controller.abort()
  }
}

function parseBlock (block: string): ServerSentEvent | null {
  let event = 'message'
  let id: string | null = null
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line.startsWith(':') || line === '') continue
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') event = value
    else if (field === 'id') id = value
    else if (field === 'data') data.push(value)
  }
  return data.length ? { event, id, data: data.join('\n') } : null
}
