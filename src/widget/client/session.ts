/**
 * What survives a reload of the page, in sessionStorage (this tab only, gone when it closes): the
 * conversation and its token, whether the panel was open, and messages not yet sent.
 */
export type OutboxItem = { clientMessageId: string, text: string }

export type SavedSession = {
  conversationId?: string
  token?: string
  open?: boolean
  outbox?: OutboxItem[]
}

export function createSessionStore (clinicId: string) {
  const key = `clinic-chat-widget:${clinicId}`
  let memory: SavedSession = {}
  return {
    load (): SavedSession {
      try {
        memory = JSON.parse(sessionStorage.getItem(key) ?? '{}') as SavedSession
      } catch {
        // Storage blocked (privacy mode, sandboxed frame): the widget still works for this page view.
      }
      return memory
    },
    save (change: Partial<SavedSession>): void {
      memory = { ...memory, ...change }
      try {
        sessionStorage.setItem(key, JSON.stringify(memory))
      } catch {
        // See load(): keep going in memory.
      }
    }
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>

/** A random id for one patient message: retries carry the same id, so the service answers it once. */
export function newClientMessageId (): string {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
