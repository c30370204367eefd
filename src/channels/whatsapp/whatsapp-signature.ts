import { createHmac, timingSafeEqual } from 'node:crypto'

/** `sha256=` + lowercase hex HMAC-SHA256 of the raw body bytes, keyed with the app secret. */
export function hubSignature (appSecret: string, rawBody: Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`
}

/**
 * Checks X-Hub-Signature-256 against the raw bytes as received (re-serialised JSON would not
 * match), in constant time; a missing header or one without the sha256= prefix fails.
 */
export function verifyHubSignature (appSecret: string, rawBody: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || !/^sha256=[0-9a-fA-F]{64}$/.test(header)) return false
  const expected = Buffer.from(hubSignature(appSecret, rawBody).slice(7), 'hex')
  const given = Buffer.from(header.slice(7), 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Constant-time equality of two strings (the verify token of the GET handshake). */
export function sameSecret (given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
