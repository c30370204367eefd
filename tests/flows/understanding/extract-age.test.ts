import { describe, expect, it } from 'vitest'

import { extractAge, mentionsChild } from '../../../src/flows/understanding/extract-age.ts'

describe('extractAge', () => {
  it.each([
    ["I'm 45", 45, 'year', 540],
    ['45岁', 45, 'year', 540],
    ['my 2 year old', 2, 'year', 24],
    ['a 70-year-old man', 70, 'year', 840],
    ['my grandmother is 80', 80, 'year', 960],
    ['孩子8个月', 8, 'month', 8],
    ['宝宝3个月大', 3, 'month', 3],
    ['6 weeks old baby', 6, 'week', 1],
    ['三岁的儿子', 3, 'year', 36],
    ['一岁半', 1.5, 'year', 18],
    ['新生儿20天大', 20, 'day', 0],
    ['宝宝出生20天', 20, 'day', 0],
    ['newborn (3 weeks)', 3, 'week', 0],
    ['## 男 29岁', 29, 'year', 348],
    ['M 45', 45, 'year', 540],
    ['my nan is 82 and', 82, 'year', 984],
    ['grandads 91 this year', 91, 'year', 1092],
    ['我爸78了，昨天开始发烧', 78, 'year', 936],
    ['奶奶都八十多了', 80, 'year', 960]
  ])('%s', (text, value, unit, months) => {
    expect(extractAge(text)).toEqual({ value, unit, months })
  })

  it('is not fooled by weights, durations and scores', () => {
    expect(extractAge('I am 45 kg')).toBeNull()
    expect(extractAge('for 2 years')).toBeNull()
    expect(extractAge('pain is 8/10')).toBeNull()
    expect(extractAge('我妈38度5了')).toBeNull()
    expect(extractAge('我爸三天了还在咳')).toBeNull()
  })

  it('reads an age given in brackets or commas right after the person', () => {
    expect(extractAge('daughter (7) has had a sore ear since last night')?.months).toBe(84)
    expect(extractAge('son, 4, fever since tuesday')?.months).toBe(48)
    expect(extractAge('mother-in-law (81) fell in the garden')?.months).toBe(81 * 12)
    expect(extractAge('my son (after 2 days of this) is fed up')).toBeNull()
    expect(extractAge('took the kids, 2 buses and a train')).toBeNull()
  })

  it('treats a newborn as under four weeks', () => {
    expect(extractAge('newborn has a fever')?.months).toBe(0)
  })
})

describe('mentionsChild', () => {
  it.each([['我孩子发烧', true], ['my son has a rash', true], ['宝宝咳嗽', true], ['想要孩子', false], ['生孩子以后腰疼', false], ['I have a headache', false]])('%s → %s', (text, expected) => {
    expect(mentionsChild(text)).toBe(expected)
  })
})
