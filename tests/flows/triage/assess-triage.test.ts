import { describe, expect, it } from 'vitest'

import {
  answerScreeningQuestion, decideFromState, decideTriage, nextScreeningQuestion, recordScreeningAnswer, startTriage
} from '../../../src/flows/triage/assess-triage.ts'
import { SCREENING_QUESTIONS } from '../../../src/flows/triage/complaint-screening.ts'
import { SCREENING_QUESTION_IDS, type TriageState } from '../../../src/flows/triage/triage-types.ts'
import { urgencyRank } from '../../../src/flows/triage-vocabulary.ts'
import { extractSlots } from '../../../src/flows/understanding/extract-slots.ts'

const now = new Date('2026-11-18T02:00:00Z')
const start = (text: string) => startTriage({ text, locale: 'zh-CN', slots: extractSlots({ text, now, timezone: 'Asia/Shanghai' }) })

function answerAll (state: TriageState, answer: 'yes' | 'no' | 'unknown'): TriageState {
  let current = state
  for (let question = nextScreeningQuestion(current); question !== null; question = nextScreeningQuestion(current)) {
    current = recordScreeningAnswer({ state: current, questionId: question, answer })
  }
  return current
}

describe('startTriage', () => {
  it('asks at most three questions, only ones that can change the outcome', () => {
    const state = start('chest pain since this morning')
    expect(state.complaint.id).toBe('chest_pain')
    expect(state.questions).toEqual(['chest_breathless', 'chest_sweating'])
    expect(state.questions.length).toBeLessThanOrEqual(3)
  })

  it('asks nothing when the message already is an emergency', () => {
    const state = start('我胸口疼，出冷汗')
    expect(state.questions).toEqual([])
    expect(decideFromState(state)).toEqual({ urgency: 'emergency', department: 'emergency', reasons: ['chest_pain_sweating_or_spreading'] })
  })

  it('keeps no patient text in the JSON-serialisable state', () => {
    const state = start('我叫张伟，头痛三天了，手机13812345678')
    expect(JSON.parse(JSON.stringify(state))).toEqual(state)
    expect(JSON.stringify(state)).not.toContain('张伟')
    expect(JSON.stringify(state)).not.toContain('13812345678')
  })

  it('uses answers the message already gives', () => {
    expect(start('my 2 month old has a fever').answers.child_age_months).toBe('yes')
    expect(decideFromState(start('my 2 month old has a fever')).urgency).toBe('emergency')
  })
})

describe('child drinking and wetting question', () => {
  const replyTo = (first: string, reply: string) => {
    let state = startTriage({ text: first, locale: 'en', slots: extractSlots({ text: first, now, timezone: 'Asia/Shanghai' }) })
    for (let question = nextScreeningQuestion(state); question !== null && question !== 'child_drinking_wetting'; question = nextScreeningQuestion(state)) {
      state = recordScreeningAnswer({ state, questionId: question, answer: 'no' })
    }
    expect(nextScreeningQuestion(state)).toBe('child_drinking_wetting')
    const answered = answerScreeningQuestion({ state, text: reply })
    expect(answered.understood).toBe(true)
    return answerAll(answered.state, 'no')
  }

  it.each([
    ['My daughter is 3 and has had a temperature of 38.4 since this morning', 'Yes, drinking and weeing normally'],
    ['My daughter is 3 and has had a temperature of 38.4 since this morning', "yes, she's drinking fine and her nappies are wet as usual"],
    ['我儿子三岁，今天早上开始发烧38度4', '是的，喝水和尿尿都正常'],
    ['孩子五岁了，发烧38度，精神还可以', '是，喝水和尿都正常']
  ])('a reassuring reply is not a red flag: %j → %j', (first, reply) => {
    const decision = decideFromState(replyTo(first, reply))
    expect(decision.urgency).not.toBe('emergency')
    expect(decision.reasons).not.toContain('child_not_drinking_or_wetting')
  })

  it.each([
    ['My daughter is 3 and has had a temperature of 38.4 since this morning', 'No, refuses to drink'],
    ['My daughter is 3 and has had a temperature of 38.4 since this morning', 'no, she refuses to drink anything and her nappy has been dry all day'],
    ['我儿子三岁，今天早上开始发烧38度4', '不怎么喝水，尿也少'],
    ['孩子五岁了，发烧38度，精神还可以', '没有']
  ])('a worrying reply is the red flag: %j → %j', (first, reply) => {
    expect(decideFromState(replyTo(first, reply))).toMatchObject({ urgency: 'emergency', reasons: ['child_not_drinking_or_wetting'] })
  })
})

describe('decideTriage', () => {
  it('escalates chest pain with breathlessness to emergency', () => {
    const state = recordScreeningAnswer({ state: start('chest pain'), questionId: 'chest_breathless', answer: 'yes' })
    expect(decideFromState(state).urgency).toBe('emergency')
    expect(decideFromState(state).department).toBe('emergency')
  })

  it('keeps chest pain urgent when every red flag is denied', () => {
    expect(decideFromState(answerAll(start('chest pain'), 'no'))).toMatchObject({ urgency: 'urgent', department: 'cardiology' })
  })

  it('never lets an unknown red-flag answer fall below urgent', () => {
    for (const text of ['头痛三天了', '宝宝发烧38.5度', 'my belly hurts', 'chest pain', '咳嗽']) {
      const state = answerAll(start(text), 'unknown')
      const askedRedFlag = Object.entries(state.answers).some(([question, answer]) => answer === 'unknown' && SCREENING_QUESTIONS[question as keyof typeof SCREENING_QUESTIONS].redFlag)
      if (askedRedFlag) expect(urgencyRank(decideFromState(state).urgency)).toBeGreaterThanOrEqual(urgencyRank('urgent'))
    }
    const complaint = start('headache').complaint
    for (const question of SCREENING_QUESTION_IDS.filter((id) => SCREENING_QUESTIONS[id].redFlag)) {
      const decision = decideTriage({ complaint, answers: { [question]: 'unknown' }, slots: {} })
      expect(urgencyRank(decision.urgency)).toBeGreaterThanOrEqual(urgencyRank('urgent'))
    }
  })

  it('gives self-care for minor complaints and routine once modifiers appear', () => {
    expect(decideFromState(answerAll(start('感冒流鼻涕两天'), 'no')).urgency).toBe('self_care')
    expect(decideFromState(answerAll(start('I have a small cut on my finger'), 'no')).urgency).toBe('self_care')
    expect(decideFromState(answerAll(start('感冒流鼻涕，已经三个星期了'), 'no')).urgency).toBe('routine')
    expect(decideFromState(answerAll(start('small cut on my foot, I have diabetes'), 'no')).urgency).toBe('routine')
  })

  it('escalates high severity and infants', () => {
    expect(decideFromState(answerAll(start('stomach pain 9/10'), 'no')).urgency).toBe('urgent')
    expect(decideFromState(answerAll(start('孩子发烧'), 'no')).urgency).toBe('routine')
    const infant = recordScreeningAnswer({ state: start('孩子发烧'), questionId: 'child_age_months', answer: 'yes' })
    expect(decideFromState(infant).urgency).toBe('emergency')
  })
})

describe('answerScreeningQuestion', () => {
  it('parses the reply to the pending question', () => {
    const state = start('chest pain')
    const answered = answerScreeningQuestion({ state, text: '不知道' })
    expect(answered.understood).toBe(true)
    expect(answered.state.answers.chest_breathless).toBe('unknown')
    expect(decideFromState(answered.state).urgency).toBe('urgent')
    expect(answerScreeningQuestion({ state, text: 'what?' })).toEqual({ state, understood: false })
  })
})
