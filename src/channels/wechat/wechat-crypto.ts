import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** The official samples' error codes, kept as reasons: -40001 signature, -40004 key, -40005 app id, -40007 decrypt. */
export class WeChatCryptoError extends Error {
  override name = 'WeChatCryptoError'
  readonly code: number

  constructor (code: number, message: string) {
    super(message)
    this.code = code
  }
}

const BLOCK = 32

/** hex(sha1(sorted parts joined)): `signature` over [token, timestamp, nonce], `msg_signature` with Encrypt too. */
export function weChatSignature (parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex')
}

/** Constant-time check of a signature given in a query parameter. */
export function signatureMatches (parts: string[], given: string | undefined): boolean {
  if (typeof given !== 'string' || !/^[0-9a-fA-F]{40}$/.test(given)) return false
  const expected = Buffer.from(weChatSignature(parts), 'hex')
  const actual = Buffer.from(given, 'hex')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** EncodingAESKey (43 characters) -> the 32-byte AES key; anything else is -40004. */
export function aesKeyOf (encodingAesKey: string): Buffer {
  const key = /^[A-Za-z0-9+/]{43}$/.test(encodingAesKey) ? Buffer.from(`${encodingAesKey}=`, 'base64') : Buffer.alloc(0)
  if (key.length !== 32) throw new WeChatCryptoError(-40004, 'the EncodingAESKey must be 43 characters that decode to 32 bytes')
  return key
}

/**
 * AES-256-CBC (IV = first 16 key bytes) of random(16) || uint32be(byte length) || msg || appId,
 * PKCS#7-padded to 32-byte blocks by hand (Node's own padding uses 16). Returns base64.
 */
export function encryptMessage (input: { key: Buffer, message: string, appId: string, random?: Buffer }): string {
  const message = Buffer.from(input.message, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(message.length)
  const plain = Buffer.concat([input.random ?? randomBytes(16), length, message, Buffer.from(input.appId, 'utf8')])
  const pad = BLOCK - (plain.length % BLOCK)
  const cipher = createCipheriv('aes-256-cbc', input.key, input.key.subarray(0, 16)).setAutoPadding(false)
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64')
}

/** Decrypts Encrypt with the first key that yields well-formed plaintext; the app id must match (-40005). */
export function decryptMessage (input: { keys: Buffer[], encrypt: string, appId: string }): { message: string, key: Buffer } {
  let failure: WeChatCryptoError = new WeChatCryptoError(-40007, 'no key could decrypt the message')
  for (const key of input.keys) {
    try {
      const { message, appId } = decryptWith(key, input.encrypt)
      if (appId !== input.appId) throw new WeChatCryptoError(-40005, 'the message is for another app id')
      return { message, key }
    } catch (error) {
      failure = error instanceof WeChatCryptoError ? error : new WeChatCryptoError(-40007, 'the message could not be decrypted')
    }
  }
  throw failure
}

function decryptWith (key: Buffer, encrypt: string): { message: string, appId: string } {
  const ciphertext = Buffer.from(encrypt, 'base64')
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) throw new WeChatCryptoError(-40007, 'the ciphertext has a wrong length')
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
  const padded = Buffer.concat([decipher.update(ciphertext), decipher.final()])
  const pad = padded[padded.length - 1] ?? 0
  if (pad < 1 || pad > BLOCK || pad > padded.length || !padded.subarray(padded.length - pad).every((byte) => byte === pad)) {
    throw new WeChatCryptoError(-40007, 'the padding is invalid (wrong key?)')
  }
  const plain = padded.subarray(0, padded.length - pad)
  if (plain.length < 20) throw new WeChatCryptoError(-40008, 'the plaintext is too short')
  const length = plain.readUInt32BE(16)
  if (20 + length > plain.length) throw new WeChatCryptoError(-40008, 'the message length is out of range')
  return { message: plain.subarray(20, 20 + length).toString('utf8'), appId: plain.subarray(20 + length).toString('utf8') }
}

/** The safe-mode reply envelope: the encrypted passive reply and its msg_signature. */
export function encryptedReplyXml (input: { token: string, key: Buffer, appId: string, message: string, timestamp: string, nonce: string, random?: Buffer }): string {
  const encrypt = encryptMessage({ key: input.key, message: input.message, appId: input.appId, ...(input.random ? { random: input.random } : {}) })
  const signature = weChatSignature([input.token, input.timestamp, input.nonce, encrypt])
  return `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt><MsgSignature><![CDATA[${signature}]]></MsgSignature><TimeStamp>${input.timestamp}</TimeStamp><Nonce><![CDATA[${cdataSafe(input.nonce)}]]></Nonce></xml>`
}

/** Text inside CDATA cannot hold "]]>": split it across two sections. */
export function cdataSafe (text: string): string {
  return text.replaceAll(']]>', ']]]]><![CDATA[>')
}
