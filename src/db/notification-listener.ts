import pg from 'pg'
import type { NotificationHandlers } from './database.ts'

export type NotificationListener = {
  listen: (channel: string, handlers: NotificationHandlers) => Promise<() => Promise<void>>
  close: () => Promise<void>
}

const MAX_RECONNECT_DELAY_MS = 5000

/**
 * One dedicated connection per process that LISTENs for every subscribed channel (a pooled
 * connection cannot: the pool hands it to others). When the connection is lost it is made again
 * with a growing delay, every channel is listened to again, and subscribers are told to re-read
 * (notifications sent while it was down are gone).
 */
export function createNotificationListener (clientConfig: pg.ClientConfig): NotificationListener {
  const subscribers = new Map<string, Set<NotificationHandlers>>()
  let client: pg.Client | null = null
  let connecting: Promise<pg.Client> | null = null
  let closed = false
  let failures = 0
  let reconnectTimer: NodeJS.Timeout | null = null

  async function connect (): Promise<pg.Client> {
    const fresh = new pg.Client(clientConfig)
    fresh.on('error', () => lost(fresh))
    fresh.on('end', () => lost(fresh))
    fresh.on('notification', (message) => {
      for (const handlers of subscribers.get(message.channel) ?? []) handlers.onNotification(message.payload ?? '')
    })
    await fresh.connect()
    for (const channel of subscribers.keys()) await fresh.query(`LISTEN ${identifier(channel)}`)
    return fresh
  }

  function ensureConnected (): Promise<pg.Client> {
    if (client) return Promise.resolve(client)
    connecting ??= connect().then((connected) => {
      client = connected
      failures = 0
      return connected
    }).finally(() => { connecting = null })
    return connecting
  }

  function lost (which: pg.Client): void {
    if (client !== which) return
    client = null
    which.end().catch(() => {})
    scheduleReconnect()
  }

  function scheduleReconnect (): void {
    if (closed || reconnectTimer) return
    const delay = Math.min(MAX_RECONNECT_DELAY_MS, 100 * 2 ** failures)
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null
      ensureConnected().then(() => {
        for (const handlers of [...subscribers.values()].flatMap((set) => [...set])) handlers.onResync?.()
      }, () => {
        failures += 1
        scheduleReconnect()
      })
    }, delay)
    reconnectTimer.unref()
  }

  return {
    async listen (channel, handlers) {
      identifier(channel)
      if (closed) throw new Error('the notification listener is closed')
      const known = subscribers.get(channel)
      if (known) known.add(handlers)
      else {
        subscribers.set(channel, new Set([handlers]))
        try {
          const connected = await ensureConnected()
          // A fresh connection listened already; an existing one needs telling.
          await connected.query(`LISTEN ${identifier(channel)}`)
        } catch {
          // The database is away: keep trying; the subscriber is told to re-read once listening.
          scheduleReconnect()
        }
      }
      return async () => {
        const set = subscribers.get(channel)
        set?.delete(handlers)
        if (set && set.size === 0) {
          subscribers.delete(channel)
          await client?.query(`UNLISTEN ${identifier(channel)}`).catch(() => {})
        }
      }
    },
    async close () {
      closed = true
      if (reconnectTimer) clearTimeout(reconnectTimer)
      const current = client
      client = null
      await current?.end().catch(() => {})
    }
  }
}

function identifier (channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`)
  return channel
}
