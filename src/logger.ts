import { pino, type Logger } from 'pino'
import type { Config } from './config.ts'

/** One pino logger per process: the HTTP app's and the domain modules'. */
export type { Logger }

// Message text and credentials never reach the logs; request bodies are not logged at all.
const REDACTED_PATHS = ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', 'req.query.access_token']

export function createLogger (config: Pick<Config, 'logLevel'>): Logger {
  return pino({ level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } })
}
