import { parseArgs } from 'node:util'
import { loadConfig, type Config } from '../config.ts'
import type { Database } from '../db/database.ts'
import { openDatabase } from '../db/open-database.ts'
import { migrate } from '../db/migrate.ts'
import { loadDotEnv } from '../load-dot-env.ts'
import { API_KEY_ROLES, createAdminApiKeys, type AdminApiKey, type AdminApiKeys, type ApiKeyRole } from '../privacy/admin-api-keys.ts'
import { createAuditTrail } from '../privacy/audit-trail.ts'
import { COMMAND_LINE } from '../privacy/audited-by.ts'
import { withDatabaseOwnership } from './database-ownership.ts'
import { runCli } from './run-cli.ts'

const USAGE = `usage:
  npm run keys -- create --clinic <clinicId|*> --role ${API_KEY_ROLES.join('|')} --name <label>
  npm run keys -- revoke <key id>
  npm run keys -- list [--clinic <clinicId>]
A new key is printed once: only its hash is stored. --clinic '*' makes a platform operator's key (every clinic).`

type Command = (args: string[], config: Config) => Promise<number>

/** One function per subcommand: `npm run keys -- <name> ...`. */
const COMMANDS: Record<string, Command> = {
  async create (args, config) {
    const { values } = parseArgs({ args, options: { clinic: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } })
    if (!values.clinic || !values.role || !values.name) return usage()
    const role = values.role as ApiKeyRole
    if (!API_KEY_ROLES.includes(role)) throw new Error(`--role must be one of ${API_KEY_ROLES.join(', ')}`)
    const input = { name: values.name, clinicId: values.clinic === '*' ? null : values.clinic, role }
    const { key, token } = await withApiKeys(config, 'create', (keys) => keys.create(input, COMMAND_LINE))
    process.stdout.write(`created ${describe(key)}\n${token}\n`)
    process.stderr.write('Store this key now (send it as the x-api-key header): it is not shown again.\n')
    return 0
  },

  async revoke (args, config) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} })
    if (positionals.length !== 1) return usage()
    const key = await withApiKeys(config, 'revoke', (keys) => keys.revoke(positionals[0]!, COMMAND_LINE))
    process.stdout.write(`revoked ${describe(key)}\n`)
    return 0
  },

  async list (args, config) {
    const { values } = parseArgs({ args, options: { clinic: { type: 'string' } } })
    const keys = await withApiKeys(config, 'list', (store) => store.list({ clinicId: values.clinic }))
    for (const key of keys) process.stdout.write(`${describe(key)}\n`)
    return 0
  }
}

runCli(async () => {
  loadDotEnv()
  const [name, ...args] = process.argv.slice(2)
  const command = name === undefined ? undefined : COMMANDS[name]
  if (!command) return usage()
  // eslint-disable-next-line no-restricted-properties -- CLI entry point, like main.ts
  return command(args, loadConfig(process.env))
})

async function withApiKeys<Result> (config: Config, command: string, run: (keys: AdminApiKeys) => Promise<Result>): Promise<Result> {
  return withDatabaseOwnership(config, `npm run keys -- ${command}`, async () => {
    const database: Database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, sharedBuffers: config.pgliteSharedBuffers })
    try {
      await migrate(database)
      return await run(createAdminApiKeys({ database, audit: createAuditTrail(database), now: () => new Date() }))
    } finally {
      await database.close()
    }
  })
}

function describe (key: AdminApiKey): string {
  const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : `last used ${key.lastUsedAt?.toISOString() ?? 'never'}`
  return `${key.id}  ${key.role.padEnd(10)} clinic ${key.clinicId ?? '*'}  "${key.name}"  created ${key.createdAt.toISOString()}, ${state}`
}

function usage (): number {
  process.stderr.write(`${USAGE}\n`)
  return 2
}
