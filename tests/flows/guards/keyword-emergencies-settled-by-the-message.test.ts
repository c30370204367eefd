import { describe, expect, it } from 'vitest'
import { assessTriage } from '../../../src/flows/triage/assess-findings.ts'
import { createSafetyGuards } from '../../../src/flows/safety-guards.ts'
import { extractor } from '../../helpers/read-findings.ts'

const guards = createSafetyGuards({ findings: extractor })
const verdict = (text: string) => guards.checkInput(text)
const triage = (text: string, locale = 'en') => assessTriage(extractor, { texts: [text], answers: {}, locale }).urgency

describe('another short fit in the same illness, fully come round (red_flags.md RF48, not RF47)', () => {
  it('is urgent, not an emergency, in both languages', () => {
    const english = 'My 3 year old had a febrile fit on Sunday and got checked at the hospital. Temp back up tonight and she had another one, maybe a minute long. She has come round now and is asking for her milk'
    const chinese = '女儿两岁半，前天发烧第一次抽，医院看过说是热性惊厥。今天烧又上来了，刚才又抽了一次，半分钟左右，现在醒过来了，认人，在喝水'
    expect(verdict(english).verdict).not.toBe('emergency')
    expect(triage(english)).toBe('urgent')
    expect(verdict(chinese).verdict).not.toBe('emergency')
    expect(triage(chinese, 'zh-CN')).toBe('urgent')
  })

  it('stays an emergency when the fit is long, the child has not come round, or it is the first fit ever', () => {
    expect(verdict('he had another fit with his fever, it has been going on for 6 minutes now, he came round last time').verdict).toBe('emergency')
    expect(verdict('儿子发烧又抽了一次，抽完到现在还没醒过来').verdict).toBe('emergency')
    expect(verdict('my son has just had a fit, the first time ever, he came round after two minutes').verdict).toBe('emergency')
    expect(verdict('she had another seizure and has come round but now she is really drowsy and floppy').verdict).toBe('emergency')
  })
})

describe('a child dry for under 12 hours and still alert (RF44 urgent, not RF43)', () => {
  it('reads the dry hours told as a duration, in both languages', () => {
    expect(extractor.read('no wet nappy for about 9 hours').patient.hoursWithoutUrine).toBe(9)
    expect(extractor.read('he hasnt had a wee in ten hours').patient.hoursWithoutUrine).toBe(10)
    expect(extractor.read('快九个小时没尿了').patient.hoursWithoutUrine).toBe(9)
    expect(extractor.read('九个钟头尿不湿都是干的').patient.hoursWithoutUrine).toBe(9)
    expect(extractor.read('she has been on antibiotics for 9 hours and is weeing fine').patient.hoursWithoutUrine).toBeUndefined()
  })

  it('is urgent, not an emergency, when the child is alert', () => {
    const english = 'my 18 month old has had diarrhoea since yesterday, no wet nappy for 9 hours now, but she is still toddling about and chatting'
    const chinese = '儿子3岁，肠胃炎吐了一天，快十个小时没尿了，嘴巴有点干，人还清醒，能跟我说话'
    expect(verdict(english).verdict).not.toBe('emergency')
    expect(triage(english)).toBe('urgent')
    expect(verdict(chinese).verdict).not.toBe('emergency')
    expect(triage(chinese, 'zh-CN')).toBe('urgent')
  })

  it('stays an emergency at 12 hours, with drowsiness or sunken eyes, or when the hours are not given', () => {
    expect(verdict('my toddler has had no wet nappy for 14 hours after vomiting all night').verdict).toBe('emergency')
    expect(verdict('my baby has had no wet nappy for 9 hours and she is very sleepy and hard to wake').verdict).toBe('emergency')
    expect(verdict('孩子拉肚子，八个小时没尿了，眼窝凹进去了').verdict).toBe('emergency')
    expect(verdict('孩子一天没尿了，一直吐').verdict).toBe('emergency')
  })
})

describe('thoughts of suicide: a danger word in a clause that denies it (RF90, not RF89)', () => {
  it('is without immediate danger when the writer says they will not act, even with "tonight" in that sentence', () => {
    const english = verdict('I keep thinking my family would be better off without me. No plan, and I am not going to do anything tonight, I just need to talk to someone')
    expect(english.verdict).toBe('crisis')
    expect(english.immediateDanger).toBe(false)
    expect(verdict('Everyone would be better off without me, that thought is always there. I do not have a plan and my sister is staying with me tonight').immediateDanger).toBe(false)
    const chinese = verdict('最近总觉得活着没意思，不想活了，没有具体计划，今晚也不会做什么，我老公在家')
    expect(chinese.verdict).toBe('crisis')
    expect(chinese.immediateDanger).toBe(false)
  })

  it('keeps the emergency when a danger sign stands in its own clause', () => {
    expect(verdict('I do not have a plan exactly, but I have saved up my tablets').immediateDanger).toBeUndefined()
    expect(verdict('No plan before. Tonight I am going to end it').immediateDanger).toBeUndefined()
    expect(verdict('没有什么计划，但是药已经攒了一瓶了').immediateDanger).toBeUndefined()
  })
})

describe('a wish not to wake up is thoughts of suicide, not someone who cannot be woken', () => {
  it('goes to the crisis rules', () => {
    const son = verdict('My son (15) told his teacher he sometimes wishes he could go to sleep and not wake up')
    expect(son.verdict).toBe('crisis')
    expect(son.redFlags).not.toContain('emergency.unresponsive')
    expect(verdict('honestly I would rather not wake up tomorrow').redFlags).toEqual(['crisis.suicidal_thoughts'])
  })

  it('a person not waking up is still an emergency', () => {
    expect(verdict('my husband is not waking up, I have been shaking him').verdict).toBe('emergency')
    expect(verdict('she went to sleep after the fall and now she is not waking up properly').verdict).toBe('emergency')
  })
})
