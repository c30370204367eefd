import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors.ts'

const NUL = '\u0000'
const MAX_DEPTH = 64

/** The dotted path of the first string holding a NUL character, or null. */
function findNul (value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null
  // Raw bodies (signed webhooks) are bytes, checked by their own routes; never walked byte by byte.
  if (Buffer.isBuffer(value)) return null
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null
  for (const [key, item] of Object.entries(value)) {
    if (key.includes(NUL)) return `${path}.${key.replaceAll(NUL, '\\u0000')}`
    const found = findNul(item, `${path}.${key}`, depth + 1)
    if (found) return found
  }
  return null
}

/**
 * PostgreSQL cannot store U+0000 in text, so a NUL anywhere in the URL, query or body is refused
 * with 400 naming the field before any handler runs: nothing is half-written and no 500 follows.
 */
export function refuseNulCharacters (app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const field = findNul(request.params, 'params') ?? findNul(request.query, 'querystring') ?? findNul(request.body, 'body')
    if (field) throw new AppError('VALIDATION_FAILED', `${field}: must not contain the NUL character (U+0000)`)
  })
}
