import { fileURLToPath } from 'node:url'
import { systemClock, type Clock } from '../../src/clock.ts'
import type { Database } from '../../src/db/database.ts'
import { createOfflineEmbedder } from '../../src/knowledge/embedder.ts'
import type { CorpusContext } from '../../src/knowledge/corpus-context.ts'
import type { PhraseInput } from '../../src/knowledge/corpus-types.ts'

export const FIXTURE_CORPUS = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url))

export async function corpusContext (db: Database, clock: Clock = systemClock): Promise<CorpusContext> {
  return { db, embedder: createOfflineEmbedder(), vectorEnabled: await db.hasVector(), clock }
}

export function phrase (overrides: Partial<PhraseInput> = {}): PhraseInput {
  return {
    clinicId: null,
    group: 'info.parking',
    locale: 'en',
    category: 'info',
    department: null,
    tags: ['parking'],
    title: 'Parking',
    body: 'Free parking is behind the clinic building.',
    examples: ['where can I park my car'],
    sourceRef: null,
    shortcut: '/park',
    validFrom: null,
    validUntil: null,
    sample: false,
    ...overrides
  }
}
