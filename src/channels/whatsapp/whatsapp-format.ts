import type { OutboundText, SendContext } from '../channel-adapter.ts'

export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 3600 * 1000

const LIMITS = { text: 4096, interactiveBody: 1024, buttonTitle: 20, buttons: 3, listButton: 20, rowTitle: 24, rowDescription: 72, rows: 10, id: 200, templateParameter: 1024 }

export type WhatsAppTemplate = { name: string, language: string }

/**
 * The Cloud API body of one reply: up to 3 short quick replies as reply buttons, more (or longer
 * labels) as a list of at most 10 rows; plain text otherwise. Outside the 24-hour window only the
 * clinic's approved template may go out; without one the send cannot be made (null).
 */
export function formatWhatsAppMessage (message: OutboundText, context: SendContext, template: WhatsAppTemplate | undefined): Record<string, unknown> | null {
  const base = { messaging_product: 'whatsapp', recipient_type: 'individual', to: context.userId }
  const insideWindow = context.lastInboundAt !== null && context.now.getTime() - context.lastInboundAt.getTime() < CUSTOMER_SERVICE_WINDOW_MS
  if (!insideWindow) {
    if (!template) return null
    return {
      ...base,
      type: 'template',
      template: {
        name: template.name,
        language: { code: template.language },
        // Template parameters may not hold newlines or tabs.
        components: [{ type: 'body', parameters: [{ type: 'text', text: clip(message.text.replace(/\s*\n\s*/g, ' ').replace(/\t/g, ' '), LIMITS.templateParameter) }] }]
      }
    }
  }
  const replies = uniqueByValue(message.quickReplies ?? [])
  if (replies.length === 0 || message.text.length > LIMITS.interactiveBody) {
    return { ...base, type: 'text', text: { body: clip(message.text, LIMITS.text), preview_url: false } }
  }
  const body = { text: message.text }
  if (replies.length <= LIMITS.buttons && replies.every((reply) => reply.label.length <= LIMITS.buttonTitle)) {
    return {
      ...base,
      type: 'interactive',
      interactive: { type: 'button', body, action: { buttons: replies.map((reply) => ({ type: 'reply', reply: { id: clip(reply.value.trim(), LIMITS.id), title: reply.label } })) } }
    }
  }
  const rows = replies.slice(0, LIMITS.rows).map((reply) => ({
    id: clip(reply.value.trim(), LIMITS.id),
    title: clip(reply.label, LIMITS.rowTitle),
    ...(reply.label.length > LIMITS.rowTitle ? { description: clip(reply.label, LIMITS.rowDescription) } : {})
  }))
  return { ...base, type: 'interactive', interactive: { type: 'list', body, action: { button: /[\u4e00-\u9fff]/.test(message.text) ? '选择' : 'Choose', sections: [{ rows }] } } }
}

function uniqueByValue<Reply extends { value: string, label: string }> (replies: Reply[]): Reply[] {
  const seen = new Set<string>()
  return replies.filter((reply) => {
    const key = reply.value.trim()
    if (!key || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function clip (text: string, limit: number): string {
  const characters = [...text]
  return characters.length <= limit ? text : `${characters.slice(0, limit - 1).join('')}…`
}
