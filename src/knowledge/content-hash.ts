import { createHash } from 'node:crypto'

/** A stable hash of content fields: re-importing identical content is recognised and skipped. */
export function contentHash (content: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.keys(content).sort().map((key) => [key, content[key] ?? null]))
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32)
}
