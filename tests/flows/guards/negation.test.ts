import { describe, expect, it } from 'vitest'
import { createInputGuard } from '../../../src/flows/guards/input-guard.ts'

const guard = createInputGuard()
const verdictOf = (text: string) => guard.check(text).verdict

describe('negation suppresses a symptom in its own clause', () => {
  it.each([
    'no fever, no chest pain, just a rash',
    'I have a cough without fever',
    'not short of breath, just tired',
    'Patient denies chest pain',
    'no fever or chest pain, only a sore knee',
    'I don\'t have any chest pain, it\'s my knee',
    '没有胸痛',
    '不胸痛，就是胃胀',
    '没有发烧，没有胸痛，只是起了疹子',
    '无胸闷、气短',
    '不是胸痛，是胃不舒服',
    '否认胸痛',
    '没有发烧、咳嗽或胸痛',
    '没有呼吸困难，也不胸痛'
  ])('%j passes', (text) => {
    expect(verdictOf(text)).toBe('pass')
  })

  it.each([
    'no fever but I have crushing chest pain',
    'no fever, crushing chest pain since an hour',
    'no fever and I have chest pain',
    'I have no idea why I have chest pain',
    'I\'m not sure but my chest hurts a lot',
    '没有发烧，但是胸口剧痛',
    '没发烧，胸口很痛',
    '我不知道为什么突然胸痛',
    '不是发烧，是胸口突然剧痛'
  ])('%j is still an emergency', (text) => {
    expect(verdictOf(text)).toBe('emergency')
  })

  it('does not read juxtaposed words as a negated list, nor a question as a negation', () => {
    expect(verdictOf('没有力气喘不过气')).toBe('emergency')
    expect(verdictOf('是不是心梗了')).toBe('emergency')
    expect(verdictOf('有没有可能是中风')).toBe('emergency')
  })

  it('keeps the pattern\'s own negation ("not breathing", "没有呼吸") as the symptom', () => {
    expect(verdictOf('my baby is not breathing')).toBe('emergency')
    expect(verdictOf('老公倒在地上，没有呼吸了')).toBe('emergency')
    expect(verdictOf('没有呼吸困难')).toBe('pass')
  })

  it('never negates crisis wording: "not suicidal" still reaches a human', () => {
    expect(verdictOf('I\'m not suicidal but I keep thinking about suicide')).toBe('crisis')
  })
})

describe('a past episode is history, unless the present comes back', () => {
  it.each([
    'My mum had a stroke three years ago, she needs a rehab appointment',
    '我爸以前得过心梗，现在想定期复查',
    'I had a seizure 10 years ago and have been fine since'
  ])('%j passes', (text) => {
    expect(verdictOf(text)).toBe('pass')
  })

  it.each([
    'I had a heart attack last year and now I have the same crushing pain again',
    '三年前中风过，今天又突然嘴歪了'
  ])('%j is an emergency', (text) => {
    expect(verdictOf(text)).toBe('emergency')
  })
})
