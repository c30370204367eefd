import { randomBytes } from 'node:crypto'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { createConversationStore } from '../../src/conversations/conversation-store.ts'
import { createDependencies, type AppDependencies } from '../../src/deps.ts'
import { checkKeyRing } from '../../src/privacy/check-key-ring.ts'
import { createConfiguredCipher } from '../../src/privacy/configured-cipher.ts'
import { rotateKeys } from '../../src/privacy/key-rotation.ts'
import { readKeyStatus } from '../../src/privacy/key-status.ts'
import { createMessageCipher, parseKeyRing } from '../../src/privacy/message-cipher.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'

// A WhatsApp user is found again by the HMAC of their number (never by the number, which is not
// stored), also while and after the lookup key rotates; a wrong or missing key is a clear error.
const key = () => randomBytes(32).toString('base64')
const ENCRYPTION_KEYS = `k1:${key()}`
const LOOKUP_1 = `l1:${key()}`
const LOOKUP_2 = `l2:${key()}`
const NUMBER = '8613911112222'
const OTHER_NUMBER = '8613933334444'

describe('lookup hashes of channel users', () => {
  let testApp: TestApp
  let externalId = 0
  let conversationId: string
  beforeAll(async () => { testApp = await buildTestApp('lookup-hashes', { environment: { ENCRYPTION_KEYS, LOOKUP_KEYS: LOOKUP_1 } }) })
  afterAll(async () => { await testApp.close() })

  const database = () => testApp.testDatabase.database
  const dependenciesWith = (lookupKeys: string): Promise<AppDependencies> => createDependencies({
    config: loadConfig({ NODE_ENV: 'test', DATA_DIR: 'memory://', ENCRYPTION_KEYS, LOOKUP_KEYS: lookupKeys }),
    database: database(),
    logger: pino({ level: 'silent' })
  })
  const write = (dependencies: AppDependencies, number: string, text: string) => dependencies.conversations.receiveFromChannel({
    clinicId: 'default', channel: 'whatsapp', channelUserId: number, externalId: `wamid.lookup-${++externalId}`, text
  })

  it('brings the same WhatsApp number back to its conversation, another number to its own, and stores neither number', async () => {
    const first = await write(testApp.dependencies, NUMBER, 'What are your opening hours?')
    const again = await write(testApp.dependencies, NUMBER, 'And where is the clinic?')
    const other = await write(testApp.dependencies, OTHER_NUMBER, 'What are your opening hours?')
    expect(again.conversation.id).toBe(first.conversation.id)
    conversationId = first.conversation.id
    expect(other.conversation.id).not.toBe(first.conversation.id)
    const found = await testApp.dependencies.conversationStore.findByChannelUser({ clinicId: 'default', channel: 'whatsapp', channelUserId: NUMBER })
    expect(found).toMatchObject({ id: first.conversation.id, channelUserId: NUMBER, turnCount: 2 })
    const rows = await database().query<{ channel_user_hash: string }>("SELECT * FROM conversations WHERE channel = 'whatsapp'")
    expect(rows.rows.map((row) => row.channel_user_hash)).toEqual(expect.arrayContaining([expect.stringMatching(/^l1:[A-Za-z0-9_-]{43}$/)]))
    const stored = JSON.stringify([rows.rows, (await database().query('SELECT * FROM inbound_receipts')).rows, (await database().query('SELECT * FROM messages')).rows])
    for (const secret of [NUMBER, OTHER_NUMBER, '911112222', 'opening hours', 'wamid.lookup']) expect(stored).not.toContain(secret)
  })

  it('finds the user while the lookup key rotates (new key first, old kept) and after (new key alone)', async () => {
    const during = await dependenciesWith(`${LOOKUP_2},${LOOKUP_1}`)
    const { id } = (await testApp.dependencies.conversationStore.findByChannelUser({ clinicId: 'default', channel: 'whatsapp', channelUserId: NUMBER }))!
    expect((await write(during, NUMBER, 'Do I need to bring my ID card?')).conversation.id).toBe(id)
    const result = await rotateKeys({ database: database(), cipher: during.cipher })
    expect(result.complete).toBe(true)
    const lookups = (await readKeyStatus(database(), during.cipher)).fields.filter((field) => field.kind === 'lookup hash' && !field.oneWay)
    for (const field of lookups) expect(Object.keys(field.byKey).every((keyId) => keyId === 'l2'), `${field.table} ${field.field}`).toBe(true)
    expect(lookups.find((field) => field.table === 'conversations')!.byKey).toEqual({ l2: 2 })
    const after = await dependenciesWith(LOOKUP_2)
    await checkKeyRing(database(), after.cipher)
    expect((await write(after, NUMBER, 'Thank you')).conversation.id).toBe(id)
    expect((await after.conversationStore.findByChannelUser({ clinicId: 'default', channel: 'whatsapp', channelUserId: OTHER_NUMBER }))).not.toBeNull()
  })

  it('refuses to start with a lookup key that is missing or holds another value, naming it, instead of silently finding nobody', async () => {
    const withLookup = (lookupKeys: string) => createMessageCipher(parseKeyRing(ENCRYPTION_KEYS), { lookupKeys: parseKeyRing(lookupKeys, 'LOOKUP_KEYS') })
    await expect(checkKeyRing(database(), withLookup(`l2:${key()}`))).rejects.toThrow(/conversations \(channel user lookup hashes\) were written with key "l2", which the key ring lacks or holds with another value/)
    await expect(checkKeyRing(database(), withLookup(`l3:${key()}`))).rejects.toThrow(/were written with key "l2"/)
  })

  it('a wrong encryption key value fails reads with a clear error, never plaintext or an empty result', async () => {
    const wrong = createMessageCipher([{ id: 'k1', key: randomBytes(32) }])
    await expect(checkKeyRing(database(), wrong)).rejects.toThrow(/messages \(body\) were written with key "k1"/)
    await expect(createConversationStore(database(), wrong).listMessages(conversationId)).rejects.toMatchObject({
      name: 'CipherError', code: 'ENCRYPTION_KEY_WRONG', message: expect.stringContaining('does not open with key "k1"')
    })
    expect(() => parseKeyRing('no-separator')).toThrow(/ENCRYPTION_KEYS must look like id:base64key/)
    expect(() => createConfiguredCipher({ encryptionKeys: ENCRYPTION_KEYS, lookupKeys: 'no-separator', dataDir: 'memory://' })).toThrow(/LOOKUP_KEYS must look like id:base64key/)
    expect(() => createConfiguredCipher({ encryptionKeys: `k1:${key()},k1:${key()}`, lookupKeys: undefined, dataDir: 'memory://' })).toThrow(/"k1" appears twice/)
    expect(() => createMessageCipher([{ id: 'k1', key: randomBytes(16) }])).toThrow(/must be 32 bytes/)
  })
})
