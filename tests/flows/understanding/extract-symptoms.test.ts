import { describe, expect, it } from 'vitest'

import { extractSymptoms } from '../../../src/flows/understanding/extract-symptoms.ts'

const ids = (text: string) => extractSymptoms(text).map((symptom) => `${symptom.id}:${symptom.site ?? '-'}`)

describe('extractSymptoms', () => {
  it('finds symptoms with body sites in Chinese and English', () => {
    expect(ids('我胸口疼，还有点喘不上气')).toEqual(['chest_pain:chest', 'breathing_difficulty:chest'])
    expect(ids('胃部有点疼')).toEqual(['abdominal_pain:abdomen'])
    expect(ids('my chest has been really tight since i woke up')).toEqual(['chest_pain:chest'])
    expect(ids('my left leg hurts')).toEqual(['pain:leg'])
  })

  it('leaves out denied symptoms', () => {
    expect(ids('没有发烧，就是咳嗽')).toEqual(['cough:chest'])
    expect(ids('I have a bad headache and no fever')).toEqual(['headache:head'])
  })

  it('finds nothing in non-medical text', () => {
    expect(ids('我想预约明天下午')).toEqual([])
    expect(ids('When does the clinic open?')).toEqual([])
  })
})
