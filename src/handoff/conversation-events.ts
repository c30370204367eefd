import type { Database } from '../db/database.ts'

/** What the database announces (migration 0011's triggers): a new message, or a changed handoff state. */
export type ConversationEvent =
  | { type: 'message', clinicId: string, conversationId: string, messageId: string, role: string }
  | { type: 'conversation', clinicId: string, conversationId: string, status: string, priority: string | null }
  /** An emergency has waited too long: supervisors are alerted again. */
  | { type: 'alert', clinicId: string, conversationId: string, reason: string }
  /** The listening connection was lost for a while: anything may have changed. */
  | { type: 'resync' }

export type ConversationEventFilter = { clinicId?: string, conversationId?: string }

type Subscriber = { filter: ConversationEventFilter, handler: (event: ConversationEvent) => void }

/**
 * The process's one LISTEN on its schema's channel, fanned out to every SSE stream in this process.
 * Every instance of the service listens, so a change written by any instance reaches all streams.
 */
export function createConversationEvents (database: Database) {
  const subscribers = new Set<Subscriber>()
  let started: Promise<() => Promise<void>> | null = null
  let channelName: Promise<string> | null = null
  const channel = (): Promise<string> => {
    channelName ??= database.query<{ schema: string }>('SELECT current_schema() AS schema').then((result) => `conv_events_${result.rows[0]?.schema ?? 'public'}`)
    return channelName
  }

  function deliver (event: ConversationEvent): void {
    for (const subscriber of subscribers) {
      if (event.type === 'resync' || matches(subscriber.filter, event)) subscriber.handler(event)
    }
  }

  return {
    /** Starts listening (once); call before serving so no stream misses an early change. */
    start (): Promise<void> {
      started ??= (async () => {
        return database.listen(await channel(), {
          onNotification: (payload) => {
            const event = parse(payload)
            if (event) deliver(event)
          },
          onResync: () => deliver({ type: 'resync' })
        })
      })()
      return started.then(() => {})
    },

    /** The NOTIFY channel of this schema (migration 0011's triggers send on it). */
    channel,

    /** The handler gets the events that match; returns the function that unsubscribes. */
    subscribe (filter: ConversationEventFilter, handler: (event: ConversationEvent) => void): () => void {
      const subscriber = { filter, handler }
      subscribers.add(subscriber)
      return () => { subscribers.delete(subscriber) }
    },

    async stop (): Promise<void> {
      subscribers.clear()
      const stop = await started?.catch(() => null)
      started = null
      await stop?.().catch(() => {})
    }
  }
}

export type ConversationEvents = ReturnType<typeof createConversationEvents>

function matches (filter: ConversationEventFilter, event: { clinicId: string, conversationId: string }): boolean {
  return (!filter.clinicId || filter.clinicId === event.clinicId) && (!filter.conversationId || filter.conversationId === event.conversationId)
}

function parse (payload: string): ConversationEvent | null {
  try {
    const event = JSON.parse(payload) as ConversationEvent
    return event.type === 'message' || event.type === 'conversation' || event.type === 'alert' ? event : null
  } catch {
    return null
  }
}
