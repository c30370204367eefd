import { PermanentJobError, RetryableJobError } from '../delivery/job-errors.ts'

export type ProviderResponse = { status: number, json: unknown, retryAfterMs: number | undefined }

const DEFAULT_TIMEOUT_MS = 10_000

/**
 * One HTTP call to a provider's API. A network error or timeout is retryable (the queue tries
 * again); the caller decides what a status means with classifyHttpFailure.
 */
export async function callProvider (input: { url: string, method?: 'GET' | 'POST', body?: unknown, headers?: Record<string, string>, timeoutMs?: number }): Promise<ProviderResponse> {
  let response: Response
  try {
    response = await fetch(input.url, {
      method: input.method ?? 'POST',
      headers: { ...(input.body === undefined ? {} : { 'content-type': 'application/json' }), ...input.headers },
      ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
      signal: AbortSignal.timeout(input.timeoutMs ?? DEFAULT_TIMEOUT_MS)
    })
  } catch (error) {
    throw new RetryableJobError(`could not reach ${new URL(input.url).host}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  const text = await response.text().catch(() => '')
  let json: unknown = null
  try { json = text ? JSON.parse(text) : null } catch { json = { raw: text.slice(0, 500) } }
  return { status: response.status, json, retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) }
}

/** 5xx, 408 and 429 are worth retrying (429 honouring Retry-After); any other 4xx is permanent. */
export function classifyHttpFailure (response: ProviderResponse, description: string): Error {
  const { status } = response
  if (status >= 500 || status === 429 || status === 408) return new RetryableJobError(`${description}: HTTP ${status}`, { retryAfterMs: response.retryAfterMs })
  return new PermanentJobError(`${description}: HTTP ${status}`)
}

/** Retry-After in seconds or as an HTTP date. */
export function parseRetryAfter (value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
