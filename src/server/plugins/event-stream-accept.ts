import type { FastifyRequest } from 'fastify'
import { AppError } from '../../errors.ts'

/**
 * An events route streams until the client leaves, so it answers only clients that ask for a
 * stream (`Accept: text/event-stream`, as EventSource always sends); anything else gets a 406
 * instead of a response that never ends.
 */
export function requireEventStreamAccept (request: FastifyRequest): void {
  if (!/text\/event-stream/i.test(request.headers.accept ?? '')) {
    throw new AppError('NOT_ACCEPTABLE', 'this route streams Server-Sent Events: send Accept: text/event-stream (EventSource does)')
  }
}
