import type { PhraseInput } from './corpus-types.ts'
import { parseCsv, serializeCsv } from './csv.ts'

export type RawRecord = { line: number, value: unknown }
export type ImportProblem = { line: number, field: string, reason: string }

export const CSV_COLUMNS = ['clinicId', 'group', 'locale', 'category', 'department', 'tags', 'title', 'body', 'examples', 'sourceRef', 'shortcut', 'validFrom', 'validUntil', 'sample'] as const

const LIST_COLUMNS = new Set(['tags', 'examples'])

/** JSON Lines: one object per non-blank line; a line that is not JSON is reported, not skipped. */
export function readJsonLines (text: string): { records: RawRecord[], problems: ImportProblem[] } {
  const records: RawRecord[] = []
  const problems: ImportProblem[] = []
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((content, index) => {
    if (content.trim() === '') return
    try {
      records.push({ line: index + 1, value: JSON.parse(content) })
    } catch (error) {
      problems.push({ line: index + 1, field: '(line)', reason: `not valid JSON: ${(error as Error).message}` })
    }
  })
  return { records, problems }
}

/**
 * CSV with a header row naming the columns in CSV_COLUMNS (any order). tags and examples hold
 * several values separated by "|" (or a JSON array); empty cells mean null.
 */
export function readCsv (text: string): { records: RawRecord[], problems: ImportProblem[] } {
  const [header, ...rows] = parseCsv(text)
  if (!header) return { records: [], problems: [] }
  const names = header.cells.map((cell) => cell.trim())
  const unknown = names.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name))
  if (unknown.length > 0) return { records: [], problems: [{ line: header.line, field: unknown[0]!, reason: `unknown column (expected ${CSV_COLUMNS.join(', ')})` }] }
  const records = rows.map((row) => ({
    line: row.line,
    value: Object.fromEntries(names.flatMap((name, index) => {
      const cell = row.cells[index] ?? ''
      if (cell === '') return []
      if (LIST_COLUMNS.has(name)) return [[name, splitList(cell)]]
      if (name === 'sample') return [[name, ['true', '1', 'yes'].includes(cell.toLowerCase())]]
      return [[name, cell]]
    }))
  }))
  return { records, problems: [] }
}

function splitList (cell: string): string[] | unknown {
  if (cell.trimStart().startsWith('[')) {
    try { return JSON.parse(cell) } catch { return cell }
  }
  return cell.split('|').map((part) => part.trim()).filter(Boolean)
}

export function writeJsonLines (phrases: PhraseInput[]): string {
  return phrases.map((phrase) => JSON.stringify(phrase)).join('\n') + (phrases.length ? '\n' : '')
}

export function writeCsv (phrases: PhraseInput[]): string {
  const list = (values: string[]) => values.some((value) => value.includes('|')) ? JSON.stringify(values) : values.join('|')
  return serializeCsv([[...CSV_COLUMNS], ...phrases.map((phrase) => CSV_COLUMNS.map((column) => {
    const value = phrase[column]
    if (Array.isArray(value)) return list(value)
    return value === null || value === undefined ? '' : String(value)
  }))])
}
