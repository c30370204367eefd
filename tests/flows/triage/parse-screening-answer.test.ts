import { describe, expect, it } from 'vitest'

import { parseScreeningAnswer } from '../../../src/flows/triage/parse-screening-answer.ts'

describe('parseScreeningAnswer', () => {
  it.each([
    ['chest_breathless', 'yes', 'yes'],
    ['chest_breathless', '是的', 'yes'],
    ['chest_breathless', '有', 'yes'],
    ['chest_breathless', 'no', 'no'],
    ['chest_breathless', '没有', 'no'],
    ['chest_breathless', 'not really', 'no'],
    ['chest_breathless', "I don't know", 'unknown'],
    ['chest_breathless', '不知道', 'unknown'],
    ['chest_breathless', '不清楚', 'unknown'],
    ['chest_breathless', 'not sure', 'unknown'],
    ['child_age_months', '5个月', 'no'],
    ['child_age_months', '6 weeks', 'yes'],
    ['child_age_months', '2 months old', 'yes'],
    ['age_group', "I'm 70", 'yes'],
    ['age_group', '45', 'no'],
    ['severity', '9', 'yes'],
    ['severity', '5/10', 'no'],
    ['severity', '疼得厉害', 'yes'],
    ['duration', '3 weeks', 'yes'],
    ['duration', '两天', 'no']
  ] as const)('%s: %s → %s', (question, text, answer) => {
    expect(parseScreeningAnswer(question, text)).toBe(answer)
  })

  // The phrase asks "Is your child drinking and wetting nappies as usual?": the patient's yes is
  // reassuring (recorded "no"), their no is the red flag (recorded "yes", the finding).
  it.each([
    ['Yes, drinking and weeing normally', 'no'],
    ['yes', 'no'],
    ["yes, she's drinking fine and her nappies are wet as usual", 'no'],
    ['是的，喝水和尿尿都正常', 'no'],
    ['是', 'no'],
    ['喝得不少，尿也正常', 'no'],
    ['No, refuses to drink', 'yes'],
    ['no', 'yes'],
    ["she won't drink and has hardly any wet nappies", 'yes'],
    ["she's drinking ok but hasn't had a wet nappy since this morning", 'yes'],
    ['不怎么喝水，尿也少', 'yes'],
    ['没有', 'yes'],
    ['喝水还行，但尿很少', 'yes'],
    ['不知道，尿好像很少', 'yes'],
    ['不知道', 'unknown'],
    ['not sure', 'unknown']
  ] as const)('child_drinking_wetting (asked as "is it normal?"): %j → %s', (text, answer) => {
    expect(parseScreeningAnswer('child_drinking_wetting', text)).toBe(answer)
  })

  it('returns null for replies that answer nothing', () => {
    expect(parseScreeningAnswer('chest_sweating', 'what do you mean?')).toBeNull()
  })
})
