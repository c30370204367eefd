import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings'
import { isStopword, stem } from './search-tokens.ts'

export const HASHED_NGRAM_MODEL = 'hashed-ngram-v1'
export const HASHED_NGRAM_DIMENSIONS = 256

const HAN = /\p{Script=Han}/u
const FEATURE_RUN = /[\p{Script=Han}]+|[\p{L}\p{N}]+/gu

/**
 * The offline default embedder: deterministic hashed feature vectors (feature hashing with a sign
 * bit), no download and no network. Features: Latin words, their character trigrams (so
 * "appointment" is near "appointments") and Han character unigrams, bigrams and trigrams.
 * Vectors are L2-normalised so cosine distance works.
 */
export class HashedNgramEmbeddings extends Embeddings {
  readonly dimensions: number

  constructor (params: EmbeddingsParams & { dimensions?: number } = {}) {
    super(params)
    this.dimensions = params.dimensions ?? HASHED_NGRAM_DIMENSIONS
  }

  async embedDocuments (documents: string[]): Promise<number[][]> {
    return documents.map((document) => this.embedText(document))
  }

  async embedQuery (document: string): Promise<number[]> {
    return this.embedText(document)
  }

  embedText (text: string): number[] {
    const vector = new Array<number>(this.dimensions).fill(0)
    for (const [feature, weight] of textFeatures(text)) {
      const hash = fnv1a(feature)
      const index = hash % this.dimensions
      vector[index] = vector[index]! + ((hash >>> 31) === 1 ? -weight : weight)
    }
    const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0))
    return norm === 0 ? vector : vector.map((value) => value / norm)
  }
}

function textFeatures (text: string): Array<[string, number]> {
  const features: Array<[string, number]> = []
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(FEATURE_RUN)) {
    const run = match[0]
    if (HAN.test(run)) {
      const characters = [...run]
      characters.forEach((character, index) => {
        if (!isStopword(character)) features.push([`h1:${character}`, 0.3])
        if (index + 1 < characters.length) features.push([`h2:${character}${characters[index + 1]}`, 1])
        if (index + 2 < characters.length) features.push([`h3:${character}${characters[index + 1]}${characters[index + 2]}`, 0.5])
      })
    } else if (!isStopword(run)) {
      features.push([`w:${stem(run)}`, 1])
      const padded = `#${run}#`
      for (let index = 0; index + 3 <= padded.length; index++) features.push([`c3:${padded.slice(index, index + 3)}`, 0.4])
    }
  }
  return features
}

/** 32-bit FNV-1a over UTF-16 code units: stable across runs and platforms. */
function fnv1a (text: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}
