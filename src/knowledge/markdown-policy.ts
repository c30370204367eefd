// Policy documents are Markdown with a small YAML-like front matter (id, title, version, tags,
// sample, optional category/clinicId/validFrom/validUntil/sourceRef). Only that subset is
// parsed: "key: value", "key: [a, b]" and "- item" lists.

export type FrontMatter = Record<string, string | string[] | boolean>

export type ParsedMarkdown = { frontMatter: FrontMatter, body: string, bodyStartLine: number }

export type PolicySection = { path: string[], text: string }

export type PolicyChunk = { ordinal: number, sectionPath: string, title: string, body: string }

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/

export function parseFrontMatter (markdown: string): ParsedMarkdown {
  const match = FRONT_MATTER.exec(markdown)
  if (!match) return { frontMatter: {}, body: markdown.replace(/^\uFEFF/, ''), bodyStartLine: 1 }
  const frontMatter: FrontMatter = {}
  let listKey: string | undefined
  for (const line of match[1]!.split(/\r?\n/)) {
    const item = /^\s+-\s+(.*)$/.exec(line) ?? /^-\s+(.*)$/.exec(line)
    if (item && listKey) {
      (frontMatter[listKey] as string[]).push(unquote(item[1]!))
      continue
    }
    const pair = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line)
    if (!pair) continue
    const [, key, raw] = pair as unknown as [string, string, string]
    listKey = raw.trim() === '' ? key : undefined
    frontMatter[key] = listKey ? [] : parseScalarOrList(raw.trim())
  }
  return { frontMatter, body: markdown.slice(match[0].length), bodyStartLine: match[0].split('\n').length }
}

function parseScalarOrList (raw: string): string | string[] | boolean {
  if (raw.startsWith('[') && raw.endsWith(']')) return raw.slice(1, -1).split(',').map((part) => unquote(part.trim())).filter(Boolean)
  if (raw === 'true' || raw === 'false') return raw === 'true'
  return unquote(raw)
}

function unquote (value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value
}

/** Splits Markdown into sections at #, ## and ### headings; each keeps the path of headings above it. */
export function splitSections (body: string, documentTitle: string): PolicySection[] {
  const sections: PolicySection[] = []
  const headings: string[] = []
  let lines: string[] = []
  let path = [documentTitle]
  const flush = () => {
    const text = lines.join('\n').trim()
    if (text) sections.push({ path, text })
    lines = []
  }
  for (const line of body.split(/\r?\n/)) {
    const heading = /^(#{1,3})\s+(.+?)\s*#*\s*$/.exec(line)
    if (!heading) {
      lines.push(line)
      continue
    }
    flush()
    const level = heading[1]!.length
    headings.length = level - 1
    headings[level - 1] = heading[2]!
    const filled = headings.filter(Boolean)
    path = filled[0] === documentTitle ? filled : [documentTitle, ...filled]
  }
  flush()
  return sections
}

const CHUNK_CHARACTERS = 700
const OVERLAP_CHARACTERS = 120

/** Section text as chunks; a long section becomes overlapping windows cut at sentence ends where possible. */
export function chunkSections (sections: PolicySection[]): PolicyChunk[] {
  const chunks: PolicyChunk[] = []
  for (const section of sections) {
    const sectionPath = section.path.join(' > ')
    for (const body of windows(section.text)) {
      chunks.push({ ordinal: chunks.length, sectionPath, title: section.path.at(-1) ?? sectionPath, body })
    }
  }
  return chunks
}

function windows (text: string): string[] {
  const characters = [...text]
  if (characters.length <= CHUNK_CHARACTERS) return [text]
  const parts: string[] = []
  let start = 0
  while (start < characters.length) {
    let end = Math.min(start + CHUNK_CHARACTERS, characters.length)
    if (end < characters.length) end = sentenceEnd(characters, start, end)
    parts.push(characters.slice(start, end).join('').trim())
    if (end >= characters.length) break
    start = Math.max(end - OVERLAP_CHARACTERS, start + 1)
  }
  return parts.filter(Boolean)
}

function sentenceEnd (characters: string[], start: number, end: number): number {
  const floor = start + Math.floor(CHUNK_CHARACTERS / 2)
  for (let index = end - 1; index > floor; index--) {
    if (/[.!?。！？；\n]/.test(characters[index]!)) return index + 1
  }
  return end
}
