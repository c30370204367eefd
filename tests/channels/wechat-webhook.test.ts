import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { manualClock } from '../helpers/manual-clock.ts'
import { startFakeWeChatServer, type FakeWeChatServer } from '../helpers/fake-wechat-server.ts'
import { startOpenAiLoopbackServer, type OpenAiLoopbackServer } from '../helpers/openai-loopback-server.ts'
import { eventXml, openEncryptedReply, plaintextPost, randomEncodingAesKey, safeModePost, textMessageXml, type PlatformAccount } from '../helpers/wechat-platform.ts'
import { parseWeChatXml } from '../../src/channels/wechat/wechat-xml.ts'

const vectors = JSON.parse(readFileSync(new URL('../fixtures/channels/channel_vectors.json', import.meta.url), 'utf8'))
const oa = vectors.wechat_official_account
const vector = (list: Array<{ id: string }>, id: string) => list.find((item) => item.id === id) as unknown as { inputs: Record<string, string>, expected: Record<string, unknown>, get_query?: Record<string, string>, expected_response_body?: string }

const ACCOUNT_ID = 'gh_clinic0000001'
let msgId = 7_000_000_000_000_000_000n
const nextMsgId = () => String(++msgId)

function postTo (testApp: TestApp, path: string, request: { query: Record<string, string>, payload: string }) {
  return testApp.app.inject({ method: 'POST', url: path, query: request.query, headers: { 'content-type': 'text/xml' }, payload: request.payload })
}
const account: PlatformAccount = { token: 'clinic-token', appId: 'wxclinic000000001', encodingAesKey: randomEncodingAesKey() }
const previousKey = randomEncodingAesKey()
const APP_SECRET = 'clinic-app-secret'

describe('WeChat Official Account webhook', () => {
  let testApp: TestApp
  let fake: FakeWeChatServer
  const clock = manualClock(new Date())
  const post = (path: string, request: { query: Record<string, string>, payload: string }) => postTo(testApp, path, request)
  const query = async <Row>(sql: string, values: unknown[] = []) => (await testApp.testDatabase.database.query<Row>(sql, values)).rows
  // Channel users are stored as HMAC lookup hashes, never as their openid.
  const userHash = (openId: string) => testApp.dependencies.cipher.lookup.hash('channel-user', openId)

  beforeAll(async () => {
    fake = await startFakeWeChatServer({ appId: account.appId, appSecret: APP_SECRET })
    testApp = await buildTestApp('wechat-webhook', {
      clock,
      environment: {
        WECHAT_TOKEN: account.token,
        WECHAT_APP_ID: account.appId,
        WECHAT_APP_SECRET: APP_SECRET,
        WECHAT_ENCODING_AES_KEY: account.encodingAesKey,
        WECHAT_PREVIOUS_ENCODING_AES_KEY: previousKey,
        WECHAT_API_BASE_URL: fake.baseUrl
        // The default deadline (4 s, under WeChat's 5 s): turns by the rules fit in it.
      }
    })
    // Two clinics with their own Official Accounts: the accounts of the published vectors.
    for (const [clinicId, id] of [['vector-clinic', 'py-sample-compat-mode'], ['oplatform-clinic', 'oplatform-debug-demo']] as const) {
      const { inputs } = vector(oa.decrypt, id)
      await testApp.testDatabase.database.query(
        'INSERT INTO clinics (id, name, settings) VALUES ($1, \'{"zh-CN":"测试诊所","en":"Test clinic"}\', $2)',
        [clinicId, JSON.stringify({ wechat: { token: inputs.token, appId: inputs.receive_id, appSecret: 'unused', encodingAesKey: inputs.encoding_aes_key } })])
    }
  })
  afterAll(async () => {
    await testApp.close()
    await fake.close()
  })

  it('answers the GET URL verification with echostr unchanged (vector oa-doc-get-verify), 401 on a wrong signature', async () => {
    const get = vector(oa.url_verify_and_plain_signature, 'oa-doc-get-verify')
    const ok = await testApp.app.inject({ method: 'GET', url: '/webhooks/wechat/oplatform-clinic', query: get.get_query! })
    expect(ok.statusCode).toBe(200)
    expect(ok.body).toBe(get.expected_response_body)
    const wrong = await testApp.app.inject({ method: 'GET', url: '/webhooks/wechat/oplatform-clinic', query: { ...get.get_query!, signature: 'f'.repeat(40) } })
    expect(wrong.statusCode).toBe(401)
    const missing = await testApp.app.inject({ method: 'GET', url: '/webhooks/wechat', query: { timestamp: '1', nonce: '2', echostr: 'x' } })
    expect(missing.statusCode).toBe(401)
  })

  it('answers a Chinese patient\'s emergency with the emergency reply as a passive reply, To and From swapped', async () => {
    const openId = 'o-emergency-patient'
    const response = await post('/webhooks/wechat', plaintextPost(account, textMessageXml({ account: ACCOUNT_ID, openId, text: '我胸口剧痛，喘不上气，还出冷汗', msgId: nextMsgId() }), openId))
    expect(response.statusCode).toBe(200)
    const reply = parseWeChatXml(response.body)
    expect(reply).toMatchObject({ ToUserName: openId, FromUserName: ACCOUNT_ID, MsgType: 'text' })
    expect(reply.Content).toContain('120')
    const events = await query<{ category: string }>("SELECT category FROM guard_events g JOIN conversations c ON c.id = g.conversation_id WHERE c.channel = 'wechat' AND c.channel_user_hash = $1", [userHash(openId)])
    expect(events).toContainEqual({ category: 'emergency' })
    // Answered in the request: nothing is queued to be sent again.
    expect(await query("SELECT 1 FROM delivery_jobs WHERE kind = 'channel.send' AND order_key LIKE $1", [`%${userHash(openId)}`])).toEqual([])
  })

  it('takes a message that WeChat repeats (same MsgId) once, and gives the repeat the same answer', async () => {
    const openId = 'o-repeating-platform'
    const request = plaintextPost(account, textMessageXml({ account: ACCOUNT_ID, openId, text: '诊所几点开门？', msgId: nextMsgId() }), openId)
    const first = await post('/webhooks/wechat', request)
    const second = await post('/webhooks/wechat', request)
    const third = await post('/webhooks/wechat', request)
    expect(parseWeChatXml(first.body).Content).toBeTruthy()
    expect(parseWeChatXml(second.body).Content).toBe(parseWeChatXml(first.body).Content)
    expect(parseWeChatXml(third.body).Content).toBe(parseWeChatXml(first.body).Content)
    const conversations = await query<{ turn_count: number }>("SELECT turn_count FROM conversations WHERE channel = 'wechat' AND channel_user_hash = $1", [userHash(openId)])
    expect(conversations).toEqual([{ turn_count: 1 }])
    const patientMessages = await query("SELECT 1 FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.channel_user_hash = $1 AND m.role = 'patient'", [userHash(openId)])
    expect(patientMessages).toHaveLength(1)
  })

  it('safe mode: decrypts with the current key, answers encrypted and signed (round trip)', async () => {
    const openId = 'o-safe-mode'
    const response = await post('/webhooks/wechat', safeModePost(account, textMessageXml({ account: ACCOUNT_ID, openId, text: '我胸口剧痛', msgId: nextMsgId() }), openId, ACCOUNT_ID))
    expect(response.statusCode).toBe(200)
    const reply = openEncryptedReply(account, response.body)
    expect(reply).toMatchObject({ ToUserName: openId, FromUserName: ACCOUNT_ID, MsgType: 'text' })
    expect(reply.Content).toContain('120')
  })

  it('safe mode: a message encrypted with the previous EncodingAESKey is answered with that key', async () => {
    const openId = 'o-previous-key'
    const old = { ...account, encodingAesKey: previousKey }
    const response = await post('/webhooks/wechat', safeModePost(old, textMessageXml({ account: ACCOUNT_ID, openId, text: '我胸口剧痛', msgId: nextMsgId() }), openId, ACCOUNT_ID))
    expect(openEncryptedReply(old, response.body).Content).toContain('120')
  })

  it('refuses a wrong msg_signature, another AppID or a wrong plain signature with 401 and stores nothing', async () => {
    const before = await query<{ n: number }>('SELECT count(*)::int AS n FROM delivery_jobs')
    const xml = textMessageXml({ account: ACCOUNT_ID, openId: 'o-forger', text: 'hello', msgId: nextMsgId() })
    const safe = safeModePost(account, xml, 'o-forger', ACCOUNT_ID)
    const wrongSignature = await post('/webhooks/wechat', { ...safe, query: { ...safe.query, msg_signature: '0'.repeat(40) } })
    const otherApp = await post('/webhooks/wechat', safeModePost({ ...account, appId: 'wx_other_appid' }, xml, 'o-forger', ACCOUNT_ID))
    const plain = plaintextPost(account, xml, 'o-forger')
    const wrongPlain = await post('/webhooks/wechat', { ...plain, query: { ...plain.query, signature: 'a'.repeat(40) } })
    const missing = await post('/webhooks/wechat', { ...plain, query: { timestamp: plain.query.timestamp, nonce: plain.query.nonce } })
    for (const response of [wrongSignature, otherApp, wrongPlain, missing]) {
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('UNAUTHORIZED')
    }
    expect(await query<{ n: number }>('SELECT count(*)::int AS n FROM delivery_jobs')).toEqual(before)
  })

  it('answers the published compatible-mode and safe-mode requests (vectors py-sample-compat-mode, cpp-sample) on a clinic\'s own account', async () => {
    for (const id of ['py-sample-compat-mode', 'cpp-sample']) {
      const { inputs, expected } = vector(oa.decrypt, id)
      const response = await post('/webhooks/wechat/vector-clinic', {
        query: { timestamp: inputs.timestamp!, nonce: inputs.nonce!, msg_signature: inputs.msg_signature!, encrypt_type: 'aes', openid: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs' },
        payload: inputs.post_body!
      })
      expect(response.statusCode).toBe(200)
      const reply = openEncryptedReply({ token: inputs.token!, appId: inputs.receive_id!, encodingAesKey: inputs.encoding_aes_key! }, response.body)
      const inbound = parseWeChatXml(String(expected.msg))
      expect(reply).toMatchObject({ ToUserName: inbound.FromUserName, FromUserName: inbound.ToUserName, MsgType: 'text' })
    }
    // MsgId 6054768590064713728 is above 2^53: kept exactly, as a string (its lookup hash matches only the exact digits).
    const msgIdHash = testApp.dependencies.cipher.lookup.hash('external-id', '6054768590064713728')
    expect(await query('SELECT 1 FROM delivery_jobs WHERE idempotency_key = $1', [`wechat:in:vector-clinic:${msgIdHash}`])).toHaveLength(1)
  })

  it('answers the published debug event (vector oplatform-debug-demo) with "success", and refuses its changed signature (neg-wrong-msg-signature)', async () => {
    const { inputs } = vector(oa.decrypt, 'oplatform-debug-demo')
    const request = { query: { timestamp: inputs.timestamp!, nonce: inputs.nonce!, msg_signature: inputs.msg_signature!, encrypt_type: 'aes', openid: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY' }, payload: inputs.post_body! }
    const response = await post('/webhooks/wechat/oplatform-clinic', request)
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe('success')
    const negative = vector(oa.negative, 'neg-wrong-msg-signature')
    const refused = await post('/webhooks/wechat/oplatform-clinic', { ...request, query: { ...request.query, msg_signature: negative.inputs.msg_signature! } })
    expect(refused.statusCode).toBe(401)
  })

  it('greets a new follower, answers a picture with the vetted phrase, and deletes a user\'s data when they unsubscribe', async () => {
    const openId = 'o-follower'
    const createTime = Math.floor(Date.now() / 1000)
    const subscribed = await post('/webhooks/wechat', plaintextPost(account, eventXml({ account: ACCOUNT_ID, openId, event: 'subscribe', createTime }), openId))
    expect(parseWeChatXml(subscribed.body).Content).toMatch(/您好|Hello/)
    const picture = `<xml><ToUserName><![CDATA[${ACCOUNT_ID}]]></ToUserName><FromUserName><![CDATA[${openId}]]></FromUserName><CreateTime>${createTime + 1}</CreateTime><MsgType><![CDATA[image]]></MsgType><PicUrl><![CDATA[http://example.invalid/a.jpg]]></PicUrl><MediaId><![CDATA[m1]]></MediaId><MsgId>${nextMsgId()}</MsgId></xml>`
    const answered = await post('/webhooks/wechat', plaintextPost(account, picture, openId))
    expect(parseWeChatXml(answered.body).Content).toContain('请用文字')
    expect(await query('SELECT 1 FROM conversations WHERE channel_user_hash = $1', [userHash(openId)])).toHaveLength(1)
    const left = await post('/webhooks/wechat', plaintextPost(account, eventXml({ account: ACCOUNT_ID, openId, event: 'unsubscribe', createTime: createTime + 2 }), openId))
    expect(left.body).toBe('success')
    expect(await query('SELECT 1 FROM conversations WHERE channel_user_hash = $1', [userHash(openId)])).toEqual([])
    expect(await query('SELECT 1 FROM channel_users WHERE user_hash = $1', [userHash(openId)])).toEqual([])
  })

  it('refuses XML with a document type declaration (400) and answers 404 for a clinic without an account', async () => {
    const xxe = '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><MsgType>text</MsgType><Content>&x;</Content></xml>'
    const refused = await post('/webhooks/wechat', plaintextPost(account, xxe, 'b'))
    expect(refused.statusCode).toBe(400)
    const unknown = await post('/webhooks/wechat/no-such-clinic', plaintextPost(account, textMessageXml({ account: ACCOUNT_ID, openId: 'x', text: 'hi', msgId: nextMsgId() }), 'x'))
    expect(unknown.statusCode).toBe(404)
  })

  it('reports WeChat as on in /health', async () => {
    const health = await testApp.app.inject({ method: 'GET', url: '/health' })
    expect(health.json().channels).toMatchObject({ web: true, wechat: true })
  })
})

describe('WeChat turns slower than the passive-reply deadline', () => {
  let testApp: TestApp
  let fake: FakeWeChatServer
  let openai: OpenAiLoopbackServer
  const clock = manualClock(new Date())
  const post = (path: string, request: { query: Record<string, string>, payload: string }) => postTo(testApp, path, request)
  const query = async <Row>(sql: string, values: unknown[] = []) => (await testApp.testDatabase.database.query<Row>(sql, values)).rows
  // Channel users are stored as HMAC lookup hashes, never as their openid.
  const userHash = (openId: string) => testApp.dependencies.cipher.lookup.hash('channel-user', openId)

  beforeAll(async () => {
    fake = await startFakeWeChatServer({ appId: account.appId, appSecret: APP_SECRET })
    openai = await startOpenAiLoopbackServer()
    // The model never answers: every ordinary turn waits for MODEL_TIMEOUT_MS, far past the deadline.
    openai.handle('/v1/chat/completions', () => ({ stall: true }))
    testApp = await buildTestApp('wechat-slow', {
      clock,
      environment: {
        WECHAT_TOKEN: account.token,
        WECHAT_APP_ID: account.appId,
        WECHAT_APP_SECRET: APP_SECRET,
        WECHAT_API_BASE_URL: fake.baseUrl,
        WECHAT_REPLY_DEADLINE_MS: '200',
        OPENAI_API_KEY: 'test-key',
        OPENAI_BASE_URL: openai.baseUrl,
        MODEL_TIMEOUT_MS: '1500'
      }
    })
  })
  afterAll(async () => {
    await testApp.close()
    await fake.close()
    await openai.close()
  })

  it('a slow turn answers "success" at the deadline and the reply goes out as a customer-service message (token fetched once, refreshed when invalid)', async () => {
    const ask = async (openId: string, text: string) => {
      const response = await post('/webhooks/wechat', plaintextPost(account, textMessageXml({ account: ACCOUNT_ID, openId, text, msgId: nextMsgId() }), openId))
      expect(response.body).toBe('success')
      // The turn goes on past the deadline and stores its answer; then the queued fallback sends it.
      await expect.poll(() => query('SELECT 1 FROM inbound_receipts r JOIN conversations c ON c.id = r.conversation_id WHERE c.channel_user_hash = $1', [userHash(openId)]), { timeout: 10_000 }).toHaveLength(1)
      clock.advance(60_000)
      await testApp.dependencies.jobs.drain()
      return fake.sends.filter((send) => send.body.touser === openId)
    }
    const [first] = await ask('o-slow-1', '我想问一下医保怎么报销')
    expect(first!.body).toMatchObject({ touser: 'o-slow-1', msgtype: 'text' })
    expect(first!.body.text!.content.length).toBeGreaterThan(0)
    expect(fake.tokenRequests).toHaveLength(1)

    await ask('o-slow-2', '我想问一下医保怎么报销')
    expect(fake.tokenRequests).toHaveLength(1)

    fake.invalidateToken()
    const sent = await ask('o-slow-3', '我想问一下医保怎么报销')
    expect(sent.length).toBeGreaterThan(0)
    // The first try with the old token was refused with 40001; the token was fetched anew, once.
    expect(fake.sendAttempts.filter((send) => send.body.touser === 'o-slow-3').length).toBe(sent.length + 1)
    expect(fake.tokenRequests).toHaveLength(2)
    expect(fake.tokenRequests[1]).toMatchObject({ appid: account.appId, force_refresh: true })
  })

  it('does not retry a customer-service message outside the 48-hour window (45015): a dead letter with the reason', async () => {
    fake.script(45015)
    const openId = 'o-out-of-window'
    const response = await post('/webhooks/wechat', plaintextPost(account, textMessageXml({ account: ACCOUNT_ID, openId, text: '我想问一下医保怎么报销', msgId: nextMsgId() }), openId))
    expect(response.body).toBe('success')
    await expect.poll(() => query('SELECT 1 FROM inbound_receipts r JOIN conversations c ON c.id = r.conversation_id WHERE c.channel_user_hash = $1', [userHash(openId)]), { timeout: 10_000 }).toHaveLength(1)
    clock.advance(60_000)
    await testApp.dependencies.jobs.drain()
    clock.advance(3600_000)
    await testApp.dependencies.jobs.drain()
    expect(fake.sendAttempts.filter((send) => send.body.touser === openId)).toHaveLength(1)
    const dead = await query<{ last_error: string }>("SELECT last_error FROM delivery_jobs WHERE kind = 'channel.send' AND status = 'dead' AND order_key LIKE $1", [`%${userHash(openId)}`])
    expect(dead).toEqual([{ last_error: 'permanent failure: WeChat custom/send answered 45015 scripted error 45015' }])
  })
})
