import type { FastifyBaseLogger } from 'fastify'
import { pino } from 'pino'
import type { Config } from './config.ts'

/** pino's interface as Fastify types it, so the app and the domain modules share one logger. */
export type Logger = FastifyBaseLogger

// Message text and credentials never reach the logs; request bodies are not logged at all.
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', 'req.query.access_token']

export function createLogger (config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } })
}
