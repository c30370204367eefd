import { describe, expect, it } from 'vitest'
import { isStandaloneAnswer } from '../../src/flows/standalone-answer.ts'

describe('free questions are answered only by standalone phrases', () => {
  it.each([
    ['insurance.which_plan', false], ['appointment.ask_date', false], ['triage.question.duration', false], ['handoff.requested', false],
    ['insurance.deductible', true], ['info.hours', true], ['billing.item.lab', true]
  ])('%s → %s', (group, expected) => {
    expect(isStandaloneAnswer(group)).toBe(expected)
  })
})
