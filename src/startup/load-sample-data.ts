import type { Clock } from '../clock.ts'
import type { Database } from '../db/database.ts'
import type { Embedder } from '../knowledge/embedder.ts'
import { loadSampleCorpus } from '../knowledge/sample-corpus.ts'
import { seedSampleSchedules } from '../appointments/seed-sample-schedules.ts'
import { applySampleClinic } from './apply-sample-clinic.ts'
import { fileURLToPath } from 'node:url'

const SAMPLE_CORPUS_DIRECTORY = fileURLToPath(new URL('../../corpus/', import.meta.url))

export type SampleDataResult = { sampleCorpusLoaded: boolean }

/**
 * On a new install, loads the sample clinic, corpus and schedules so that a plain
 * `npm start` is a working demo. Existing data is never overwritten.
 */
export async function loadSampleData (options: { database: Database, embedder: Embedder, clock: Clock, defaultClinicId: string }): Promise<SampleDataResult> {
  const vectorEnabled = await options.database.hasVector()
  await applySampleClinic(options.database)
  const corpus = await loadSampleCorpus({ db: options.database, embedder: options.embedder, vectorEnabled, clock: options.clock, directory: SAMPLE_CORPUS_DIRECTORY })
  await seedSampleSchedules({ db: options.database, clinicId: options.defaultClinicId, now: options.clock.now(), days: 28 })
  return { sampleCorpusLoaded: corpus.loaded }
}
