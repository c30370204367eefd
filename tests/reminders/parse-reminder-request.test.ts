import { describe, expect, it } from 'vitest'
import { parseReminderRequest } from '../../src/reminders/parse-reminder-request.ts'

// Thursday 3 December 2026, 10:00 in Shanghai.
const now = new Date('2026-12-03T02:00:00Z')
const read = (text: string) => parseReminderRequest({ text, now, timezone: 'Asia/Shanghai' })

describe('reading a reminder request in the patient\'s words', () => {
  it('reads one time, every morning, and the medicine as written', () => {
    expect(read('remind me to take my blood pressure pill at 8 every morning')).toMatchObject({ times: ['08:00'], ambiguousHours: [], frequency: 'daily', label: 'blood pressure pill' })
  })

  it('keeps both times of a Chinese request with their own part of day', () => {
    expect(read('每天早上8点和晚上8点提醒我吃降压药')).toMatchObject({ times: ['08:00', '20:00'], frequency: 'daily', label: '降压药' })
  })

  it('reads every N hours until a weekday', () => {
    expect(read('every 8 hours until Friday')).toMatchObject({ frequency: 'interval', everyHours: 8, endDate: '2026-12-04', times: [] })
  })

  it('reads weekdays at a 24-hour time', () => {
    expect(read('weekdays at 7:30')).toMatchObject({ frequency: 'weekdays', times: ['07:30'] })
  })

  it('reads several English times and a number of days', () => {
    expect(read('remind me about my insulin at 8am and 6pm for 10 days')).toMatchObject({ times: ['08:00', '18:00'], endDate: '2026-12-12', label: 'insulin' })
  })

  it('reads a Chinese interval and an end date', () => {
    expect(read('每8小时提醒我吃一次抗生素，到12月10日为止')).toMatchObject({ frequency: 'interval', everyHours: 8, endDate: '2026-12-10' })
  })

  it('reads "twice a day" without times as a count, not a time', () => {
    expect(read('remind me to take my tablets twice a day')).toMatchObject({ times: [], timesPerDay: 2, label: 'tablets' })
    expect(read('一天3次提醒我吃药')).toMatchObject({ times: [], timesPerDay: 3 })
  })

  it('leaves an hour without morning or evening ambiguous instead of guessing', () => {
    expect(read('remind me at 8')).toMatchObject({ times: [], ambiguousHours: [8] })
    expect(read('8点提醒我')).toMatchObject({ times: [], ambiguousHours: [8] })
  })

  it('reads a night-time and a half hour in Chinese', () => {
    expect(read('晚上9点半提醒我打胰岛素')).toMatchObject({ times: ['21:30'], label: '胰岛素' })
  })

  it('does not take a dose or a duration for a time', () => {
    const request = read('remind me to take 2 tablets at 9pm for 5 days')
    expect(request.times).toEqual(['21:00'])
    expect(request.endDate).toBe('2026-12-07')
  })
})
