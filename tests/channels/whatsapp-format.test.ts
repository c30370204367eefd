import { describe, expect, it } from 'vitest'
import { formatWhatsAppMessage } from '../../src/channels/whatsapp/whatsapp-format.ts'

const now = new Date('2026-12-01T08:00:00Z')
const inside = { clinicId: 'default', userId: '15550001', idempotencyKey: 'k', lastInboundAt: new Date(now.getTime() - 3600_000), now }
const replies = (labels: string[]) => labels.map((label) => ({ label, value: label }))

describe('WhatsApp message format', () => {
  it('sends up to three short quick replies as reply buttons', () => {
    expect(formatWhatsAppMessage({ text: 'Is it getting worse?', quickReplies: replies(['Yes', 'No', "I don't know"]) }, inside, undefined)).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '15550001',
      type: 'interactive',
      interactive: { type: 'button', body: { text: 'Is it getting worse?' }, action: { buttons: [{ type: 'reply', reply: { id: 'Yes', title: 'Yes' } }, { type: 'reply', reply: { id: 'No', title: 'No' } }, { type: 'reply', reply: { id: "I don't know", title: "I don't know" } }] } }
    })
  })

  it('sends more than three (or longer labels) as a list of at most 10 rows with titles of at most 24 characters', () => {
    const body = formatWhatsAppMessage({ text: 'How can I help?', quickReplies: replies(Array.from({ length: 12 }, (_, index) => `Option number ${index} with a long label`)) }, inside, undefined) as { interactive: { type: string, action: { sections: Array<{ rows: Array<{ id: string, title: string, description?: string }> }> } } }
    expect(body.interactive.type).toBe('list')
    const rows = body.interactive.action.sections[0]!.rows
    expect(rows).toHaveLength(10)
    expect(rows.every((row) => [...row.title].length <= 24 && row.id.length <= 200)).toBe(true)
    expect(rows[0]!.description).toBe('Option number 0 with a long label')
  })

  it('sends plain text without quick replies', () => {
    expect(formatWhatsAppMessage({ text: 'Hello' }, inside, undefined)).toMatchObject({ type: 'text', text: { body: 'Hello', preview_url: false } })
  })

  it('outside the 24-hour window: the template, or nothing at all without one', () => {
    const outside = { ...inside, lastInboundAt: new Date(now.getTime() - 25 * 3600_000) }
    expect(formatWhatsAppMessage({ text: 'Hi' }, outside, undefined)).toBeNull()
    expect(formatWhatsAppMessage({ text: 'Hi' }, { ...inside, lastInboundAt: null }, undefined)).toBeNull()
    expect(formatWhatsAppMessage({ text: 'Hi\tthere' }, outside, { name: 'update', language: 'zh_CN' })).toMatchObject({ type: 'template', template: { name: 'update', language: { code: 'zh_CN' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Hi there' }] }] } })
  })
})
