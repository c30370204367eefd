import { readFile, stat, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { openDatabase } from '../db/open-database.ts'
import { migrate } from '../db/migrate.ts'
import { systemClock } from '../clock.ts'
import { loadDotEnv } from '../load-dot-env.ts'
import { createEmbedder } from '../knowledge/embedder.ts'
import type { CorpusContext } from '../knowledge/corpus-context.ts'
import type { ReviewStatus } from '../knowledge/corpus-types.ts'
import { importPhrases, importPolicies, readPolicyFolder, type ImportFormat } from '../knowledge/corpus-import.ts'
import { exportPhrases } from '../knowledge/corpus-export.ts'
import { reembedCorpus } from '../knowledge/reembed.ts'
import { corpusStats } from '../knowledge/corpus-stats.ts'
import { runCli } from './run-cli.ts'
import { runningService, serviceRunningMessage, withDatabaseOwnership } from './database-ownership.ts'
import type { DataDirOwner } from '../db/data-dir-lock.ts'

const USAGE = `usage: npm run corpus -- <command> [options]
  import <file.jsonl|file.csv|policy-folder> [--clinic ID] [--author NAME] [--approve-as REVIEWER] [--locale L (flat policy folder)]
  export [--format jsonl|csv] [--clinic ID|shared] [--locale L] [--status S] [--out FILE]
  reembed      give every approved phrase and chunk a vector of the configured model (resumable)
  stats        counts by locale and status, vectors by model`

runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      clinic: { type: 'string' },
      author: { type: 'string', default: 'cli-import' },
      'approve-as': { type: 'string' },
      locale: { type: 'string' },
      format: { type: 'string' },
      status: { type: 'string' },
      out: { type: 'string' }
    }
  })
  const [command, target] = positionals
  if (!command || !['import', 'export', 'reembed', 'stats'].includes(command)) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  loadDotEnv()
  // eslint-disable-next-line no-restricted-properties -- CLI entry point, like main.ts
  const config = loadConfig(process.env)
  // While the service owns the embedded database, a phrase import goes through its admin API;
  // anything else is refused (see database-ownership.ts).
  const service = runningService(config)
  if (service && command === 'import' && target && !values['approve-as'] && !(await stat(target)).isDirectory()) {
    return importThroughService({ config, service, target, author: values.author, clinicId: values.clinic })
  }
  return withDatabaseOwnership(config, `npm run corpus -- ${command}`, () => runCommand({ config, command, target, values }))
})

type CommandInput = { config: ReturnType<typeof loadConfig>, command: string, target: string | undefined, values: { clinic?: string | undefined, author: string, 'approve-as'?: string | undefined, locale?: string | undefined, format?: string | undefined, status?: string | undefined, out?: string | undefined } }

async function runCommand ({ config, command, target, values }: CommandInput): Promise<number> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, sharedBuffers: config.pgliteSharedBuffers })
  try {
    await migrate(db)
    const context: CorpusContext = { db, embedder: createEmbedder({ ...config.openai }), vectorEnabled: await db.hasVector(), clock: systemClock }
    const clinicId = values.clinic === 'shared' ? null : values.clinic
    if (command === 'import') {
      if (!target) throw new Error('import needs a file or folder')
      const options = { author: values.author, approvedBy: values['approve-as'], clinicId }
      const report = (await stat(target)).isDirectory()
        ? await importPolicies(context, await readPolicyFolder(target, values.locale), options)
        : await importPhrases(context, await readFile(target, 'utf8'), target.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl', options)
      process.stdout.write(`${JSON.stringify(report)}\n`)
    } else if (command === 'export') {
      const format = (values.format ?? 'jsonl') as ImportFormat
      const text = await exportPhrases(db, format, {
        ...(values.clinic ? { clinicId } : {}),
        ...(values.locale ? { locale: values.locale } : {}),
        ...(values.status ? { status: values.status as ReviewStatus } : {})
      })
      if (values.out) await writeFile(values.out, text)
      else process.stdout.write(text)
    } else if (command === 'reembed') {
      const report = await reembedCorpus(context, (done) => process.stderr.write(`\rembedded ${done}`))
      process.stdout.write(`\n${JSON.stringify(report)}\n`)
    } else {
      process.stdout.write(`${JSON.stringify(await corpusStats(context), null, 2)}\n`)
    }
  } catch (error) {
    const details = (error as { details?: { errors?: unknown[] } }).details
    if (details?.errors) process.stderr.write(`${details.errors.map((problem) => JSON.stringify(problem)).join('\n')}\n`)
    throw error
  } finally {
    await db.close()
  }
  return 0
}

/** POST /admin/corpus/import on the running service: the phrases become drafts there, nothing is lost. */
async function importThroughService (input: { config: ReturnType<typeof loadConfig>, service: DataDirOwner, target: string, author: string, clinicId: string | undefined }): Promise<number> {
  const { config, service, target } = input
  if (!service.url || !config.adminApiKey) throw new Error(serviceRunningMessage(config.dataDir, service, 'npm run corpus -- import') + ' (set ADMIN_API_KEY to import through the running service)')
  const format = target.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl'
  const query = new URLSearchParams({ format, ...(input.clinicId ? { clinicId: input.clinicId } : {}) })
  const response = await fetch(`${service.url}/admin/corpus/import?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-api-key': config.adminApiKey, 'x-actor': input.author },
    body: await readFile(target, 'utf8')
  })
  const body = await response.text()
  if (!response.ok) throw new Error(`the running service refused the import (${response.status}): ${body}`)
  process.stdout.write(`${body.trim()}\n`)
  process.stderr.write(`imported through the running service at ${service.url} (it owns DATA_DIR)\n`)
  return 0
}
