import { describe, expect, it } from 'vitest'
import { expandQuery, inflections, synonymsOf } from '../../src/knowledge/query-expansion.ts'
import { bm25, parseTsvector } from '../../src/knowledge/lexical-scoring.ts'
import { selectiveTokens } from '../../src/knowledge/lexical-retrieval.ts'
import { fuseScores } from '../../src/knowledge/rank-fusion.ts'

describe('query expansion', () => {
  it('adds reviewed synonyms at reduced weight, never dropping the patient\'s own words', () => {
    expect(synonymsOf('how much is a visit', 'en')).toContain('cost')
    expect(synonymsOf('我想挂号', 'zh-CN')).toContain('预约')
    const terms = new Map(expandQuery('how much is a visit', 'en').map((term) => [term.token, term.weight]))
    expect(terms.get('visit')).toBe(1)
    expect(terms.get('cost')).toBeLessThan(1)
  })

  it('weighs single Han characters below bigrams and offers English inflection variants', () => {
    const terms = new Map(expandQuery('牙疼', 'zh-CN').map((term) => [term.token, term.weight]))
    expect(terms.get('牙疼')).toBe(1)
    expect(terms.get('牙')).toBeLessThan(1)
    expect(inflections('booking')).toContain('book')
  })
})

describe('lexical scoring', () => {
  it('reads tsvector text by field and ranks a head match above a body match', () => {
    const head = parseTsvector("'hour':1A 'open':2A 'clinic':3")
    expect(head.head.get('hour')).toBe(1)
    expect(head.body.get('clinic')).toBe(1)
    const body = parseTsvector("'clinic':1A 'hour':2 'open':3")
    const terms = [{ token: 'hour', weight: 1, documents: 3, idf: 1.5 }, { token: 'open', weight: 1, documents: 5, idf: 1.1 }]
    expect(bm25(head, terms, 3)).toBeGreaterThan(bm25(body, terms, 3))
  })

  it('keeps only the wanted lexemes while counting every position, and reads escaped quotes', () => {
    const counts = parseTsvector("'a':1A,2B,3C,4 'it''s':5A 'hour':6,7A 'x'", new Set(['hour', "it's"]))
    expect([...counts.head]).toEqual([["it's", 1], ['hour', 1]])
    expect([...counts.body]).toEqual([['hour', 1]])
    expect(counts.headLength).toBe(3)
    expect(counts.bodyLength).toBe(5)
  })

  it('matches on the rarest tokens within the budget', () => {
    const terms = [{ token: 'a', weight: 1, documents: 150, idf: 1 }, { token: 'b', weight: 1, documents: 10, idf: 3 }, { token: 'c', weight: 1, documents: 90, idf: 2 }]
    expect(selectiveTokens(terms)).toEqual(['b', 'c'])
  })

  it('fuses on an absolute scale and drops weak candidates', () => {
    const fused = fuseScores([
      { key: 'strong', lexical: 4, coverage: 1, similarity: 0.7 },
      { key: 'weak', lexical: 0, coverage: 0, similarity: 0.1 }
    ], { vectorWeight: 0.6, similarityFloor: 0.2, minScore: 0.08 })
    expect(fused.map((entry) => entry.key)).toEqual(['strong'])
    expect(fused[0]!.score).toBeLessThanOrEqual(1)
  })
})
