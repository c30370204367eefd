/** Seeded generators of hostile request bodies, so a failing fuzz case reproduces from its seed. */

export type Random = {
  next: () => number
  integer: (below: number) => number
  pick: <T>(items: readonly T[]) => T
  chance: (probability: number) => boolean
}

/** mulberry32: small, fast and good enough to drive a fuzzer reproducibly. */
export function seededRandom (seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
  const integer = (below: number) => Math.floor(next() * below)
  return { next, integer, pick: (items) => items[integer(items.length)]!, chance: (probability) => next() < probability }
}

const FIELD_NAMES = ['text', 'clientMessageId', 'locale', 'clinicId', 'channel', 'departments', 'markdown', 'name', 'code', 'from', 'to',
  'agentId', 'weekday', 'start', 'end', 'title', 'body', '__proto__', 'constructor', 'prototype', '', ' ', '$where', '0']

// NUL (\u0000) has its own known-bug case in route-fuzz.test.ts, so it is not in the random pool.
const STRINGS = ['', ' ', 'hi', '胸口疼得厉害', '我想预约挂号', 'What are your opening hours?', '\u202e\u0041', '😀'.repeat(10),
  '<script>alert(1)</script>', "'; DROP TABLE messages; --", '%00', '../../etc/passwd', '{{7*7}}', '$' + '{jndi:ldap://x}', 'null', 'true',
  '\ud800', '\udfff', 'a\r\nx-injected: 1', '9'.repeat(400), 'zh-CN', 'en', 'web', 'default']

const NUMBERS = [0, -1, 1, 1.5, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 4001, 65536]

/** Any JSON value, depth-limited; objects favour field names the API knows, with any type. */
export function randomJson (random: Random, depth = 3): unknown {
  const kind = random.integer(depth <= 0 ? 4 : 6)
  if (kind === 0) return null
  if (kind === 1) return random.chance(0.5)
  if (kind === 2) return random.pick(NUMBERS)
  if (kind === 3) return random.chance(0.7) ? random.pick(STRINGS) : randomText(random, random.integer(300))
  if (kind === 4) return Array.from({ length: random.integer(5) }, () => randomJson(random, depth - 1))
  return randomObject(random, depth - 1)
}

export function randomObject (random: Random, depth = 2): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  for (let index = random.integer(5); index > 0; index--) object[random.pick(FIELD_NAMES)] = randomJson(random, depth)
  return object
}

/** A value of a type other than the one a field is declared with. */
export function wrongTypeFor (declaredType: string | undefined, random: Random): unknown {
  const candidates: unknown[] = [null, true, 42, -3.5, 'text', [], ['a', 1], {}, { nested: { deeper: [] } }]
  const wrong = candidates.filter((value) => jsonType(value) !== declaredType)
  return random.pick(wrong)
}

function jsonType (value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

export function randomText (random: Random, length: number): string {
  const ranges: Array<[number, number]> = [[0x20, 0x7e], [0x4e00, 0x9fff], [0x0400, 0x04ff], [0x1f600, 0x1f64f], [0x01, 0x1f]]
  let text = ''
  for (let index = 0; index < length; index++) {
    const [low, high] = random.pick(ranges)
    text += String.fromCodePoint(low + random.integer(high - low + 1))
  }
  return text
}

/** Byte sequences that are not UTF-8: lone continuation bytes, overlong forms, surrogates, truncations. */
export const INVALID_UTF8: readonly Buffer[] = [
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xe0, 0x80, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf8, 0x88, 0x80, 0x80, 0x80]),
  Buffer.from([0xe4, 0xbd]),
  Buffer.from([0x80, 0x80, 0x80]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80])
]

/** A JSON body whose string value carries invalid bytes, e.g. {"text":"ab<bytes>cd"}. */
export function jsonWithBytes (field: string, bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`{"${field}":"ab`), bytes, Buffer.from('cd"}')])
}

export function nestedArrays (depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth)
}

export function nestedObjects (depth: number, field = 'text'): string {
  return `{"${field}":`.repeat(depth) + '"x"' + '}'.repeat(depth)
}

/** The classic "billion laughs" entity expansion, and a variant with an external entity. */
export const XML_BOMBS: readonly string[] = [
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
    Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`).join('') +
    ']><lolz>&lol9;</lolz>',
  '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><ToUserName>&xxe;</ToUserName><Content>&xxe;</Content></xml>'
]

export const CONTENT_TYPES: readonly string[] = [
  'text/plain', 'application/xml', 'text/xml', 'multipart/form-data; boundary=----x', 'application/x-www-form-urlencoded',
  'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/jsonp', 'a/b/c', 'application/json, text/plain',
  'application/octet-stream', 'text/csv', 'application/x-ndjson', 'application/json;;;', ' application/json ', 'APPLICATION/JSON'
]
