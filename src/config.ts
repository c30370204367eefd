import { z } from 'zod'

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => ['true', '1', 'yes'].includes(value))
const optionalText = z.string().trim().min(1).optional()
const positiveInteger = (name: string) => z.coerce.number({ error: `${name} must be a whole number` })
  .int(`${name} must be a whole number`).positive(`${name} must be a positive whole number`)

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' }).optional(),
  DATABASE_POOL_SIZE: positiveInteger('DATABASE_POOL_SIZE').default(10),
  PGLITE_SHARED_BUFFERS: z.string().regex(/^[1-9]\d*(kB|MB|GB)$/).default('32MB'),
  BODY_LIMIT_BYTES: positiveInteger('BODY_LIMIT_BYTES').default(65536),
  RATE_LIMIT_PER_MINUTE: positiveInteger('RATE_LIMIT_PER_MINUTE').default(120),
  CORS_ORIGINS: z.string().default(''),
  TRUST_PROXY: booleanFlag.default(false),
  ADMIN_API_KEY: optionalText,
  ENCRYPTION_KEYS: optionalText,
  DEFAULT_CLINIC_ID: z.string().min(1).default('default'),
  CONVERSATION_IDLE_MINUTES: positiveInteger('CONVERSATION_IDLE_MINUTES').default(30),
  LOAD_SAMPLE_CORPUS: booleanFlag.default(true),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: z.url({ error: 'OPENAI_BASE_URL must be a URL' }).optional(),
  OPENAI_CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  MODEL_TIMEOUT_MS: positiveInteger('MODEL_TIMEOUT_MS').default(4000),
  AGENT_SESSION_HOURS: positiveInteger('AGENT_SESSION_HOURS').default(12),
  AGENT_LOGIN_ATTEMPTS_PER_MINUTE: positiveInteger('AGENT_LOGIN_ATTEMPTS_PER_MINUTE').default(10),
  HANDOFF_EMERGENCY_REALERT_MINUTES: positiveInteger('HANDOFF_EMERGENCY_REALERT_MINUTES').default(5)
})

export type Config = Readonly<{
  environment: 'development' | 'production' | 'test'
  port: number
  host: string
  logLevel: string
  dataDir: string
  databaseUrl: string | undefined
  databasePoolSize: number
  pgliteSharedBuffers: string
  bodyLimitBytes: number
  rateLimitPerMinute: number
  corsOrigins: string[]
  trustProxy: boolean
  adminApiKey: string | undefined
  encryptionKeys: string | undefined
  defaultClinicId: string
  conversationIdleMinutes: number
  loadSampleCorpus: boolean
  openai: Readonly<{ apiKey: string | undefined, baseUrl: string | undefined, chatModel: string, embeddingModel: string, timeoutMs: number }>
  /** Human handoff: how long an agent's sign-in lasts; when a waiting emergency is re-alerted. */
  handoff: Readonly<{ sessionHours: number, loginAttemptsPerMinute: number, emergencyRealertMinutes: number }>
}>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses the environment into a frozen Config; throws ConfigError naming the first bad variable. */
export function loadConfig (environment: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''))
  const result = environmentSchema.safeParse(present)
  if (!result.success) throw new ConfigError(describeIssue(result.error.issues[0], present))
  const values = result.data
  return Object.freeze({
    environment: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    logLevel: values.LOG_LEVEL,
    dataDir: values.DATA_DIR,
    databaseUrl: values.DATABASE_URL,
    databasePoolSize: values.DATABASE_POOL_SIZE,
    pgliteSharedBuffers: values.PGLITE_SHARED_BUFFERS,
    bodyLimitBytes: values.BODY_LIMIT_BYTES,
    rateLimitPerMinute: values.RATE_LIMIT_PER_MINUTE,
    corsOrigins: values.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    trustProxy: values.TRUST_PROXY,
    adminApiKey: values.ADMIN_API_KEY,
    encryptionKeys: values.ENCRYPTION_KEYS,
    defaultClinicId: values.DEFAULT_CLINIC_ID,
    conversationIdleMinutes: values.CONVERSATION_IDLE_MINUTES,
    loadSampleCorpus: values.LOAD_SAMPLE_CORPUS,
    openai: Object.freeze({
      apiKey: values.OPENAI_API_KEY,
      baseUrl: values.OPENAI_BASE_URL,
      chatModel: values.OPENAI_CHAT_MODEL,
      embeddingModel: values.OPENAI_EMBEDDING_MODEL,
      timeoutMs: values.MODEL_TIMEOUT_MS
    }),
    handoff: Object.freeze({ sessionHours: values.AGENT_SESSION_HOURS, loginAttemptsPerMinute: values.AGENT_LOGIN_ATTEMPTS_PER_MINUTE, emergencyRealertMinutes: values.HANDOFF_EMERGENCY_REALERT_MINUTES })
  })
}

function describeIssue (issue: z.core.$ZodIssue | undefined, present: Record<string, string | undefined>): string {
  if (!issue) return 'configuration is invalid'
  const name = String(issue.path[0] ?? 'configuration')
  const given = present[name] === undefined ? '' : ` (got ${JSON.stringify(redact(name, present[name]))})`
  const expected = EXPECTATIONS[name] ?? issue.message
  return `${name} must be ${expected}${given}`
}

const EXPECTATIONS: Record<string, string> = {
  NODE_ENV: 'one of development, production, test',
  PORT: 'a whole number from 0 to 65535',
  LOG_LEVEL: 'one of fatal, error, warn, info, debug, trace, silent',
  DATABASE_URL: 'a postgres:// or postgresql:// URL',
  PGLITE_SHARED_BUFFERS: 'a size such as 32MB (kB, MB or GB)',
  OPENAI_BASE_URL: 'an http(s) URL',
  TRUST_PROXY: 'true or false',
  LOAD_SAMPLE_CORPUS: 'true or false',
  DATABASE_POOL_SIZE: 'a positive whole number',
  BODY_LIMIT_BYTES: 'a positive whole number',
  RATE_LIMIT_PER_MINUTE: 'a positive whole number',
  CONVERSATION_IDLE_MINUTES: 'a positive whole number',
  MODEL_TIMEOUT_MS: 'a positive whole number',
  AGENT_SESSION_HOURS: 'a positive whole number',
  AGENT_LOGIN_ATTEMPTS_PER_MINUTE: 'a positive whole number',
  HANDOFF_EMERGENCY_REALERT_MINUTES: 'a positive whole number'
}

function redact (name: string, value: string | undefined): string | undefined {
  return /KEY|SECRET|TOKEN|PASSWORD/.test(name) ? '***' : value
}
