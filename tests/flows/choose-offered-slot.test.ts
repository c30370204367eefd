import { describe, expect, it } from 'vitest'
import { chooseOfferedSlot } from '../../src/flows/appointments/choose-offered-slot.ts'
import { isStandaloneAnswer } from '../../src/flows/standalone-answer.ts'

const offered = [
  { id: 'a', start: '2026-12-01T09:00:00+08:00', label: 'Tue 1 Dec 09:00' },
  { id: 'b', start: '2026-12-01T09:30:00+08:00', label: 'Tue 1 Dec 09:30' },
  { id: 'c', start: '2026-12-01T14:00:00+08:00', label: 'Tue 1 Dec 14:00' }
]

describe('choosing an offered slot', () => {
  it.each([
    ['the first one please', 'a'], ['2', 'b'], ['second', 'b'], ['the last one', 'c'], ['第一个吧', 'a'], ['第二个', 'b'],
    ['9:30', 'b'], ['9点半', 'b'], ['下午2点', 'c'], ['2pm', 'c'], ['Tue 1 Dec 14:00', 'c'], ['none of these', null]
  ])('"%s" picks %s', (text, expected) => {
    expect(chooseOfferedSlot(text, offered)?.id ?? null).toBe(expected)
  })
})

describe('free questions are answered only by standalone phrases', () => {
  it.each([
    ['insurance.which_plan', false], ['appointment.ask_date', false], ['triage.question.duration', false], ['handoff.requested', false],
    ['insurance.deductible', true], ['info.hours', true], ['billing.item.lab', true]
  ])('%s → %s', (group, expected) => {
    expect(isStandaloneAnswer(group)).toBe(expected)
  })
})
