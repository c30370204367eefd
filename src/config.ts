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
  CONVERSATION_MESSAGES_PER_MINUTE: positiveInteger('CONVERSATION_MESSAGES_PER_MINUTE').default(30),
  CORS_ORIGINS: z.string().default(''),
  TRUST_PROXY: booleanFlag.default(false),
  ADMIN_API_KEY: optionalText,
  ENCRYPTION_KEYS: optionalText,
  LOOKUP_KEYS: optionalText,
  DEFAULT_CLINIC_ID: z.string().min(1).default('default'),
  CONVERSATION_IDLE_MINUTES: positiveInteger('CONVERSATION_IDLE_MINUTES').default(30),
  LOAD_SAMPLE_CORPUS: booleanFlag.default(true),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: z.url({ error: 'OPENAI_BASE_URL must be a URL' }).optional(),
  OPENAI_CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  MODEL_TIMEOUT_MS: positiveInteger('MODEL_TIMEOUT_MS').default(4000),
  DELIVERY_LEASE_SECONDS: positiveInteger('DELIVERY_LEASE_SECONDS').default(60),
  DELIVERY_POLL_MS: positiveInteger('DELIVERY_POLL_MS').default(500),
  DELIVERY_MAX_ATTEMPTS: positiveInteger('DELIVERY_MAX_ATTEMPTS').default(8),
  WHATSAPP_VERIFY_TOKEN: optionalText,
  WHATSAPP_APP_SECRET: optionalText,
  WHATSAPP_ACCESS_TOKEN: optionalText,
  WHATSAPP_PHONE_NUMBER_ID: optionalText,
  WHATSAPP_API_BASE_URL: z.url({ error: 'WHATSAPP_API_BASE_URL must be a URL' }).default('https://graph.facebook.com/v21.0'),
  WECHAT_TOKEN: optionalText,
  WECHAT_ENCODING_AES_KEY: z.string().trim().regex(/^[A-Za-z0-9+/]{43}$/).optional(),
  WECHAT_PREVIOUS_ENCODING_AES_KEY: z.string().trim().regex(/^[A-Za-z0-9+/]{43}$/).optional(),
  WECHAT_APP_ID: optionalText,
  WECHAT_APP_SECRET: optionalText,
  WECHAT_API_BASE_URL: z.url({ error: 'WECHAT_API_BASE_URL must be a URL' }).default('https://api.weixin.qq.com'),
  WECHAT_REPLY_DEADLINE_MS: positiveInteger('WECHAT_REPLY_DEADLINE_MS').default(4000),
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
  /** Patient messages per conversation per minute (on top of the per-address limit). */
  conversationMessagesPerMinute: number
  corsOrigins: string[]
  trustProxy: boolean
  adminApiKey: string | undefined
  encryptionKeys: string | undefined
  /** Keys of the HMAC lookup hashes; undefined: derived from each encryption key (HKDF). */
  lookupKeys: string | undefined
  defaultClinicId: string
  conversationIdleMinutes: number
  loadSampleCorpus: boolean
  openai: Readonly<{ apiKey: string | undefined, baseUrl: string | undefined, chatModel: string, embeddingModel: string, timeoutMs: number }>
  /** The durable job queue (src/delivery): lease of a claimed job, poll interval, attempts before a dead letter. */
  delivery: Readonly<{ leaseMs: number, pollMs: number, maxAttempts: number }>
  /** A channel is undefined (off) when its settings are absent; a partial set is a ConfigError. */
  whatsapp: WhatsAppSettings | undefined
  wechat: WeChatSettings | undefined
  /** For every WeChat account (the default clinic's and clinics' own): API address and passive-reply deadline. */
  wechatApi: Readonly<{ baseUrl: string, replyDeadlineMs: number }>
  /** Human handoff: how long an agent's sign-in lasts; when a waiting emergency is re-alerted. */
  handoff: Readonly<{ sessionHours: number, loginAttemptsPerMinute: number, emergencyRealertMinutes: number }>
}>

export type WhatsAppSettings = Readonly<{ verifyToken: string, appSecret: string, accessToken: string, phoneNumberId: string, apiBaseUrl: string }>

export type WeChatSettings = Readonly<{ token: string, appId: string, appSecret: string, encodingAesKey: string | undefined, previousEncodingAesKey: string | undefined }>

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
    conversationMessagesPerMinute: values.CONVERSATION_MESSAGES_PER_MINUTE,
    corsOrigins: values.CORS_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean),
    trustProxy: values.TRUST_PROXY,
    adminApiKey: values.ADMIN_API_KEY,
    encryptionKeys: values.ENCRYPTION_KEYS,
    lookupKeys: values.LOOKUP_KEYS,
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
    delivery: Object.freeze({
      leaseMs: values.DELIVERY_LEASE_SECONDS * 1000,
      pollMs: values.DELIVERY_POLL_MS,
      maxAttempts: values.DELIVERY_MAX_ATTEMPTS
    }),
    whatsapp: allOrNone('WhatsApp', {
      WHATSAPP_VERIFY_TOKEN: values.WHATSAPP_VERIFY_TOKEN,
      WHATSAPP_APP_SECRET: values.WHATSAPP_APP_SECRET,
      WHATSAPP_ACCESS_TOKEN: values.WHATSAPP_ACCESS_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: values.WHATSAPP_PHONE_NUMBER_ID
    }, (set) => ({ verifyToken: set.WHATSAPP_VERIFY_TOKEN, appSecret: set.WHATSAPP_APP_SECRET, accessToken: set.WHATSAPP_ACCESS_TOKEN, phoneNumberId: set.WHATSAPP_PHONE_NUMBER_ID, apiBaseUrl: values.WHATSAPP_API_BASE_URL.replace(/\/+$/, '') })),
    wechat: allOrNone('WeChat', {
      WECHAT_TOKEN: values.WECHAT_TOKEN,
      WECHAT_APP_ID: values.WECHAT_APP_ID,
      WECHAT_APP_SECRET: values.WECHAT_APP_SECRET
    }, (set) => ({
      token: set.WECHAT_TOKEN,
      appId: set.WECHAT_APP_ID,
      appSecret: set.WECHAT_APP_SECRET,
      encodingAesKey: values.WECHAT_ENCODING_AES_KEY,
      previousEncodingAesKey: values.WECHAT_PREVIOUS_ENCODING_AES_KEY
    })),
    wechatApi: Object.freeze({ baseUrl: values.WECHAT_API_BASE_URL.replace(/\/+$/, ''), replyDeadlineMs: values.WECHAT_REPLY_DEADLINE_MS }),
    handoff: Object.freeze({ sessionHours: values.AGENT_SESSION_HOURS, loginAttemptsPerMinute: values.AGENT_LOGIN_ATTEMPTS_PER_MINUTE, emergencyRealertMinutes: values.HANDOFF_EMERGENCY_REALERT_MINUTES })
  })
}

/** Every setting of a channel, or none (the channel is off); some but not all is a mistake worth stopping for. */
function allOrNone<Names extends string, Settings> (channel: string, given: Record<Names, string | undefined>, build: (set: Record<Names, string>) => Settings): Readonly<Settings> | undefined {
  const missing = Object.entries(given).filter(([, value]) => value === undefined).map(([name]) => name)
  if (missing.length === Object.keys(given).length) return undefined
  if (missing.length > 0) throw new ConfigError(`${missing.join(', ')} must be set too: ${channel} needs ${Object.keys(given).join(', ')} (or none of them to turn it off)`)
  return Object.freeze(build(given as Record<Names, string>))
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
  CONVERSATION_MESSAGES_PER_MINUTE: 'a positive whole number',
  CONVERSATION_IDLE_MINUTES: 'a positive whole number',
  MODEL_TIMEOUT_MS: 'a positive whole number',
  DELIVERY_LEASE_SECONDS: 'a positive whole number',
  DELIVERY_POLL_MS: 'a positive whole number',
  DELIVERY_MAX_ATTEMPTS: 'a positive whole number',
  WHATSAPP_API_BASE_URL: 'an http(s) URL',
  WECHAT_API_BASE_URL: 'an http(s) URL',
  WECHAT_ENCODING_AES_KEY: '43 characters of base64 (the EncodingAESKey from the Official Account settings)',
  WECHAT_PREVIOUS_ENCODING_AES_KEY: '43 characters of base64 (the EncodingAESKey used before the current one)',
  WECHAT_REPLY_DEADLINE_MS: 'a positive whole number',
  AGENT_SESSION_HOURS: 'a positive whole number',
  AGENT_LOGIN_ATTEMPTS_PER_MINUTE: 'a positive whole number',
  HANDOFF_EMERGENCY_REALERT_MINUTES: 'a positive whole number'
}

function redact (name: string, value: string | undefined): string | undefined {
  return /KEY|SECRET|TOKEN|PASSWORD/.test(name) ? '***' : value
}
