import { describe, expect, it } from 'vitest'

import { parseDateTime } from '../../../src/flows/understanding/parse-date-time.ts'

// Wednesday 2026-11-18, 10:00 in Shanghai.
const now = new Date('2026-11-18T02:00:00Z')
const parse = (text: string, timezone = 'Asia/Shanghai') => parseDateTime({ text, now, timezone })

describe('parseDateTime', () => {
  it.each([
    ['明天下午', { date: '2026-11-19', partOfDay: 'afternoon', time: null }],
    ['后天上午', { date: '2026-11-20', partOfDay: 'morning', time: null }],
    ['大后天晚上8点', { date: '2026-11-21', partOfDay: 'evening', time: '20:00' }],
    ['周五', { date: '2026-11-20', partOfDay: null, time: null }],
    ['星期天', { date: '2026-11-22', partOfDay: null, time: null }],
    ['下周二', { date: '2026-11-24', partOfDay: null, time: null }],
    ['下周日下午两点', { date: '2026-11-29', partOfDay: 'afternoon', time: '14:00' }],
    ['3点半', { date: null, partOfDay: 'afternoon', time: '15:30' }],
    ['下午3点', { date: null, partOfDay: 'afternoon', time: '15:00' }],
    ['上午十点一刻', { date: null, partOfDay: 'morning', time: '10:15' }],
    ['15:30', { date: null, partOfDay: 'afternoon', time: '15:30' }],
    ['12月3日', { date: '2026-12-03', partOfDay: null, time: null }],
    ['11月1号', { date: '2027-11-01', partOfDay: null, time: null }],
    ['2026-12-03', { date: '2026-12-03', partOfDay: null, time: null }],
    ['2026年12月3日上午9点', { date: '2026-12-03', partOfDay: 'morning', time: '09:00' }],
    ['下个月5号', { date: '2026-12-05', partOfDay: null, time: null }],
    ['3天后上午', { date: '2026-11-21', partOfDay: 'morning', time: null }],
    ['明早9点', { date: '2026-11-19', partOfDay: 'morning', time: '09:00' }],
    ['today', { date: '2026-11-18', partOfDay: null, time: null }],
    ['tomorrow morning', { date: '2026-11-19', partOfDay: 'morning', time: null }],
    ['next Tuesday morning', { date: '2026-11-24', partOfDay: 'morning', time: null }],
    ['Friday 3pm', { date: '2026-11-20', partOfDay: 'afternoon', time: '15:00' }],
    ['this Friday at 4:15 pm', { date: '2026-11-20', partOfDay: 'afternoon', time: '16:15' }],
    ['on the 28th', { date: '2026-11-28', partOfDay: null, time: null }],
    ['Dec 3rd at 10am', { date: '2026-12-03', partOfDay: 'morning', time: '10:00' }],
    ['3 December', { date: '2026-12-03', partOfDay: null, time: null }],
    ['in 3 days', { date: '2026-11-21', partOfDay: null, time: null }],
    ['at 3', { date: null, partOfDay: 'afternoon', time: '15:00' }]
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected)
  })

  it('does not read times or dates into symptom text', () => {
    expect(parse('我有一点疼')).toEqual({ date: null, partOfDay: null, time: null })
    expect(parse('疼了3天')).toEqual({ date: null, partOfDay: null, time: null })
    expect(parse('I sat down and I am 45')).toEqual({ date: null, partOfDay: null, time: null })
    expect(parse('一周三次')).toEqual({ date: null, partOfDay: null, time: null })
  })

  it('uses the clinic time zone for "today"', () => {
    // 23:30 UTC on the 18th is already the 19th in Shanghai, still the 18th in New York.
    const late = new Date('2026-11-18T23:30:00Z')
    expect(parseDateTime({ text: 'today', now: late, timezone: 'Asia/Shanghai' }).date).toBe('2026-11-19')
    expect(parseDateTime({ text: 'today', now: late, timezone: 'America/New_York' }).date).toBe('2026-11-18')
  })

  it('rolls a passed month-day over to next year and skips invalid dates', () => {
    expect(parse('2月30日').date).toBeNull()
    expect(parse('1月5日').date).toBe('2027-01-05')
  })
})
