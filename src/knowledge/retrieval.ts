import type { Queryable } from '../db/database.ts'
import type { Embedder } from './embedder.ts'
import type { PhraseVersion, RetrievedItem } from './corpus-types.ts'
import { createLexicalRetrieval, type LexicalHit } from './lexical-retrieval.ts'
import { createPhraseStore } from './phrase-store.ts'
import { createRetrievalQueries, type CandidateRow, type RetrievalFilter } from './retrieval-queries.ts'
import { createVectorStore } from './vector-store.ts'
import { fuseScores, type Evidence, type FusionOptions } from './rank-fusion.ts'

export type RetrieveRequest = {
  clinicId: string
  locale: string
  text: string
  categories?: string[] | undefined
  department?: string | null | undefined
  limit?: number | undefined
  /** Defaults to the retriever's clock; validity windows are checked against it. */
  now?: Date | undefined
}

export type RetrieverOptions = {
  db: Queryable
  embedder: Embedder
  vectorEnabled: boolean
  now?: () => Date
}

export type Retriever = {
  mode: 'hybrid' | 'lexical'
  retrieve: (request: RetrieveRequest) => Promise<RetrievedItem[]>
  getApprovedPhrase: (request: { clinicId: string, locale: string, group: string, now?: Date }) => Promise<PhraseVersion | null>
}

const NEIGHBOURS = 30
// Lexical candidates whose vector similarity is looked up for fusion.
const RESCORED = 50
// Measured on the eval set; the offline hashed vectors are weaker evidence than an IDF-weighted match.
const HYBRID: FusionOptions = { vectorWeight: 0.6, similarityFloor: 0.2, minScore: 0.08 }
const LEXICAL: FusionOptions = { vectorWeight: 0, similarityFloor: 0.2, minScore: 0.08 }

/** One result per phrase group or policy document: the best-scored one. */
const resultKey = (row: CandidateRow) => row.group ?? `document:${row.documentId ?? row.id}`

/**
 * Hybrid retrieval over approved, currently valid content of the patient's clinic (or shared) and
 * locale: BM25F over app-made tokens (with reviewed query synonyms) fused with pgvector cosine
 * similarity on an absolute 0–1 scale; lexical alone without pgvector or when the embedder fails.
 *
 * getApprovedPhrase is not cached: it is one indexed lookup, and an in-process cache would serve
 * a retired phrase on other instances after a write elsewhere.
 */
export function createRetriever ({ db, embedder, vectorEnabled, now = () => new Date() }: RetrieverOptions): Retriever {
  const queries = createRetrievalQueries(db)
  const vectors = createVectorStore(db)
  const lexicalHits = createLexicalRetrieval(db)

  async function embed (text: string): Promise<number[] | null> {
    try {
      return await embedder.embeddings.embedQuery(text)
    } catch {
      return null // a model outage degrades to lexical retrieval, never to an error for the patient
    }
  }

  /** Similarity of the lexical front runners and of the nearest neighbours, with the neighbours' rows. */
  async function semantic (filter: RetrievalFilter, text: string, lexical: LexicalHit[]) {
    const embedding = await embed(text)
    if (!embedding) return null
    const lexicalIds = lexical.slice(0, RESCORED).map((hit) => hit.row.id)
    const found = await vectors.nearestAndDistances({ model: embedder.model, embedding, clinicId: filter.clinicId, locale: filter.locale, limit: NEIGHBOURS, ownerIds: lexicalIds })
    const known = new Set(lexical.map((hit) => hit.row.id))
    const fresh = found.filter((neighbour) => !known.has(neighbour.ownerId))
    const ids = (kind: string) => [...new Set(fresh.filter((neighbour) => neighbour.ownerKind === kind).map((neighbour) => neighbour.ownerId))]
    const rows = await queries.rowsByIds(filter, ids('phrase'), ids('chunk'))
    const similarity = new Map(found.map((neighbour) => [neighbour.ownerId, 1 - Number(neighbour.distance)]))
    return { similarity, rows }
  }

  return {
    mode: vectorEnabled ? 'hybrid' : 'lexical',

    async retrieve (request) {
      const filter: RetrievalFilter = {
        clinicId: request.clinicId,
        locale: request.locale,
        now: request.now ?? now(),
        categories: request.categories?.length ? request.categories : null,
        department: request.department ?? null
      }
      const lexical = await lexicalHits(filter, request.text)
      const vector = vectorEnabled ? await semantic(filter, request.text, lexical) : null
      const rows = new Map([...lexical.map((hit) => hit.row), ...vector?.rows ?? []].map((row) => [row.id, row]))
      const hits = new Map(lexical.map((hit) => [hit.row.id, hit]))
      const evidence: Evidence[] = [...rows.values()].map((row) => {
        const hit = hits.get(row.id)
        return { key: row.id, lexical: hit?.score ?? 0, coverage: hit?.coverage ?? 0, similarity: vector?.similarity.get(row.id) ?? null }
      })
      const fused = fuseScores(evidence, vector ? HYBRID : LEXICAL)
      const seen = new Set<string>()
      const distinct = fused.filter(({ key }) => {
        const group = resultKey(rows.get(key)!)
        return seen.has(group) ? false : Boolean(seen.add(group))
      })
      return distinct.slice(0, request.limit ?? 5).map(({ key, score }) => toItem(rows.get(key)!, score))
    },

    async getApprovedPhrase ({ clinicId, locale, group, now: at }) {
      return (await createPhraseStore(db).approvedPhrase(clinicId, locale, group, at ?? now())) ?? null
    }
  }
}

function toItem (row: CandidateRow, score: number): RetrievedItem {
  return {
    kind: row.kind,
    id: row.id,
    ...(row.group ? { group: row.group } : {}),
    ...(row.documentId ? { documentId: row.documentId, documentKey: row.documentKey ?? '', sectionPath: row.sectionPath ?? '' } : {}),
    version: row.version,
    title: row.title,
    body: row.body,
    score: Number(score.toFixed(6)),
    category: row.category,
    department: row.department,
    sourceRef: row.sourceRef
  }
}
