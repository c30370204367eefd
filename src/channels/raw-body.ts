import type { FastifyInstance } from 'fastify'

/**
 * Inside a webhook plugin only: every body arrives as the raw bytes (signatures are computed over
 * them, and a parsed and re-serialised body would not match).
 */
export function keepRawBodies (app: FastifyInstance, bodyLimit: number): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => { done(null, body) })
}

export function rawBodyOf (body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0)
}

/** Query values as plain strings (a repeated parameter counts as absent). */
export function queryStrings (query: unknown): Record<string, string | undefined> {
  const strings: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries((query ?? {}) as Record<string, unknown>)) strings[name] = typeof value === 'string' ? value : undefined
  return strings
}
