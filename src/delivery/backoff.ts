export type BackoffSettings = { baseMs: number, maxMs: number }

export const DEFAULT_BACKOFF: BackoffSettings = { baseMs: 2000, maxMs: 15 * 60_000 }

/**
 * Exponential backoff with "equal jitter": half of base * 2^(attempt-1) (capped) for certain, the
 * other half at random, so many failing jobs do not retry in lockstep. A provider's Retry-After
 * wins when it asks for longer.
 */
export function nextRetryDelayMs (attempt: number, settings: BackoffSettings, random: () => number, retryAfterMs?: number): number {
  const ceiling = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.max(0, Math.min(30, attempt - 1)))
  const delay = Math.round(ceiling / 2 + random() * ceiling / 2)
  return Math.max(delay, retryAfterMs ?? 0)
}
