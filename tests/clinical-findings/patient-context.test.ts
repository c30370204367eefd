import { describe, expect, it } from 'vitest'
import { createFindingExtractor } from '../../src/clinical-findings/extract-findings.ts'
import { assessTriage } from '../../src/flows/triage/assess-findings.ts'

const extractor = createFindingExtractor()
const triage = (text: string, locale = 'en') => assessTriage(extractor, { texts: [text], answers: {}, locale })

describe('feeds given as amounts (red_flags.md RF45: a baby taking less than half of usual feeds)', () => {
  it('reads the share of the usual feed from the two amounts, in ounces, millilitres and Chinese numerals', () => {
    expect(extractor.read('my 4 month old is only managing about 2oz of her usual 6oz bottles since last night').patient.feedFraction).toBeCloseTo(1 / 3)
    expect(extractor.read('she had 60ml when she normally takes 150ml').patient.feedFraction).toBeCloseTo(0.4)
    expect(extractor.read('he usually takes 180ml but today only 70').patient.feedFraction).toBeCloseTo(70 / 180)
    expect(extractor.read('宝宝5个月，平时一顿能喝150毫升，这两天只喝五六十').patient.feedFraction).toBeCloseTo(55 / 150)
    expect(extractor.read('my baby had a bottle at 7 and a nap at 9').patient.feedFraction).toBeUndefined()
  })

  it('under half of the usual feed is urgent for a baby; most of it is not', () => {
    expect(triage('my 4 month old is only managing about 2oz of her usual 6oz bottles since last night, bit of a cold').urgency).toBe('urgent')
    expect(triage('宝宝5个月，有点鼻塞，平时一顿能喝150毫升，这两天只喝五六十', 'zh-CN').urgency).toBe('urgent')
    expect(triage('my 5 month old has a bit of a cold, took 5oz of her 6oz bottle this morning, happy and smiley').urgency).not.toBe('urgent')
    expect(triage('女儿8个月，有点流鼻涕，平常每顿吃200ml，今天吃了150ml，精神很好', 'zh-CN').urgency).not.toBe('urgent')
  })
})

describe('who the message is about when it starts with the person, without "my"', () => {
  it('a child or a relative named first, with their age, is the patient', () => {
    expect(extractor.read('Daughter (7) has had a sore ear since last night, no temperature').patient).toMatchObject({ relation: 'child', child: true, ageMonths: 84 })
    expect(extractor.read('Son, 4, fever since Tuesday and off his food').patient).toMatchObject({ child: true, ageMonths: 48 })
    expect(extractor.read('Mum (58) has had a bad cough for a week').patient).toMatchObject({ relation: 'adult_relative', child: false, ageMonths: 58 * 12 })
    expect(extractor.read('I have had a bad cough for a week, my mum has one too').patient.relation).toBe('self')
  })
})

describe('hours without a wee told as clock times (red_flags.md RF44: 8 hours, RF43: 12 hours)', () => {
  it('reads the hours between the last wet nappy and now, across midnight, in both languages', () => {
    expect(extractor.read('her nappy was last wet at 6am and it is now 3pm').patient.hoursWithoutUrine).toBe(9)
    expect(extractor.read('his nappy has been dry since 10 last night, it is nearly 1pm now').patient.hoursWithoutUrine).toBe(15)
    expect(extractor.read('早上7点换的尿不湿，到现在下午4点还是干的').patient.hoursWithoutUrine).toBe(9)
    expect(extractor.read('宝宝昨天晚上10点尿过一次，现在上午9点了还没尿').patient.hoursWithoutUrine).toBe(11)
    expect(extractor.read('fed at 6am and again at 3pm, lots of wet nappies').patient.hoursWithoutUrine).toBeUndefined()
  })

  it('a child dry for 8 hours is urgent, for 12 hours an emergency; a couple of hours is nothing', () => {
    expect(triage('my 2 year old has a tummy bug, her nappy was last wet at 6am and it is now 3pm, still chatty').urgency).toBe('urgent')
    expect(triage('11 month old with a tummy bug, nappy bone dry since 10 last night and it is nearly 1pm now').urgency).toBe('emergency')
    expect(triage('娃一岁两个月，昨晚开始吐，早上7点换的尿不湿到现在下午4点还是干的', 'zh-CN').urgency).not.toMatch(/self_care|routine/u)
    expect(triage('my 2 year old has a runny nose, had a wet nappy at 6am, it is 8am now, playing happily').urgency).not.toMatch(/urgent|emergency/u)
  })
})

describe('cancer treatment and immune-suppressing medicines named by drug (red_flags.md RF78)', () => {
  it('a fever on capecitabine, azathioprine or 卡培他滨 is seen the same day', () => {
    expect(triage('I\'m on capecitabine for bowel cancer, cycle 4, temperature of 38.1 since 3pm and a bit achy').urgency).toBe('urgent')
    expect(triage('on azathioprine for my crohns, fever of 38.4 today, otherwise ok').urgency).toBe('urgent')
    expect(triage('我妈在吃卡培他滨，今天下午开始发烧38度5，别的还好', 'zh-CN').urgency).toBe('urgent')
    expect(triage('had a fever of 38.1 since this afternoon, bit achy, no other health problems').urgency).not.toBe('urgent')
  })
})

describe('how long, told as weekdays', () => {
  it('counts the days from the weekday it began to the weekday it is now, in both languages', () => {
    expect(extractor.read('she has had a temperature every day since last friday, today is thursday').patient.durationHours).toBe(6 * 24)
    expect(extractor.read('being sick since saturday and now its tuesday').patient.durationHours).toBe(3 * 24)
    expect(extractor.read('孩子从上周五开始发烧，今天周三了还烧').patient.durationHours).toBe(5 * 24)
    expect(extractor.read('booked for friday, sore throat since this morning').patient.durationHours).not.toBe(7 * 24)
  })

  it('a fever every day from last Friday to Thursday is a fever of five days or more (RF37)', () => {
    expect(triage('Our daughter is 4. She has had a temperature every single day since last Friday, today is Thursday, highest 39. Calpol brings it down and she is eating a bit').urgency).toBe('urgent')
  })
})
