import type { Clock } from '../clock.ts'
import type { Database } from '../db/database.ts'
import type { Embedder } from './embedder.ts'

/** What the corpus modules use; built once in the composition root. */
export type CorpusContext = {
  db: Database
  embedder: Embedder
  vectorEnabled: boolean
  clock: Clock
}
