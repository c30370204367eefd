import { parseArgs } from 'node:util'
import { text } from 'node:stream/consumers'
import { loadConfig } from '../config.ts'
import { openDatabase } from '../db/open-database.ts'
import { migrate } from '../db/migrate.ts'
import { loadDotEnv } from '../load-dot-env.ts'
import { AGENT_ROLES, createAgentAccounts, type AgentRole } from '../handoff/agent-accounts.ts'
import { createAuditTrail } from '../privacy/audit-trail.ts'
import { COMMAND_LINE } from '../privacy/audited-by.ts'
import { createAgentBodySchema } from '../server/schemas/agent.ts'
import { runCli } from './run-cli.ts'

const USAGE = `usage:
  npm run agents -- create --clinic <clinicId> --email <email> --name <name> [--role agent|supervisor|admin] --password-stdin
  npm run agents -- list --clinic <clinicId>
The password is read from standard input (--password-stdin) or from AGENT_PASSWORD, never from the command line.`

runCli(async () => {
  loadDotEnv()
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { clinic: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'agent' }, 'password-stdin': { type: 'boolean', default: false } }
  })
  const command = positionals[0]
  if ((command !== 'create' && command !== 'list') || !values.clinic) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  // eslint-disable-next-line no-restricted-properties -- CLI entry point, like main.ts
  const environment = process.env
  const config = loadConfig(environment)
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, sharedBuffers: config.pgliteSharedBuffers })
  try {
    await migrate(database)
    const accounts = createAgentAccounts({ database, audit: createAuditTrail(database), now: () => new Date(), sessionHours: config.handoff.sessionHours })
    if (command === 'list') {
      for (const agent of await accounts.list(values.clinic)) process.stdout.write(`${agent.id}  ${agent.role.padEnd(10)} ${agent.email}  ${agent.name}\n`)
      return 0
    }
    const password = values['password-stdin'] ? (await text(process.stdin)).replace(/\r?\n$/, '') : environment.AGENT_PASSWORD ?? ''
    if (!AGENT_ROLES.includes(values.role as AgentRole)) throw new Error(`--role must be one of ${AGENT_ROLES.join(', ')}`)
    const parsed = createAgentBodySchema.safeParse({ email: values.email, name: values.name, password, role: values.role })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new Error(`${String(issue.path[0] ?? 'input')}: ${issue.message}`)
    }
    const agent = await accounts.create({ clinicId: values.clinic, ...parsed.data }, COMMAND_LINE)
    process.stdout.write(`created ${agent.role} ${agent.email} (${agent.name}) in clinic ${agent.clinicId}: id ${agent.id}\n`)
    return 0
  } finally {
    await database.close()
  }
})
