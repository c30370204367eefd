import type { InboundEvent } from '../channel-adapter.ts'

export type WhatsAppStatus = { providerMessageId: string, status: string, recipientId: string | null, at: Date, errors: unknown }

export type WhatsAppNotification = { phoneNumberId: string | null, events: InboundEvent[], statuses: WhatsAppStatus[] }

type Json = Record<string, unknown>

/**
 * Reads a webhook notification: every entry, change, message and status (never only [0]).
 * Text, interactive button/list replies and template quick-reply buttons become text turns (the
 * id of the tapped reply is the quick reply's value); media, locations, stickers, reactions and
 * the like are unsupported. Unknown fields are tolerated.
 */
export function readWhatsAppNotification (body: unknown, clinicId: string, now: Date): WhatsAppNotification[] {
  const notifications: WhatsAppNotification[] = []
  for (const entry of arrayOf(asObject(body)?.entry)) {
    for (const change of arrayOf(asObject(entry)?.changes)) {
      const value = asObject(asObject(change)?.value)
      if (!value) continue
      const phoneNumberId = stringOf(asObject(value.metadata)?.phone_number_id)
      const events: InboundEvent[] = []
      for (const raw of arrayOf(value.messages)) {
        const message = asObject(raw)
        const id = stringOf(message?.id)
        const from = stringOf(message?.from)
        if (!message || !id || !from) continue
        const timestamp = Number(stringOf(message.timestamp))
        const receivedAt = Number.isFinite(timestamp) && timestamp > 0 ? new Date(timestamp * 1000) : now
        const common = { channel: 'whatsapp' as const, clinicId, userId: from, externalId: id, receivedAt }
        const text = textOf(message)
        events.push(text === null ? { ...common, type: 'unsupported', detail: stringOf(message.type) ?? 'unknown' } : { ...common, type: 'text', text })
      }
      const statuses = arrayOf(value.statuses).flatMap((raw): WhatsAppStatus[] => {
        const status = asObject(raw)
        const id = stringOf(status?.id)
        const state = stringOf(status?.status)
        if (!status || !id || !state) return []
        const timestamp = Number(stringOf(status.timestamp))
        return [{ providerMessageId: id, status: state, recipientId: stringOf(status.recipient_id), at: Number.isFinite(timestamp) && timestamp > 0 ? new Date(timestamp * 1000) : now, errors: status.errors ?? null }]
      })
      notifications.push({ phoneNumberId, events, statuses })
    }
  }
  return notifications
}

function textOf (message: Json): string | null {
  const type = stringOf(message.type)
  if (type === 'text') return nonEmpty(stringOf(asObject(message.text)?.body))
  if (type === 'interactive') {
    const interactive = asObject(message.interactive)
    const reply = asObject(interactive?.button_reply) ?? asObject(interactive?.list_reply)
    return nonEmpty(stringOf(reply?.id)) ?? nonEmpty(stringOf(reply?.title))
  }
  if (type === 'button') {
    const button = asObject(message.button)
    return nonEmpty(stringOf(button?.payload)) ?? nonEmpty(stringOf(button?.text))
  }
  return null
}

function nonEmpty (text: string | null): string | null {
  return text && text.trim() ? text : null
}

function asObject (value: unknown): Json | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? value as Json : null
}

function arrayOf (value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

function stringOf (value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null
}
