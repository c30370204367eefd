import { existsSync, readdirSync } from 'node:fs'
import { basename, resolve } from 'node:path'

/**
 * The folders of our split triage sets (each a dev.jsonl beside its holdout.jsonl): every
 * patient-written set, then every red-flag probe set, in number order ("-2" before "-10").
 */
export function splitTriageSetFolders (repoRoot: string): string[] {
  const evalRoot = resolve(repoRoot, 'tests', 'eval')
  const patientWritten = subfolders(evalRoot).filter((folder) => basename(folder).startsWith('triage-patient-written'))
  return [...patientWritten, ...subfolders(resolve(evalRoot, 'triage-probes'))]
}

function subfolders (folder: string): string[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((first, second) => first.localeCompare(second, 'en', { numeric: true }))
    .map((name) => resolve(folder, name))
}
