import { ApiError, NetworkError } from './api.ts'
import { fill, type UiText } from './locales.ts'

export type Banner = { kind: 'offline' | 'busy' | 'unavailable', text: string } | null

/** What to do with a message the service did not answer. */
export type FailureAction =
  /** The conversation is gone (erased, token no longer valid): start a new one and send it there. */
  | { action: 'new-conversation' }
  /** The service refused this message itself (too long, not allowed): show why, go on with the next. */
  | { action: 'give-up', reason: string }
  /** Offline: wait for the browser's `online` event. */
  | { action: 'wait-for-network', banner: Banner }
  /** Busy, unavailable or unreachable: try again later, with the same clientMessageId. */
  | { action: 'retry', seconds: number, banner: Banner }

const REFUSED = [400, 403, 413, 415, 422]
const MAX_BACK_OFF_SECONDS = 30

/** `attempt` counts failures in a row (1 for the first): the back-off doubles up to 30 s. */
export function decideOnFailure (error: unknown, options: { attempt: number, online: boolean, text: UiText }): FailureAction {
  const { text } = options
  if (error instanceof ApiError && (error.status === 401 || error.status === 404)) return { action: 'new-conversation' }
  if (error instanceof ApiError && REFUSED.includes(error.status)) return { action: 'give-up', reason: error.message }
  if (error instanceof NetworkError && !options.online) return { action: 'wait-for-network', banner: { kind: 'offline', text: text.offline } }
  const seconds = error instanceof ApiError && error.retryAfter ? error.retryAfter : Math.min(MAX_BACK_OFF_SECONDS, 2 ** options.attempt)
  const banner: Banner = error instanceof ApiError && error.status === 429
    ? { kind: 'busy', text: fill(text.busy, { seconds }) }
    : { kind: 'unavailable', text: text.unavailable }
  return { action: 'retry', seconds, banner }
}
