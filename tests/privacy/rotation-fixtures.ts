import { randomBytes } from 'node:crypto'
import { expect } from 'vitest'
import { createBookingService } from '../../src/appointments/booking-service.ts'
import { createConversationStore, type NewMessage } from '../../src/conversations/conversation-store.ts'
import type { Database } from '../../src/db/database.ts'
import { createMessageCipher, type KeyRingEntry, type MessageCipher } from '../../src/privacy/message-cipher.ts'
import { createBookableClinic, fixedClock, slotAt } from '../appointments/appointment-fixtures.ts'

export const MESSAGE_COUNT = 10_000
export const WHATSAPP_USER = '8613900001111'
const CLINIC = 'rotation-clinic'
const PATIENT = { clinicId: CLINIC, patientName: '林小雨', phone: '13812345678' }
const clock = fixedClock('2026-12-02T02:00:00Z')

export type SeededData = { conversationId: string, whatsappConversationId: string, reference: string }

/** Two keys, and the rings before (old key only), during (new key first) and after (new key only) a rotation. */
export function keyRings () {
  const oldKey: KeyRingEntry = { id: 'k1', key: randomBytes(32) }
  const newKey: KeyRingEntry = { id: 'k2', key: randomBytes(32) }
  const text = (entries: KeyRingEntry[]) => entries.map(({ id, key }) => `${id}:${key.toString('base64')}`).join(',')
  return {
    before: createMessageCipher([oldKey]),
    during: createMessageCipher([newKey, oldKey]),
    after: createMessageCipher([newKey]),
    environment: { before: text([oldKey]), during: text([newKey, oldKey]), after: text([newKey]) }
  }
}

export const messageText = (index: number) => `patient words #${index}: 胸口闷了三天 ${index}`

/**
 * Through the stores' own write paths: a web conversation with 10,000 messages and triage slots in
 * its state, a WhatsApp user's conversation, and a booking (name and phone).
 */
export async function seedPatientData (database: Database, cipher: MessageCipher): Promise<SeededData> {
  const store = createConversationStore(database, cipher)
  const now = new Date('2026-12-01T00:00:00Z')
  const { id } = await store.create({ clinicId: 'default', channel: 'web', locale: 'en', now })
  for (let start = 0; start < MESSAGE_COUNT; start += 1000) {
    const conversation = (await store.find(id))!
    const messages: NewMessage[] = Array.from({ length: 1000 }, (_, offset) => ({
      id: crypto.randomUUID(), role: 'patient', kind: 'text', text: messageText(start + offset), createdAt: new Date(now.getTime() + start + offset)
    }))
    const state = { active: { flow: 'triage', step: 'duration', slots: { symptom: 'chest tightness since Monday' } }, suspended: [] }
    expect(await store.saveTurn({ conversation: { ...conversation, state }, expectedVersion: conversation.version, messages, guardEvents: [], now })).toBe(true)
  }
  const whatsapp = await store.create({ clinicId: 'default', channel: 'whatsapp', channelUserId: WHATSAPP_USER, locale: 'en', now })
  await createBookableClinic(database, CLINIC)
  const booked = await createBookingService({ db: database, clock, cipher }).bookAppointment({ ...PATIENT, slotId: await slotAt(database, CLINIC, '2026-12-03T09:00:00+08:00') })
  if (!booked.ok) throw new Error(`booking failed: ${booked.reason}`)
  return { conversationId: id, whatsappConversationId: whatsapp.id, reference: booked.appointment.reference }
}

/** Everything seeded reads back through the normal read paths with `cipher` (after a rotation: the new key alone). */
export async function expectEverythingReadable (database: Database, cipher: MessageCipher, seeded: SeededData): Promise<void> {
  const store = createConversationStore(database, cipher)
  const messages = await store.listMessages(seeded.conversationId, MESSAGE_COUNT + 1)
  expect(messages).toHaveLength(MESSAGE_COUNT)
  const wrong = messages.filter((message, index) => message.text !== messageText(index))
  expect(wrong).toEqual([])
  expect((await store.find(seeded.conversationId))!.state).toMatchObject({ active: { slots: { symptom: 'chest tightness since Monday' } } })
  const returning = await store.findByChannelUser({ clinicId: 'default', channel: 'whatsapp', channelUserId: WHATSAPP_USER })
  expect(returning).toMatchObject({ id: seeded.whatsappConversationId, channelUserId: WHATSAPP_USER })
  const lookup = await createBookingService({ db: database, clock, cipher }).lookupAppointment({ clinicId: CLINIC, reference: seeded.reference, phone: PATIENT.phone })
  expect(lookup.ok && lookup.appointment.patient).toEqual({ name: '林小雨', phoneMasked: '+86138****5678' })
}
