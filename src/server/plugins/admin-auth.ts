import type { FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'

/** Who is acting: admin writes name a person (x-actor) so authorship and four-eyes review can be enforced. */
export function actorOf (request: FastifyRequest): string {
  const actor = request.headers['x-actor']
  if (typeof actor !== 'string' || actor.trim() === '' || actor.length > 100) {
    throw new AppError('VALIDATION_FAILED', 'headers.x-actor: name the person making this change (1..100 characters)')
  }
  return actor.trim()
}
