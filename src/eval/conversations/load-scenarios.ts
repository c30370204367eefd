import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { z } from 'zod'
import { scenarioSchema, type ConversationScenario } from './scenario-schema.ts'

/** Reads every *.yaml / *.yml file under a directory, recursively, in name order; ids are unique. */
export async function loadScenarios (directory: string): Promise<ConversationScenario[]> {
  const paths = await listScenarioFiles(directory)
  const files = await Promise.all(paths.map((path) => loadScenarioFile(path)))
  return assertUniqueScenarioIds(files.flat())
}

/**
 * Reads one scenario file: a single scenario or a list of them. A bad file fails with its path
 * and the problem (YAML syntax, or which field of which scenario is wrong).
 */
export async function loadScenarioFile (path: string): Promise<ConversationScenario[]> {
  const data = parseYaml(await readFile(path, 'utf8'), path)
  const documents: unknown[] = Array.isArray(data) ? data : [data]
  if (documents.length === 0) throw new Error(`${path}: holds no scenario`)
  return documents.map((document, index) => {
    const result = scenarioSchema.safeParse(document)
    const where = Array.isArray(data) ? `${path} (scenario ${index + 1})` : path
    if (!result.success) throw new Error(`${where}: ${z.prettifyError(result.error)}`)
    return { ...result.data, file: path }
  })
}

export function assertUniqueScenarioIds (scenarios: ConversationScenario[]): ConversationScenario[] {
  const seen = new Map<string, string | undefined>()
  for (const scenario of scenarios) {
    if (seen.has(scenario.id)) throw new Error(`duplicate scenario id ${scenario.id} (${seen.get(scenario.id)} and ${scenario.file})`)
    seen.set(scenario.id, scenario.file)
  }
  return scenarios
}

function parseYaml (text: string, path: string): unknown {
  try {
    return parse(text)
  } catch (error) {
    throw new Error(`${path}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
}

async function listScenarioFiles (directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}
