import { describe, expect, it } from 'vitest'
import { orQuery, queryTokens, searchTokens } from '../../src/knowledge/search-tokens.ts'
import { HashedNgramEmbeddings } from '../../src/knowledge/hashed-ngram-embeddings.ts'
import { parseCsv, serializeCsv } from '../../src/knowledge/csv.ts'
import { chunkSections, parseFrontMatter, splitSections } from '../../src/knowledge/markdown-policy.ts'
import { reciprocalRankFusion } from '../../src/knowledge/rank-fusion.ts'
import { diffLines } from '../../src/knowledge/version-diff.ts'

const cosine = (left: number[], right: number[]) => left.reduce((sum, value, index) => sum + value * right[index]!, 0)

describe('search tokens', () => {
  it('makes Chinese character unigrams and bigrams, and lowercased English words', () => {
    expect(searchTokens('胸口疼 Appointments')).toEqual(['胸', '口', '疼', '胸口', '口疼', 'appointment'])
  })

  it('drops function words from queries and quotes every token', () => {
    expect(queryTokens('what are your opening hours')).toEqual(['opening', 'hour'])
    expect(orQuery(["it's", 'x'], { prefixLast: true })).toBe("'its' | 'x':*")
  })
})

describe('hashed n-gram embeddings', () => {
  const embeddings = new HashedNgramEmbeddings()

  it('is deterministic, 256-dimensional and unit length', async () => {
    const [first] = await embeddings.embedDocuments(['胸口疼'])
    expect(first).toHaveLength(256)
    expect(await embeddings.embedQuery('胸口疼')).toEqual(first)
    expect(cosine(first!, first!)).toBeCloseTo(1, 6)
  })

  it('puts related wording closer than unrelated wording, in both languages', async () => {
    const [query, near, far] = await embeddings.embedDocuments(['book an appointment', 'booking appointments online', 'parking behind the building'])
    expect(cosine(query!, near!)).toBeGreaterThan(cosine(query!, far!))
    const [zh, zhNear, zhFar] = await embeddings.embedDocuments(['怎么预约挂号', '预约挂号的方法', '停车场在哪里'])
    expect(cosine(zh!, zhNear!)).toBeGreaterThan(cosine(zh!, zhFar!))
  })
})

describe('CSV as Excel writes it', () => {
  it('tolerates a BOM, CRLF and quoted newlines, and keeps each record\'s first line number', () => {
    const records = parseCsv('\uFEFFgroup,body\r\na,"line one\r\nline ""two"""\r\nb,plain\r\n')
    expect(records).toEqual([
      { line: 1, cells: ['group', 'body'] },
      { line: 2, cells: ['a', 'line one\r\nline "two"'] },
      { line: 4, cells: ['b', 'plain'] }
    ])
    expect(parseCsv(serializeCsv([['x', 'a,b'], ['y', 'two\nlines']])).map((record) => record.cells)).toEqual([['x', 'a,b'], ['y', 'two\nlines']])
  })
})

describe('policy Markdown', () => {
  it('reads front matter and splits sections with their heading path', () => {
    const { frontMatter, body } = parseFrontMatter('---\nid: plan\ntitle: Plan\ntags: [a, b]\nsample: true\n---\n# Plan\nIntro\n## Costs\n### Deductible\n500 a year\n')
    expect(frontMatter).toEqual({ id: 'plan', title: 'Plan', tags: ['a', 'b'], sample: true })
    expect(splitSections(body, 'Plan')).toEqual([{ path: ['Plan'], text: 'Intro' }, { path: ['Plan', 'Costs', 'Deductible'], text: '500 a year' }])
  })

  it('cuts a long section into overlapping chunks', () => {
    const text = Array.from({ length: 60 }, (_, index) => `Sentence number ${index} about the plan.`).join(' ')
    const chunks = chunkSections([{ path: ['Plan', 'Long'], text }])
    expect(chunks.length).toBeGreaterThan(1)
    expect(chunks[0]!.sectionPath).toBe('Plan > Long')
    const tail = chunks[0]!.body.slice(-40)
    expect(chunks[1]!.body).toContain(tail.slice(tail.indexOf(' ') + 1))
  })
})

describe('fusion and diff', () => {
  it('ranks an item found by both lists first', () => {
    expect(reciprocalRankFusion([{ keys: ['a', 'b'] }, { keys: ['b', 'c'] }])[0]!.key).toBe('b')
  })

  it('diffs lines', () => {
    expect(diffLines(['a', 'b'], ['a', 'c'])).toEqual([{ change: 'same', text: 'a' }, { change: 'added', text: 'c' }, { change: 'removed', text: 'b' }])
  })
})
