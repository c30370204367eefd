import { ApiError, type Api } from './api.ts'
import type { UiText } from './locales.ts'
import { decideOnFailure, type Banner } from './failure-policy.ts'
import { HANDED_OFF, statusNotice } from './status-notice.ts'
import { newClientMessageId, type OutboxItem, type SessionStore } from './session.ts'
import type { ConnectLive, LiveConnection } from './live-updates.ts'
import type { ConversationStatus, LiveUpdate, Message, Turn } from './types.ts'
import { saveJsonFile } from './save-json-file.ts'

export type Delivery = 'queued' | 'sending' | 'failed'

export type Entry =
  | { key: string, type: 'message', message: Message, delivery?: Delivery | undefined, error?: string }
  | { key: string, type: 'notice', text: string }

export type ChatState = {
  open: boolean
  entries: Entry[]
  status: ConversationStatus
  /** Waiting for the bot's answer, or an agent is typing. */
  typing: boolean
  banner: Banner
  /** Messages that arrived while the panel was closed. */
  unread: number
  /** A conversation exists at the service (there is data to download or delete). */
  hasConversation: boolean
}

type Options = { api: Api, clinicId: string, locale: string, text: UiText, session: SessionStore, connectLive: ConnectLive }

/**
 * Everything the widget does apart from drawing: the conversation and its token, the outbox of
 * patient messages (each sent with its clientMessageId until the service has answered it, so a
 * retry is never stored twice), live agent messages, and the notices a patient should see.
 */
export function createChatController (options: Options) {
  const { api, session, text } = options
  let state: ChatState = { open: false, entries: [], status: 'bot', typing: false, banner: null, unread: 0, hasConversation: false }
  const listeners = new Set<() => void>()
  const known = new Set<string>()
  let conversation: { id: string, token: string } | undefined
  let outbox: OutboxItem[] = []
  let starting: Promise<void> | undefined
  let pumping = false
  let sending = false
  let agentTyping = false
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let failures = 0
  let cursor: string | undefined
  let historyPending = false
  let live: LiveConnection | undefined

  function update (change: Partial<ChatState>): void {
    state = { ...state, ...change, typing: sending || agentTyping, hasConversation: conversation !== undefined }
    for (const listener of listeners) listener()
  }

  function addEntries (added: Entry[]): void {
    if (added.length === 0) return
    update({ entries: [...state.entries, ...added], unread: state.open ? 0 : state.unread + added.filter((entry) => entry.type === 'message').length })
  }

  function notice (message: string): void {
    addEntries([{ key: `notice-${state.entries.length}-${Date.now()}`, type: 'notice', text: message }])
  }

  function addMessages (messages: Message[], options: { includePatient: boolean }): void {
    const fresh = messages.filter((message) => !known.has(message.id) && (options.includePatient || message.role !== 'patient'))
    for (const message of messages) {
      known.add(message.id)
      cursor = message.id
    }
    addEntries(fresh.map((message) => ({ key: message.id, type: 'message' as const, message })))
  }

  function setDelivery (clientMessageId: string, delivery: Delivery | undefined, error?: string): void {
    update({
      entries: state.entries.map((entry) => entry.key === clientMessageId && entry.type === 'message' ? { ...entry, delivery, ...(error ? { error } : {}) } : entry)
    })
  }

  function setStatus (next: ConversationStatus, agentName?: string, options: { silent?: boolean } = {}): void {
    const said = statusNotice(state.status, next, text, agentName)
    if (state.status === next) return
    update({ status: next })
    followLive()
    if (said && !options.silent) notice(said)
  }

  /** Live updates run while a person has (or is about to take) the conversation. */
  function followLive (): void {
    const wanted = conversation && HANDED_OFF.includes(state.status)
    if (wanted && !live) {
      live = options.connectLive({ api, conversationId: conversation!.id, token: conversation!.token, after: () => cursor, onUpdate: applyLiveUpdate })
    } else if (!wanted && live) {
      live.stop()
      live = undefined
    }
  }

  function applyLiveUpdate (change: LiveUpdate): void {
    if (change.type === 'typing') {
      agentTyping = change.typing
      return notify()
    }
    if (change.type === 'status') return setStatus(change.status, change.agentName)
    const { message } = change
    if (message.role === 'agent') {
      agentTyping = false
      setStatus('with_agent', agentNameOf(message))
    }
    addMessages([message], { includePatient: false })
  }

  function notify (): void {
    update({})
  }

  function saveOutbox (): void {
    session.save({ outbox })
  }

  async function ensureConversation (): Promise<void> {
    if (conversation) return
    starting ??= (async () => {
      const started = await api.start(options.clinicId, options.locale)
      conversation = { id: started.conversation.id, token: started.token }
      session.save({ conversationId: conversation.id, token: conversation.token })
      failures = 0
      addMessages(started.messages, { includePatient: false })
      setStatus(started.conversation.status, undefined, { silent: true })
    })().finally(() => { starting = undefined })
    return starting
  }

  function forgetConversation (): void {
    conversation = undefined
    live?.stop()
    live = undefined
    session.save({ conversationId: undefined, token: undefined })
  }

  /** Sends queued messages one at a time, in order; stops at the first that cannot go yet. */
  async function pump (): Promise<void> {
    if (pumping) return
    pumping = true
    clearTimeout(retryTimer)
    try {
      while (outbox.length > 0) {
        const item = outbox[0]!
        if (!navigator.onLine) return offline()
        try {
          await ensureConversation()
          sending = true
          setDelivery(item.clientMessageId, 'sending')
          const turn = await api.send(conversation!.id, conversation!.token, item)
          outbox.shift()
          saveOutbox()
          failures = 0
          sending = false
          applyTurn(item, turn)
          if (state.banner) update({ banner: null })
        } catch (error) {
          sending = false
          if (!handleFailure(error, item)) return
        }
      }
    } finally {
      pumping = false
      sending = false
      notify()
    }
  }

  function applyTurn (item: OutboxItem, turn: Turn): void {
    const alreadyShown = turn.messages.length > 0 && turn.messages.every((message) => known.has(message.id))
    // An answer we already have: the message was stored before a reload (its reply lost on the way),
    // and the history shows it; drop the local copy instead of showing it twice.
    if (alreadyShown) update({ entries: state.entries.filter((entry) => entry.key !== item.clientMessageId) })
    else setDelivery(item.clientMessageId, undefined)
    addMessages(turn.messages, { includePatient: false })
    setStatus(turn.conversation.status)
  }

  /** True to go on with the next message, false to stop and retry later. */
  function handleFailure (error: unknown, item: OutboxItem): boolean {
    setDelivery(item.clientMessageId, 'queued')
    const decision = decideOnFailure(error, { attempt: ++failures, online: navigator.onLine, text })
    if (decision.action === 'new-conversation' && conversation) {
      forgetConversation()
      notice(text.expired)
      return true
    }
    if (decision.action === 'give-up' || decision.action === 'new-conversation') {
      // (A conversation that could not even be started is refused like a message.)
      outbox.shift()
      saveOutbox()
      setDelivery(item.clientMessageId, 'failed', decision.action === 'give-up' ? decision.reason : undefined)
      return true
    }
    update({ banner: decision.banner })
    if (decision.action === 'retry') retryTimer = setTimeout(() => { pump() }, decision.seconds * 1000)
    return false
  }

  function offline (): void {
    update({ banner: { kind: 'offline', text: text.offline } })
  }

  async function loadHistory (): Promise<void> {
    if (!conversation) return
    historyPending = true
    try {
      const history = await api.messagesAfter(conversation.id, conversation.token)
      const queued = state.entries.filter((entry) => entry.type === 'message' && entry.delivery)
      update({ entries: [] })
      addMessages(history.messages, { includePatient: true })
      addEntries(queued)
      update({ unread: 0 })
      historyPending = false
      const lastAgent = [...history.messages].reverse().find((message) => message.role === 'agent')
      if (history.conversation) setStatus(history.conversation.status, lastAgent && agentNameOf(lastAgent), { silent: true })
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 404)) {
        historyPending = false
        forgetConversation()
      }
    }
  }

  /** Back online: whatever waited for the network (history after a reload, the start, the outbox) goes now. */
  async function onOnline (): Promise<void> {
    if (state.banner?.kind === 'offline') update({ banner: null })
    if (historyPending) await loadHistory()
    if (state.open && !conversation && outbox.length === 0) ensureConversation().catch((error: unknown) => handleStartFailure(error))
    pump()
  }

  return {
    getState: () => state,
    subscribe (listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },

    /** Restores the conversation of this tab (after a reload) and starts listening to the network. */
    async init (): Promise<void> {
      const saved = session.load()
      outbox = saved.outbox ?? []
      addEntries(outbox.map((item) => ({ key: item.clientMessageId, type: 'message' as const, message: { id: item.clientMessageId, role: 'patient' as const, text: item.text }, delivery: 'queued' as const })))
      window.addEventListener('online', onOnline)
      window.addEventListener('offline', offline)
      if (saved.conversationId && saved.token) {
        conversation = { id: saved.conversationId, token: saved.token }
        await loadHistory()
      }
      if (saved.open) this.setOpen(true)
      if (outbox.length > 0) pump()
    },

    setOpen (open: boolean): void {
      update({ open, unread: open ? 0 : state.unread })
      session.save({ open })
      if (open && !conversation) ensureConversation().catch((error: unknown) => handleStartFailure(error))
    },

    send (input: string): void {
      const trimmed = input.trim()
      if (!trimmed) return
      const item = { clientMessageId: newClientMessageId(), text: trimmed.slice(0, 4000) }
      outbox.push(item)
      saveOutbox()
      addEntries([{ key: item.clientMessageId, type: 'message', message: { id: item.clientMessageId, role: 'patient', text: item.text }, delivery: 'queued' }])
      pump()
    },

    /** After a conversation was closed: a fresh one, with a new greeting. */
    restart (): void {
      forgetConversation()
      known.clear()
      cursor = undefined
      update({ entries: [], status: 'bot', banner: null })
      ensureConversation().catch((error: unknown) => handleStartFailure(error))
    },

    /** The patient's copy of what the clinic keeps about this conversation, saved as a file; false when it failed. */
    async downloadData (): Promise<boolean> {
      if (!conversation) return false
      try {
        saveJsonFile(`conversation-${conversation.id}.json`, await api.exportData(conversation.id, conversation.token))
        return true
      } catch {
        return false
      }
    },

    /** Erases the conversation at the service, then here (messages, unsent ones too); false when it failed. */
    async eraseConversation (): Promise<boolean> {
      if (!conversation) return false
      try {
        await api.erase(conversation.id, conversation.token)
      } catch (error) {
        // Already gone (erased in another tab, or on the patient's behalf): forget it here too.
        if (!(error instanceof ApiError && error.status === 404)) return false
      }
      clearTimeout(retryTimer)
      outbox = []
      saveOutbox()
      forgetConversation()
      known.clear()
      cursor = undefined
      update({ entries: [], status: 'closed', banner: null, unread: 0 })
      notice(text.dataErased)
      return true
    },

    dispose (): void {
      clearTimeout(retryTimer)
      live?.stop()
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', offline)
    }
  }

  function handleStartFailure (error: unknown): void {
    const decision = decideOnFailure(error, { attempt: ++failures, online: navigator.onLine, text })
    if (decision.action === 'wait-for-network') return update({ banner: decision.banner })
    const seconds = decision.action === 'retry' ? decision.seconds : 5
    update({ banner: decision.action === 'retry' ? decision.banner : { kind: 'unavailable', text: text.unavailable } })
    retryTimer = setTimeout(() => { if (state.open) ensureConversation().then(() => update({ banner: null }), handleStartFailure) }, seconds * 1000)
  }
}

export type ChatController = ReturnType<typeof createChatController>

export function agentNameOf (message: Message): string | undefined {
  return message.agent?.name ?? message.agentName
}
