import type { Queryable } from '../db/database.ts'
import type { ReviewStatus } from './corpus-types.ts'
import { createPhraseStore } from './phrase-store.ts'
import { toInput } from './phrase-review.ts'
import { writeCsv, writeJsonLines } from './phrase-file-format.ts'
import type { ImportFormat } from './corpus-import.ts'

const PAGE = 1000

/**
 * Exports the latest version of each phrase (optionally only one clinic, locale or status) in the
 * import format, so exporting and re-importing the same content changes nothing.
 */
export async function exportPhrases (db: Queryable, format: ImportFormat, filter: { clinicId?: string | null, locale?: string, status?: ReviewStatus } = {}): Promise<string> {
  const store = createPhraseStore(db)
  const phrases = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listLatest({ ...filter, limit: PAGE, offset })
    phrases.push(...page.map(toInput))
    if (page.length < PAGE) break
  }
  return format === 'csv' ? writeCsv(phrases) : writeJsonLines(phrases)
}
