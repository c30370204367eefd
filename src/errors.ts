/** The error-code registry: every error the API can return, with its HTTP status. */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONVERSATION_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  ALREADY_CLAIMED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
  NOT_BUILT: 503
} as const

export type ErrorCode = keyof typeof ERROR_CODES

export class AppError extends Error {
  override name = 'AppError'
  readonly code: ErrorCode
  readonly statusCode: number
  readonly details: Record<string, unknown> | undefined

  constructor (code: ErrorCode, message: string, options: { cause?: unknown, details?: Record<string, unknown> } = {}) {
    super(message, { cause: options.cause })
    this.code = code
    this.statusCode = ERROR_CODES[code]
    this.details = options.details
  }
}

/** Recognised by shape, not instanceof, so errors from another copy of this module still count. */
export function isAppError (error: unknown): error is AppError {
  return error instanceof Error && error.name === 'AppError' && typeof (error as AppError).code === 'string' &&
    (error as AppError).code in ERROR_CODES
}

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006'])

/** True when an error means the database cannot be reached (not that a query was wrong). */
export function isDatabaseUnavailable (error: unknown): boolean {
  let current: unknown = error
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true
    const message = (current as { message?: unknown }).message
    if (typeof message === 'string' && /Connection terminated|not queryable|timeout exceeded when trying to connect|connect ECONNREFUSED|the database system is (starting up|shutting down)|PGlite is closed/i.test(message)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}
