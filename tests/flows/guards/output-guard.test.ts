import { describe, expect, it } from 'vitest'
import { needsDisclaimer } from '../../../src/flows/guards/needs-disclaimer.ts'
import { checkOutput } from '../../../src/flows/guards/output-guard.ts'

const problemsOf = (text: string) => checkOutput({ text, locale: 'en' }).problems

describe('checkOutput', () => {
  it.each([
    'You have diabetes.',
    'It sounds like you have the flu.',
    'You may have pneumonia, rest well.',
    'You\'re suffering from a migraine.',
    'This is probably an ear infection.',
    '您得了胃炎',
    '你患有高血压',
    '初步诊断为肺炎',
    '已经确诊',
    '你这是急性肠胃炎',
    '无法判断,您得了流感',
    '我不确定，但您可能得了流感',
    '您可能是肺炎',
    'I can\'t be sure, but you have the flu.'
  ])('flags diagnosis wording in %j', (text) => {
    expect(problemsOf(text)).toContain('diagnosis_wording')
  })

  it.each([
    'Take 2 tablets twice a day.',
    'Give 5 ml every 6 hours.',
    'The usual dose is 400mg.',
    'take one capsule at night',
    '每日三次，每次2片',
    '一次吃两片',
    '布洛芬300毫克'
  ])('flags dosage wording in %j', (text) => {
    expect(problemsOf(text)).toContain('dosage_wording')
  })

  it.each([
    'Your appointment is at 10:30 on floor 3.',
    'If you have chest pain, call 120 now.',
    'Do you have a fever or the flu?',
    'You have an appointment on Monday.',
    'Bring 2 forms of ID and arrive 15 minutes early.',
    '请空腹8小时，带好身份证，3楼2号诊室',
    '需要医生面诊才能确诊，请预约',
    '您有3个预约',
    '我是诊所的智能助手，无法判断您得了什么病。这需要医生了解您的情况并为您检查。',
    '我不能诊断您是否患有糖尿病，请预约医生',
    '我无法判断你是不是得了流感',
    '我没法告诉您是不是肺炎，需要医生检查',
    '医生还无法诊断为哪一种病，需要复查',
    '请问您是否感染过新冠？',
    'I cannot tell you whether you have diabetes; a doctor can.',
    'I can\'t tell you that you have the flu without an examination.',
    'I am not able to diagnose you; you have to see a doctor for that.'
  ])('accepts %j', (text) => {
    expect(checkOutput({ text, locale: 'zh-CN' })).toEqual({ ok: true, problems: [] })
  })

  it.each(['APT-3MG7QX', 'APT-5G2Z1K', 'APT-7ML9XY'])('does not read the appointment reference %s as a dose', (reference) => {
    expect(checkOutput({ text: `Your appointment ${reference} is booked for Tuesday 09:30.`, locale: 'en' }).ok).toBe(true)
    expect(checkOutput({ text: `Your appointment ${reference} is booked. Take 2 tablets before you come.`, locale: 'en' }).problems).toEqual(['dosage_wording'])
  })

  it('requires the disclaimer on a medical reply and ignores wording inside it', () => {
    const disclaimer = 'This is not a diagnosis; you have to see a doctor for one.'
    expect(checkOutput({ text: 'Please book a GP visit.', locale: 'en', touchesMedical: true, disclaimer }).problems).toEqual(['missing_disclaimer'])
    expect(checkOutput({ text: `Please book a GP visit. ${disclaimer}`, locale: 'en', touchesMedical: true, disclaimer }).ok).toBe(true)
    expect(checkOutput({ text: 'Our opening hours are 8 to 6.', locale: 'en', touchesMedical: false, disclaimer }).ok).toBe(true)
  })
})

describe('needsDisclaimer', () => {
  it('knows medical categories and flows', () => {
    expect(needsDisclaimer('triage')).toBe(true)
    expect(needsDisclaimer('medical_advice')).toBe(true)
    expect(needsDisclaimer('insurance')).toBe(false)
    expect(needsDisclaimer('appointment')).toBe(false)
  })

  it('falls back to the wording of a reply', () => {
    expect(needsDisclaimer('If the pain gets worse, see a doctor')).toBe(true)
    expect(needsDisclaimer('发烧超过三天请就医')).toBe(true)
    expect(needsDisclaimer('We are open from 8 to 6')).toBe(false)
  })
})
