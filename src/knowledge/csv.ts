export type CsvRecord = { line: number, cells: string[] }

/**
 * RFC 4180 CSV as Excel writes it: optional UTF-8 BOM, CRLF or LF, quoted cells that may hold
 * commas, doubled quotes and newlines. Each record keeps the physical line it starts on.
 */
export function parseCsv (text: string): CsvRecord[] {
  const source = text.replace(/^\uFEFF/, '')
  const records: CsvRecord[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  for (let index = 0; index < source.length; index++) {
    const character = source[index]!
    if (quoted) {
      if (character === '"' && source[index + 1] === '"') {
        cell += '"'
        index++
      } else if (character === '"') {
        quoted = false
      } else {
        if (character === '\n') line++
        cell += character
      }
      continue
    }
    if (character === '"' && cell === '') {
      quoted = true
    } else if (character === ',') {
      cells.push(cell)
      cell = ''
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && source[index + 1] === '\n') index++
      cells.push(cell)
      if (cells.some((value) => value !== '')) records.push({ line: recordLine, cells })
      cells = []
      cell = ''
      line++
      recordLine = line
    } else {
      cell += character
    }
  }
  cells.push(cell)
  if (cells.some((value) => value !== '')) records.push({ line: recordLine, cells })
  return records
}

/** CSV with CRLF line ends and a BOM, so Excel opens UTF-8 Chinese text correctly. */
export function serializeCsv (rows: string[][]): string {
  const escape = (value: string) => /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
  return '\uFEFF' + rows.map((row) => row.map(escape).join(',')).join('\r\n') + '\r\n'
}
