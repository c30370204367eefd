import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBookingService } from '../../src/appointments/booking-service.ts'
import { inboundJobKey, inboundOrderKey, openJobPrivate } from '../../src/channels/channel-job-payload.ts'
import { createChannelStore } from '../../src/channels/channel-store.ts'
import { createConversationStore } from '../../src/conversations/conversation-store.ts'
import { migrate, readMigrations } from '../../src/db/migrate.ts'
import { checkKeyRing } from '../../src/privacy/check-key-ring.ts'
import { encryptLegacyPlaintext } from '../../src/privacy/key-rotation.ts'
import { readKeyStatus } from '../../src/privacy/key-status.ts'
import { createMessageCipher } from '../../src/privacy/message-cipher.ts'
import { sealValue } from '../../src/privacy/sealed-value.ts'
import { createBookableClinic, fixedClock, slotAt } from '../appointments/appointment-fixtures.ts'
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts'

// A database written by the version before migration 0018 (plain channel users, flow state, receipt
// answers, a plain and a 'sealed:' appointment contact, plain channel jobs), then upgraded: the
// start-up backfill encrypts and hashes it all, and every read path finds it again.
const cipher = createMessageCipher([{ id: 'k1', key: randomBytes(32) }])
const CLINIC = 'legacy-clinic'
const NUMBER = '8613955556666'
const OPENID = 'o-legacy-openid-1234'
const PHONE = '+8613955556666'
const SECRETS = [NUMBER, '13955556666', OPENID, 'legacy knee swelling', 'Old Patient Name', '王老五', 'wamid.LEGACY', 'wamid.out1', 'please call me back',
  createHash('sha256').update(PHONE).digest('hex')]
const clock = fixedClock('2026-12-02T02:00:00Z')

describe('plaintext of earlier versions, after the upgrade', () => {
  let testDatabase: TestDatabase
  const ids = { whatsapp: randomUUID(), web: randomUUID(), references: ['APT-01D0K1', 'APT-01D0K2'] }
  const query = (sql: string, values: unknown[] = []) => testDatabase.database.query(sql, values)

  beforeAll(async () => {
    testDatabase = await createTestDatabase('legacy-backfill', { migrated: false })
    const migrations = await readMigrations()
    await migrate(testDatabase.database, migrations.filter((migration) => migration.id < 18))
    await writeAsTheEarlierVersion()
    await migrate(testDatabase.database, migrations)
  }, 120_000)
  afterAll(async () => { await testDatabase.cleanup() })

  async function writeAsTheEarlierVersion (): Promise<void> {
    const state = { active: { flow: 'triage', step: 'duration', slots: { symptom: 'legacy knee swelling', name: 'Old Patient Name' } }, suspended: [] }
    await query(`INSERT INTO conversations (id, clinic_id, channel, channel_user_id, locale, token_hash, state) VALUES
      ($1, 'default', 'whatsapp', $3, 'en', $4, $5), ($2, 'default', 'web', NULL, 'en', $4, '{}')`, [ids.whatsapp, ids.web, NUMBER, randomBytes(32), JSON.stringify(state)])
    const body = cipher.encrypt('my knee is swollen')
    await query("INSERT INTO messages (id, clinic_id, conversation_id, role, body_ciphertext, body_key_id) VALUES ($1, 'default', $2, 'patient', $3, $4)", [randomUUID(), ids.whatsapp, body.ciphertext, body.keyId])
    await query("INSERT INTO inbound_receipts (channel, external_id, conversation_id, response) VALUES ('whatsapp', 'default:wamid.LEGACY1', $1, $2)",
      [ids.whatsapp, JSON.stringify({ messages: [{ text: 'About your legacy knee swelling' }] })])
    await createBookableClinic(testDatabase.database, CLINIC)
    const sealedName = cipher.encrypt('王老五')
    const contacts = [[`sealed:k1:${sealedName.ciphertext.toString('base64')}`, PHONE], ['Old Patient Name', PHONE]]
    for (const [index, [name, phone]] of contacts.entries()) {
      await query(`INSERT INTO appointments (clinic_id, reference, slot_id, department, doctor_id, patient_name, patient_phone, phone_hash)
        VALUES ($1, $2, $3, 'general_medicine', 'dr-wang', $4, $5, $6)`,
      [CLINIC, ids.references[index], await slotAt(testDatabase.database, CLINIC, `2026-12-03T0${9 + index}:00:00+08:00`), name, phone, createHash('sha256').update(phone!).digest('hex')])
    }
    await query("INSERT INTO channel_users (clinic_id, channel, user_id, last_inbound_at) VALUES ('default', 'whatsapp', $1, '2026-12-02T01:00:00Z')", [NUMBER])
    await query("INSERT INTO channel_deliveries (channel, provider_message_id, idempotency_key, clinic_id, user_id, status, status_rank, updated_at) VALUES ('whatsapp', 'wamid.out1', 'whatsapp:out:m1', 'default', $1, 'read', 3, now())", [NUMBER])
    const text = sealValue(cipher, 'please call me back')
    const jobs = [
      ['channel.inbound', 'whatsapp:in:default:wamid.LEGACY2', `in:whatsapp:default:${NUMBER}`, { channel: 'whatsapp', clinicId: 'default', userId: NUMBER, externalId: 'wamid.LEGACY2', receivedAt: '2026-12-02T01:00:00Z', type: 'text', text }],
      ['channel.send', 'whatsapp:out:m1', `out:whatsapp:default:${NUMBER}`, { channel: 'whatsapp', clinicId: 'default', userId: NUMBER, conversationId: ids.whatsapp, messageId: 'm1', text, quickReplies: [] }],
      // Withdrawn when the user unsubscribed: the payload is gone, the keys still named the user.
      ['channel.inbound', `wechat:in:default:${OPENID}:1700000000:subscribe:`, `in:wechat:default:${OPENID}`, {}]
    ] as const
    for (const [kind, key, order, payload] of jobs) {
      await query("INSERT INTO delivery_jobs (kind, idempotency_key, order_key, payload, status, run_at, created_at, updated_at) VALUES ($1, $2, $3, $4, 'done', now(), now(), now())",
        [kind, key, order, JSON.stringify(payload)])
    }
  }

  const everyRow = async () => {
    const tables = ['conversations', 'messages', 'inbound_receipts', 'appointments', 'channel_users', 'channel_deliveries', 'delivery_jobs']
    return JSON.stringify(await Promise.all(tables.map(async (table) => (await query(`SELECT * FROM ${table}`)).rows)))
  }

  it('keeps the earlier plaintext readable, out of reach of new writes, until the backfill', async () => {
    expect(await everyRow()).toContain(NUMBER)
    expect((await readKeyStatus(testDatabase.database, cipher)).complete).toBe(false)
    // No code path can write a plain column again: the NOT VALID check refuses it.
    await expect(query("INSERT INTO conversations (id, clinic_id, channel, legacy_channel_user_id, locale, token_hash) VALUES ($1, 'default', 'whatsapp', '1', 'en', '\\x00')", [randomUUID()]))
      .rejects.toThrow(/conversations_no_plaintext/)
  })

  it('encrypts and hashes all of it at start-up, and leaves no plaintext anywhere', async () => {
    const result = await encryptLegacyPlaintext({ database: testDatabase.database, cipher })
    expect(result).toMatchObject({ complete: true, rewritten: { conversations: 2, inbound_receipts: 1, appointments: 2, channel_users: 1, channel_deliveries: 1, delivery_jobs: 3 } })
    const stored = await everyRow()
    for (const secret of SECRETS) expect(stored.includes(secret), `still stored: ${secret}`).toBe(false)
    expect((await readKeyStatus(testDatabase.database, cipher)).complete).toBe(true)
    await checkKeyRing(testDatabase.database, cipher)
    expect(await encryptLegacyPlaintext({ database: testDatabase.database, cipher })).toEqual({ complete: true, aborted: false, rewritten: {}, remaining: {} })
  })

  it('finds everything again through the normal read paths', async () => {
    const conversations = createConversationStore(testDatabase.database, cipher)
    const returning = await conversations.findByChannelUser({ clinicId: 'default', channel: 'whatsapp', channelUserId: NUMBER })
    expect(returning).toMatchObject({ id: ids.whatsapp, channelUserId: NUMBER, state: { active: { slots: { symptom: 'legacy knee swelling' } } } })
    expect((await conversations.find(ids.web))!.state).toEqual({})
    expect(await conversations.findReceipt('whatsapp', 'default:wamid.LEGACY1')).toEqual({ messages: [{ text: 'About your legacy knee swelling' }] })
    const booking = createBookingService({ db: testDatabase.database, clock, cipher })
    const patients = await Promise.all(ids.references.map(async (reference) => {
      const found = await booking.lookupAppointment({ clinicId: CLINIC, reference, phone: '139 5555 6666' })
      return found.ok ? found.appointment.patient : null
    }))
    expect(patients).toEqual([{ name: '王老五', phoneMasked: '+86139****6666' }, { name: 'Old Patient Name', phoneMasked: '+86139****6666' }])
    const user = { clinicId: 'default', channel: 'whatsapp' as const, userId: NUMBER }
    const channels = createChannelStore(testDatabase.database, cipher)
    expect(await channels.lastInboundAt(user)).toEqual(new Date('2026-12-02T01:00:00Z'))
    expect(await channels.findDelivery('whatsapp', 'wamid.out1')).toMatchObject({ idempotencyKey: 'whatsapp:out:m1', status: 'read' })
    // The earlier job's keys are the ones this version computes: a provider's retry of that event is still taken once.
    const job = (await query('SELECT order_key, payload FROM delivery_jobs WHERE idempotency_key = $1',
      [inboundJobKey(cipher.lookup, { channel: 'whatsapp', clinicId: 'default', externalId: 'wamid.LEGACY2' })])).rows[0]!
    expect(job.order_key).toBe(inboundOrderKey(cipher.lookup, user))
    expect(openJobPrivate(cipher, job.payload as Record<string, unknown>)).toEqual({ userId: NUMBER, externalId: 'wamid.LEGACY2', text: 'please call me back' })
  })
})
