import { parseArgs } from 'node:util'
import { loadConfig, type Config } from '../config.ts'
import { openDatabase } from '../db/open-database.ts'
import { migrate } from '../db/migrate.ts'
import type { Database } from '../db/database.ts'
import { loadDotEnv } from '../load-dot-env.ts'
import { API_KEY_ROLES, createAdminApiKeys, type AdminApiKey, type AdminApiKeys, type ApiKeyRole } from '../privacy/admin-api-keys.ts'
import { createAuditTrail } from '../privacy/audit-trail.ts'
import { COMMAND_LINE } from '../privacy/audited-by.ts'
import { checkKeyRing } from '../privacy/check-key-ring.ts'
import { createConfiguredCipher } from '../privacy/configured-cipher.ts'
import { rotateKeys } from '../privacy/key-rotation.ts'
import { readKeyStatus, type KeyStatus } from '../privacy/key-status.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import { runningService, withDatabaseOwnership } from './database-ownership.ts'
import { runCli } from './run-cli.ts'

/** What a subcommand gets: its own arguments, the configuration, and a way to open the database. */
type CommandContext = {
  args: string[]
  config: Config
  withDatabase: <T>(command: string, run: (database: Database) => Promise<T>) => Promise<T>
  out: (line: string) => void
}

type Command = { usage: string, run: (context: CommandContext) => Promise<number> }

// One entry per subcommand: encryption keys (status, rotate) and admin API keys (create, revoke, list).
const COMMANDS: Record<string, Command> = {
  status: {
    usage: 'status                      rows under each key id, per table and field; whether rotation is complete',
    run: (context) => context.withDatabase('npm run keys -- status', async (database) => {
      printStatus(await readKeyStatus(database, createConfiguredCipher(context.config)), context.out)
      return 0
    })
  },
  rotate: {
    usage: 'rotate [--batch-size 500]   re-encrypt (and re-hash) everything written under an older key; resumable',
    run: runRotate
  },
  create: {
    usage: `create --clinic <clinicId|*> --role ${API_KEY_ROLES.join('|')} --name <label>   a new admin API key, printed once (only its hash is stored); '*' is every clinic`,
    async run (context) {
      const { values } = parseArgs({ args: context.args, options: { clinic: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } })
      if (!values.clinic || !values.role || !values.name) throw new Error(`usage: npm run keys -- ${COMMANDS.create!.usage}`)
      const role = values.role as ApiKeyRole
      if (!API_KEY_ROLES.includes(role)) throw new Error(`--role must be one of ${API_KEY_ROLES.join(', ')}`)
      const input = { name: values.name, clinicId: values.clinic === '*' ? null : values.clinic, role }
      const { key, token } = await withApiKeys(context, 'create', (keys) => keys.create(input, COMMAND_LINE))
      context.out(`created ${describeKey(key)}\n${token}`)
      process.stderr.write('Store this key now (send it as the x-api-key header): it is not shown again.\n')
      return 0
    }
  },
  revoke: {
    usage: 'revoke <key id>             revoke an admin API key (refused from the next request on)',
    async run (context) {
      const { positionals } = parseArgs({ args: context.args, allowPositionals: true, options: {} })
      if (positionals.length !== 1) throw new Error(`usage: npm run keys -- ${COMMANDS.revoke!.usage}`)
      const key = await withApiKeys(context, 'revoke', (keys) => keys.revoke(positionals[0]!, COMMAND_LINE))
      context.out(`revoked ${describeKey(key)}`)
      return 0
    }
  },
  list: {
    usage: 'list [--clinic <clinicId>]  admin API keys with their clinic, role and last use',
    async run (context) {
      const { values } = parseArgs({ args: context.args, options: { clinic: { type: 'string' } } })
      const keys = await withApiKeys(context, 'list', (store) => store.list({ clinicId: values.clinic }))
      for (const key of keys) context.out(describeKey(key))
      return 0
    }
  }
}

function withApiKeys<Result> (context: CommandContext, command: string, run: (keys: AdminApiKeys) => Promise<Result>): Promise<Result> {
  return context.withDatabase(`npm run keys -- ${command}`, (database) => run(createAdminApiKeys({ database, audit: createAuditTrail(database), now: () => new Date() })))
}

function describeKey (key: AdminApiKey): string {
  const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : `last used ${key.lastUsedAt?.toISOString() ?? 'never'}`
  return `${key.id}  ${key.role.padEnd(10)} clinic ${key.clinicId ?? '*'}  "${key.name}"  created ${key.createdAt.toISOString()}, ${state}`
}

const USAGE = `usage:\n${Object.values(COMMANDS).map((command) => `  npm run keys -- ${command.usage}`).join('\n')}
Admin API keys: create prints the key once. To rotate encryption keys: put the new key first in ENCRYPTION_KEYS (keep the old ones after it), restart the service, run rotate,
then remove the old key once status says rotation is complete.`

runCli(async () => {
  loadDotEnv()
  const [name, ...args] = process.argv.slice(2)
  const command = name ? COMMANDS[name] : undefined
  if (!command) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  // eslint-disable-next-line no-restricted-properties -- CLI entry point, like main.ts
  const config = loadConfig(process.env)
  const service = runningService(config)
  if (service) {
    throw new Error(`the chatbot service (process ${service.pid}) owns the embedded database in ${config.dataDir}; "npm run keys -- ${name}" cannot open it beside the service. ` +
      'The service rotates keys itself in the background when it starts with a new key first (keys.rotate jobs); stop it to run this command.')
  }
  return command.run({
    args,
    config,
    out: (line) => process.stdout.write(`${line}\n`),
    withDatabase: (label, run) => withDatabaseOwnership(config, label, async () => {
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, sharedBuffers: config.pgliteSharedBuffers })
      try {
        await migrate(database)
        return await run(database)
      } finally {
        await database.close()
      }
    })
  })
})

async function runRotate (context: CommandContext): Promise<number> {
  const { values } = parseArgs({ args: context.args, options: { 'batch-size': { type: 'string', default: '500' } } })
  const batchSize = Number(values['batch-size'])
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new Error('--batch-size must be a whole number from 1 to 10000')
  const cipher = createConfiguredCipher(context.config)
  // Ctrl-C or a stop signal ends the run after the batch in hand: committed batches stay rotated.
  const controller = new AbortController()
  const stop = () => controller.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    return await context.withDatabase('npm run keys -- rotate', async (database) => {
      await checkKeyRing(database, cipher)
      context.out(`rotating to encryption key "${cipher.currentKeyId}" and lookup key "${cipher.lookup.currentKeyId}", ${batchSize} rows per transaction`)
      const result = await rotateKeys({
        database,
        cipher,
        batchSize,
        signal: controller.signal,
        audit: createAuditTrail(database),
        onProgress: ({ table, done, total }) => context.out(`${table}: ${done}/${total}`)
      })
      return reportRotation(result, cipher, context.out)
    })
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  }
}

function reportRotation (result: Awaited<ReturnType<typeof rotateKeys>>, cipher: MessageCipher, out: (line: string) => void): number {
  const rewritten = Object.values(result.rewritten).reduce((sum, count) => sum + count, 0)
  if (result.complete) {
    out(`rotation complete: ${rewritten} rows rewritten; every value is under key "${cipher.currentKeyId}" (older keys may now be removed)`)
    return 0
  }
  const left = Object.entries(result.remaining).map(([table, count]) => `${table} ${count}`).join(', ')
  out(`rotation ${result.aborted ? 'interrupted' : 'incomplete'}: ${rewritten} rows rewritten, still to do: ${left}. Run "npm run keys -- rotate" again to go on.`)
  return 3
}

function printStatus (status: KeyStatus, out: (line: string) => void): void {
  out(`encryption key for new data: ${status.currentKeyId}   lookup key: ${status.currentLookupKeyId}`)
  const rows = status.fields.map((field) => [
    field.table,
    field.field,
    field.kind + (field.oneWay ? ' (one-way)' : ''),
    Object.entries(field.byKey).map(([keyId, count]) => `${keyId}: ${count}`).join(', ') || '-',
    String(field.plaintext)
  ])
  const header = ['table', 'field', 'kind', 'rows per key id', 'plaintext']
  const widths = header.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)))
  for (const row of [header, ...rows]) out(row.map((cell, index) => cell.padEnd(widths[index]!)).join('  ').trimEnd())
  out(`rotation complete: ${status.complete ? 'yes' : 'no'}`)
}
