import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError, isAppError, isDatabaseUnavailable, type ErrorCode } from '../errors.ts'

type ErrorBody = { error: { code: string, message: string } }

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_RATE_LIMIT: 'RATE_LIMITED'
}

/** Maps every error to {"error":{"code","message"}}; real messages below 500, a generic one above. */
export function toErrorResponse (error: unknown): { statusCode: number, body: ErrorBody } {
  const appError = toAppError(error)
  const message = appError.statusCode >= 500 && appError.code !== 'DATABASE_UNAVAILABLE'
    ? 'Something went wrong on our side. Please try again.'
    : appError.message
  return { statusCode: appError.statusCode, body: { error: { code: appError.code, message } } }
}

function toAppError (error: unknown): AppError {
  if (isAppError(error)) return error
  if (hasZodFastifySchemaValidationErrors(error)) return new AppError('VALIDATION_FAILED', describeValidation(error))
  if (isDatabaseUnavailable(error)) return new AppError('DATABASE_UNAVAILABLE', 'The service is temporarily unavailable. Please try again shortly.', { cause: error })
  // Backstop for the NUL check at the HTTP layer: text PostgreSQL cannot store is the caller's error.
  if (['22021', '22P05'].includes(String((error as { code?: unknown }).code))) return new AppError('VALIDATION_FAILED', 'A text field contains a character that cannot be stored.')
  const fastifyError = error as Partial<FastifyError>
  const code = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined
  if (code === 'INVALID_JSON') return new AppError(code, 'The request body is not valid JSON.')
  if (code === 'RATE_LIMITED') return new AppError(code, 'Too many requests. Please wait and try again.')
  if (code) return new AppError(code, fastifyError.message ?? code)
  const status = fastifyError.statusCode
  if (status && status >= 400 && status < 500) return new AppError('VALIDATION_FAILED', fastifyError.message ?? 'Bad request')
  return new AppError('INTERNAL', 'internal error', { cause: error })
}

type ValidationIssue = { instancePath?: string, params?: { issue?: { path?: PropertyKey[], message?: string } }, message?: string }

function describeValidation (error: { validation: unknown[], validationContext?: string }): string {
  const first = error.validation[0] as ValidationIssue | undefined
  const path = first?.params?.issue?.path?.map(String).join('.') || first?.instancePath?.replace(/^\//, '').replaceAll('/', '.')
  const where = error.validationContext ?? 'body'
  const field = path ? `${where}.${path}` : where
  return `${field}: ${first?.params?.issue?.message ?? first?.message ?? 'is invalid'}`
}

export function registerErrorHandling (app: FastifyInstance): void {
  app.setErrorHandler((error, request: FastifyRequest, reply: FastifyReply) => {
    const { statusCode, body } = toErrorResponse(error)
    const logFields = { code: body.error.code, statusCode, method: request.method, route: request.routeOptions.url }
    if (statusCode === 503) request.log.warn({ ...logFields, err: error }, 'database unavailable')
    else if (statusCode >= 500) request.log.error({ ...logFields, err: error }, 'request failed')
    else request.log.info(logFields, 'request rejected')
    if (statusCode === 503) reply.header('Retry-After', '5')
    return reply.status(statusCode).send(body)
  })
}

/** Unknown routes answer JSON 404s, rate-limited so that scanning for routes costs the scanner. */
export function registerNotFoundHandling (app: FastifyInstance): void {
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, (request, reply) => {
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${request.url.split('?')[0]}` } })
  })
}
