import { describe, expect, it } from 'vitest'
import { formatLocalIso } from '../../src/appointments/format-local-iso.ts'
import { addLocalDays, isoWeekdayOf, localDateOf, localTimeToInstant } from '../../src/appointments/zoned-time.ts'

describe('formatLocalIso', () => {
  it('writes the clinic offset, including half-hour and negative offsets', () => {
    const instant = new Date('2026-12-03T07:30:00Z')
    expect(formatLocalIso(instant, 'Asia/Shanghai')).toBe('2026-12-03T15:30:00+08:00')
    expect(formatLocalIso(instant, 'America/New_York')).toBe('2026-12-03T02:30:00-05:00')
    expect(formatLocalIso(instant, 'Asia/Kolkata')).toBe('2026-12-03T13:00:00+05:30')
    expect(formatLocalIso(instant, 'UTC')).toBe('2026-12-03T07:30:00+00:00')
  })

  it('changes offset across a DST change', () => {
    expect(formatLocalIso(new Date('2026-03-08T06:59:00Z'), 'America/New_York')).toBe('2026-03-08T01:59:00-05:00')
    expect(formatLocalIso(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toBe('2026-03-08T03:00:00-04:00')
  })
})

describe('localTimeToInstant', () => {
  it('maps a wall-clock time to the instant in that zone', () => {
    expect(localTimeToInstant({ date: '2026-12-03', time: '09:00' }, 'Asia/Shanghai')?.toISOString()).toBe('2026-12-03T01:00:00.000Z')
    expect(localTimeToInstant({ date: '2026-07-01', time: '09:00' }, 'America/New_York')?.toISOString()).toBe('2026-07-01T13:00:00.000Z')
  })

  it('returns null for a time the clock skips and the earlier instant for one it reads twice', () => {
    expect(localTimeToInstant({ date: '2026-03-08', time: '02:30' }, 'America/New_York')).toBeNull()
    expect(localTimeToInstant({ date: '2026-11-01', time: '01:30' }, 'America/New_York')?.toISOString()).toBe('2026-11-01T05:30:00.000Z')
  })

  it('rejects malformed dates and times', () => {
    expect(localTimeToInstant({ date: '2026-02-30', time: '09:00' }, 'UTC')).toBeNull()
    expect(localTimeToInstant({ date: '2026-02-01', time: '24:00' }, 'UTC')).toBeNull()
  })
})

describe('calendar helpers', () => {
  it('reads weekdays and adds days on the calendar', () => {
    expect(isoWeekdayOf('2026-12-07')).toBe(1)
    expect(isoWeekdayOf('2026-12-06')).toBe(7)
    expect(addLocalDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(localDateOf(new Date('2026-12-02T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-12-03')
  })
})
