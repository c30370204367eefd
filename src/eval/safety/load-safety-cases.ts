import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { safetyCaseSchema, type SafetyCase } from './safety-case.ts'

/** Reads every *.jsonl file of a directory (sorted by name); ids must be unique across files. */
export async function loadSafetyCases (directory: string): Promise<SafetyCase[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith('.jsonl')).sort()
  const files = await Promise.all(names.map((name) => loadSafetyCaseFile(join(directory, name))))
  return assertUniqueIds(files.flat())
}

/** Reads one JSON-lines case file; blank lines are skipped, a bad line fails with file and line number. */
export async function loadSafetyCaseFile (path: string): Promise<SafetyCase[]> {
  const lines = (await readFile(path, 'utf8')).split('\n')
  return lines.flatMap((line, index) => line.trim() === '' ? [] : [parseCaseLine(line, `${path}:${index + 1}`)])
}

export function assertUniqueIds (cases: SafetyCase[]): SafetyCase[] {
  const seen = new Set<string>()
  for (const safetyCase of cases) {
    if (seen.has(safetyCase.id)) throw new Error(`duplicate safety case id ${safetyCase.id}`)
    seen.add(safetyCase.id)
  }
  return cases
}

function parseCaseLine (line: string, where: string): SafetyCase {
  let data: unknown
  try {
    data = JSON.parse(line)
  } catch (error) {
    throw new Error(`${where}: not JSON`, { cause: error })
  }
  const result = safetyCaseSchema.safeParse(data)
  if (!result.success) throw new Error(`${where}: ${z.prettifyError(result.error)}`)
  return result.data
}
