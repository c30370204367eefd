import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { aesKeyOf, decryptMessage, encryptMessage, encryptedReplyXml, signatureMatches, weChatSignature, WeChatCryptoError } from '../../src/channels/wechat/wechat-crypto.ts'
import { parseWeChatXml } from '../../src/channels/wechat/wechat-xml.ts'
import { hubSignature, verifyHubSignature } from '../../src/channels/whatsapp/whatsapp-signature.ts'
import { readWhatsAppNotification } from '../../src/channels/whatsapp/whatsapp-payload.ts'

// A copy of ../shared/design/channel_vectors.json (externally sourced, verified vectors).
const vectors = JSON.parse(readFileSync(new URL('../fixtures/channels/channel_vectors.json', import.meta.url), 'utf8'))
const oa = vectors.wechat_official_account
const byId = <Item extends { id: string }>(list: Item[], id: string): Item => list.find((vector) => vector.id === id)!

type CryptoVector = { id: string, inputs: Record<string, string>, expected: Record<string, string | number | boolean> }

function expectCryptoError (fn: () => unknown, code: number): void {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(WeChatCryptoError)
    expect((error as WeChatCryptoError).code).toBe(code)
    return
  }
  throw new Error(`expected WeChat error ${code}`)
}

describe('WeChat signature vectors', () => {
  it.each(oa.url_verify_and_plain_signature as CryptoVector[])('$id', (vector) => {
    const parts = [vector.inputs.token!, vector.inputs.timestamp!, vector.inputs.nonce!]
    expect([...parts].sort().join('')).toBe(vector.expected.sorted_concat)
    expect(weChatSignature(parts)).toBe(vector.expected.signature)
    expect(signatureMatches(parts, String(vector.expected.signature))).toBe(true)
    expect(signatureMatches(parts, String(vector.expected.signature).toUpperCase())).toBe(true)
    const negative = (vector as unknown as { negative?: { signature: string, expected_valid: boolean } }).negative
    if (negative) expect(signatureMatches(parts, negative.signature)).toBe(negative.expected_valid)
  })

  it.each(oa.msg_signature_only as CryptoVector[])('$id', (vector) => {
    expect(weChatSignature([vector.inputs.token!, vector.inputs.timestamp!, vector.inputs.nonce!, vector.inputs.encrypt!])).toBe(vector.expected.msg_signature)
  })
})

describe.each([
  ['WeChat Official Account', oa.decrypt as CryptoVector[]],
  ['WeCom', vectors.wecom.decrypt as CryptoVector[]]
])('%s decrypt vectors', (_name, list) => {
  it.each(list)('$id: msg_signature, Encrypt in the body, decryption and re-encryption', (vector) => {
    const { inputs, expected } = vector
    expect(parseWeChatXml(inputs.post_body!).Encrypt).toBe(inputs.encrypt)
    expect(signatureMatches([inputs.token!, inputs.timestamp!, inputs.nonce!, inputs.encrypt!], inputs.msg_signature)).toBe(expected.signature_valid)
    const key = aesKeyOf(inputs.encoding_aes_key!)
    const { message } = decryptMessage({ keys: [key], encrypt: inputs.encrypt!, appId: inputs.receive_id! })
    expect(message).toBe(expected.msg)
    expect(Buffer.byteLength(message)).toBe(expected.msg_len)
    if (expected.ciphertext_bytes !== undefined) expect(Buffer.from(inputs.encrypt!, 'base64').length).toBe(expected.ciphertext_bytes)
    // The same random bytes give the same ciphertext: the 32-byte padding (pad_len) is reproduced exactly.
    expect(encryptMessage({ key, message, appId: inputs.receive_id!, random: Buffer.from(String(expected.random_16)) })).toBe(inputs.encrypt)
  })
})

describe('encryption vectors with fixed random bytes', () => {
  it.each([...oa.encrypt_fixed_random, ...vectors.wecom.encrypt_fixed_random] as CryptoVector[])('$id', (vector) => {
    const { inputs, expected } = vector
    const key = aesKeyOf(inputs.encoding_aes_key!)
    const random = Buffer.from(inputs.random_16!)
    const encrypt = encryptMessage({ key, message: inputs.msg!, appId: inputs.receive_id!, random })
    expect(encrypt).toBe(expected.encrypt)
    const plainLength = 16 + 4 + Buffer.byteLength(inputs.msg!) + Buffer.byteLength(inputs.receive_id!)
    expect(plainLength).toBe(expected.plaintext_bytes_before_padding)
    expect(32 - (plainLength % 32)).toBe(expected.pad_len)
    expect(decryptMessage({ keys: [key], encrypt, appId: inputs.receive_id! }).message).toBe(inputs.msg)
    if (expected.msg_signature) {
      const reply = encryptedReplyXml({ token: inputs.token!, key, appId: inputs.receive_id!, message: inputs.msg!, timestamp: inputs.timestamp!, nonce: inputs.nonce!, random })
      const fields = parseWeChatXml(reply)
      expect(fields).toEqual({ Encrypt: expected.encrypt, MsgSignature: expected.msg_signature, TimeStamp: inputs.timestamp, Nonce: inputs.nonce })
    }
  })
})

describe('WeCom URL verification vectors', () => {
  it.each(vectors.wecom.verify_url as CryptoVector[])('$id', (vector) => {
    const { inputs, expected } = vector
    expect(signatureMatches([inputs.token!, inputs.timestamp!, inputs.nonce!, inputs.echostr!], inputs.msg_signature)).toBe(true)
    const key = aesKeyOf(inputs.encoding_aes_key!)
    expect(decryptMessage({ keys: [key], encrypt: inputs.echostr!, appId: inputs.receive_id! }).message).toBe(expected.response_body)
    expect(encryptMessage({ key, message: String(expected.msg), appId: inputs.receive_id!, random: Buffer.from(String(expected.random_16)) })).toBe(inputs.echostr)
  })
})

describe('negative WeChat vectors', () => {
  const negatives = oa.negative as Array<{ id: string, inputs: Record<string, string>, expected: { accept: boolean, official_error_code: number } }>

  it('neg-wrong-msg-signature: a changed msg_signature is refused', () => {
    const vector = byId(negatives, 'neg-wrong-msg-signature')
    const reference = byId(oa.decrypt, vector.inputs.ref!) as CryptoVector
    const { inputs } = reference
    expect(signatureMatches([inputs.token!, inputs.timestamp!, inputs.nonce!, inputs.encrypt!], vector.inputs.msg_signature)).toBe(vector.expected.accept)
    expect(vector.expected.official_error_code).toBe(-40001)
  })

  it('neg-receive-id-mismatch: a message for another app id is refused with -40005', () => {
    const vector = byId(negatives, 'neg-receive-id-mismatch')
    const { inputs } = byId(oa.decrypt, vector.inputs.ref!) as CryptoVector
    expectCryptoError(() => decryptMessage({ keys: [aesKeyOf(inputs.encoding_aes_key!)], encrypt: inputs.encrypt!, appId: vector.inputs.configured_receive_id! }), vector.expected.official_error_code)
  })

  it('neg-bad-key-length: an EncodingAESKey that is not 32 bytes is refused with -40004', () => {
    const vector = byId(negatives, 'neg-bad-key-length')
    expectCryptoError(() => aesKeyOf(vector.inputs.encoding_aes_key!), vector.expected.official_error_code)
  })

  it('easywechat: the same ciphertext with the app id "invalid appid" is refused', () => {
    const { inputs } = byId(oa.decrypt, 'easywechat-decrypt') as CryptoVector
    expectCryptoError(() => decryptMessage({ keys: [aesKeyOf(inputs.encoding_aes_key!)], encrypt: inputs.encrypt!, appId: 'invalid appid' }), -40005)
  })

  it('the previous EncodingAESKey still decrypts when the current one does not', () => {
    const { inputs, expected } = byId(oa.decrypt, 'py-sample-compat-mode') as CryptoVector
    const current = aesKeyOf('A'.repeat(43))
    const previous = aesKeyOf(inputs.encoding_aes_key!)
    const result = decryptMessage({ keys: [current, previous], encrypt: inputs.encrypt!, appId: inputs.receive_id! })
    expect(result.message).toBe(expected.msg)
    expect(result.key.equals(previous)).toBe(true)
  })
})

describe('WeChat XML vectors', () => {
  it.each(oa.plaintext_messages_from_verified_vectors as Array<{ id: string, xml: string, expect_parsed: Record<string, string> }>)('$id parses to strings (MsgId kept exactly)', (vector) => {
    expect(parseWeChatXml(vector.xml)).toEqual(vector.expect_parsed)
  })

  it.each(oa.shape_examples as Array<{ id: string, xml: string }>)('$id parses', (vector) => {
    const fields = parseWeChatXml(vector.xml)
    expect(fields.ToUserName).toBe('toUser')
    expect(fields.FromUserName).toBe('fromUser')
  })

  it('refuses a document type declaration (XXE, entity expansion)', () => {
    expect(() => parseWeChatXml('<!DOCTYPE xml [<!ENTITY a SYSTEM "file:///etc/passwd">]><xml><Content>&a;</Content></xml>')).toThrow(/document type/)
    expect(() => parseWeChatXml('<xml><Content>unclosed</xml>')).toThrow(/well-formed/)
    expect(() => parseWeChatXml(`<xml><Content>${'a'.repeat(70_000)}</Content></xml>`)).toThrow(/too large/)
  })
})

describe('WhatsApp X-Hub-Signature-256 vectors', () => {
  type HubVector = { id: string, inputs: { app_secret: string, raw_body?: string, raw_body_utf8_bytes?: number, signed_bytes?: string, body_as_js_string?: string }, expected: Record<string, string> }

  it.each(vectors.whatsapp.x_hub_signature_256 as HubVector[])('$id', (vector) => {
    const { inputs, expected } = vector
    const signed = Buffer.from(inputs.raw_body ?? inputs.signed_bytes!, 'utf8')
    if (inputs.raw_body_utf8_bytes !== undefined) expect(signed.length).toBe(inputs.raw_body_utf8_bytes)
    expect(hubSignature(inputs.app_secret, signed)).toBe(expected['x-hub-signature-256'])
    expect(verifyHubSignature(inputs.app_secret, signed, expected['x-hub-signature-256'])).toBe(true)
    expect(verifyHubSignature(`${inputs.app_secret}x`, signed, expected['x-hub-signature-256'])).toBe(false)
    expect(verifyHubSignature(inputs.app_secret, signed, undefined)).toBe(false)
    expect(verifyHubSignature(inputs.app_secret, signed, expected['x-hub-signature-256']!.slice(7))).toBe(false)
    if (inputs.body_as_js_string !== undefined) {
      // The decoded-and-re-encoded body does not verify: only the raw bytes do.
      const reencoded = Buffer.from(inputs.body_as_js_string, 'utf8')
      expect(hubSignature(inputs.app_secret, reencoded)).toBe(expected.hmac_over_raw_utf8_of_body_as_js_string)
      expect(verifyHubSignature(inputs.app_secret, reencoded, expected['x-hub-signature-256'])).toBe(false)
    }
  })

  it('pywa-real-meta-payload pretty-printed no longer verifies', () => {
    const vector = byId(vectors.whatsapp.x_hub_signature_256, 'pywa-real-meta-payload') as HubVector
    const pretty = Buffer.from(JSON.stringify(JSON.parse(vector.inputs.raw_body!), null, 2))
    expect(verifyHubSignature(vector.inputs.app_secret, pretty, vector.expected['x-hub-signature-256'])).toBe(false)
  })
})

describe('WhatsApp payload shape examples', () => {
  const examples = vectors.whatsapp.payload_shape_examples as Array<{ id: string, payload: unknown }>
  const read = (id: string) => readWhatsAppNotification(byId(examples, id).payload, 'default', new Date('2026-12-01T00:00:00Z'))

  it.each([['interactive-button-reply'], ['interactive-list-reply'], ['template-quick-reply-button']])('%s becomes a text turn with the tapped reply id', (id) => {
    const [notification] = read(id)
    expect(notification!.phoneNumberId).toBe('1122334455667')
    expect(notification!.events).toEqual([expect.objectContaining({ type: 'text', text: 'callback_data', userId: '972987654321' })])
  })

  it.each([['image', 'image'], ['unsupported', 'unsupported']])('%s is an unsupported message', (id, detail) => {
    expect(read(id)[0]!.events).toEqual([expect.objectContaining({ type: 'unsupported', detail, externalId: 'wamid.xyzxyz' })])
  })

  it('status-sent and status-failed are statuses (the failure keeps its errors)', () => {
    expect(read('status-sent')[0]!.statuses).toEqual([expect.objectContaining({ providerMessageId: 'wamid.xyzxyz', status: 'sent', recipientId: '972987654321' })])
    const failed = read('status-failed')[0]!.statuses[0]!
    expect(failed.status).toBe('failed')
    expect(failed.errors).toEqual([expect.objectContaining({ code: 130472 })])
  })

  it('the pywa real payload is read in full', () => {
    const vector = byId(vectors.whatsapp.x_hub_signature_256, 'pywa-real-meta-payload') as unknown as { inputs: { raw_body: string } }
    const notifications = readWhatsAppNotification(JSON.parse(vector.inputs.raw_body), 'default', new Date())
    expect(notifications.flatMap((notification) => [...notification.events, ...notification.statuses]).length).toBeGreaterThan(0)
  })
})
