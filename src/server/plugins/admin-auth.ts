import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'

const digest = (value: string) => createHash('sha256').update(value).digest()

/**
 * An onRequest hook for admin routes: the `x-api-key` header must equal ADMIN_API_KEY. Both sides
 * are hashed first so the timing-safe comparison sees equal lengths and leaks not even the length.
 * Without a configured key every admin request is refused, never let through.
 */
export function adminApiKeyHook (adminApiKey: string | undefined): (request: FastifyRequest) => Promise<void> {
  const expected = adminApiKey ? digest(adminApiKey) : undefined
  return async (request) => {
    if (!expected) throw new AppError('UNAUTHORIZED', 'The admin API is switched off: ADMIN_API_KEY is not set on this server.')
    const given = request.headers['x-api-key']
    if (typeof given !== 'string' || given === '' || !timingSafeEqual(digest(given), expected)) {
      throw new AppError('UNAUTHORIZED', 'A valid x-api-key header is required.')
    }
  }
}

/** Who is acting: admin writes name a person (x-actor) so authorship and four-eyes review can be enforced. */
export function actorOf (request: FastifyRequest): string {
  const actor = request.headers['x-actor']
  if (typeof actor !== 'string' || actor.trim() === '' || actor.length > 100) {
    throw new AppError('VALIDATION_FAILED', 'headers.x-actor: name the person making this change (1..100 characters)')
  }
  return actor.trim()
}
