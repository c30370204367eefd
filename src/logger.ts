import { pino, type DestinationStream, type Logger } from 'pino'
import type { Config } from './config.ts'

/** One pino logger per process: the HTTP app's and the domain modules'. */
export type { Logger }

// Message text and credentials never reach the logs; request bodies are not logged at all, nor
// (by the serializer below) request headers. The paths are a second line for code that logs a
// raw request.
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', 'req.query.access_token', 'req.query.token']

// EventSource sends the conversation token as ?token=; WhatsApp's handshake sends hub.verify_token.
const SECRET_QUERY_PARAMETER = /token|key|secret|password/i

/** The URL with the values of credential-like query parameters replaced, for logging. */
export function withoutSecrets (url: string): string {
  const query = url.indexOf('?')
  if (query === -1) return url
  const parameters = url.slice(query + 1).split('&').map((pair) => {
    const name = pair.split('=', 1)[0]!
    let decoded = name
    try { decoded = decodeURIComponent(name) } catch { /* a malformed name is checked as it is */ }
    return SECRET_QUERY_PARAMETER.test(decoded) ? `${name}=[redacted]` : pair
  })
  return `${url.slice(0, query)}?${parameters.join('&')}`
}

type LoggedRequest = { method: string, url: string, host?: string, ip?: string }

const serializers = {
  req: (request: LoggedRequest) => ({ method: request.method, url: withoutSecrets(request.url), host: request.host, remoteAddress: request.ip })
}

/** The process logger; tests pass a destination to read what it writes. */
export function createLogger (config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, serializers }
  return destination ? pino(options, destination) : pino(options)
}
