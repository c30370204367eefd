import { describe, expect, it } from 'vitest'

import { extractDuration } from '../../../src/flows/understanding/extract-duration.ts'

describe('extractDuration', () => {
  it.each([
    ['3 days', 3, 'day', 72],
    ['for two weeks', 2, 'week', 336],
    ['a couple of days', 2, 'day', 48],
    ['about 10 days now', 10, 'day', 240],
    ['a few hours', 3, 'hour', 3],
    ['1.5 years', 1.5, 'year', 13140],
    ['started 4 days ago', 4, 'day', 96],
    ['since yesterday', 1, 'day', 24],
    ['两周', 2, 'week', 336],
    ['半个月', 0.5, 'month', 360],
    ['一个多月了', 1, 'month', 720],
    ['三天了', 3, 'day', 72],
    ['疼了几天', 3, 'day', 72],
    ['两个星期', 2, 'week', 336],
    ['两个小时', 2, 'hour', 2],
    ['30分钟', 30, 'minute', 0.5],
    ['一年半', 1.5, 'year', 13140],
    ['从昨天开始', 1, 'day', 24]
  ])('%s', (text, value, unit, hours) => {
    expect(extractDuration(text)).toEqual({ value, unit, hours })
  })

  it.each(['孕32周', '8个月大的宝宝', 'my 2 year old', '3天后', '45岁'])('%s is not a duration', (text) => {
    expect(extractDuration(text)).toBeNull()
  })
})
