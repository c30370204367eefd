/**
 * How a job handler says what went wrong. Any other error counts as retryable (a network error, a
 * timeout, a bug that may pass): the job runs again later with backoff until its attempts run out.
 */

/** Retrying cannot help (e.g. a provider's 4xx): the job becomes a dead letter at once, with this reason. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError'
}

/** Worth another try (5xx, 429, timeout); retryAfterMs (e.g. from Retry-After) sets the earliest next run. */
export class RetryableJobError extends Error {
  override name = 'RetryableJobError'
  readonly retryAfterMs: number | undefined

  constructor (message: string, options: { retryAfterMs?: number | undefined, cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.retryAfterMs = options.retryAfterMs
  }
}

/** By name, not instanceof, like isAppError: another copy of this module still counts. */
export function isPermanentJobError (error: unknown): error is PermanentJobError {
  return error instanceof Error && error.name === 'PermanentJobError'
}

export function retryAfterOf (error: unknown): number | undefined {
  return error instanceof Error && error.name === 'RetryableJobError' ? (error as RetryableJobError).retryAfterMs : undefined
}
