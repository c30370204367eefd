import { describe, expect, it } from 'vitest'

import { routeDepartment } from '../../../src/flows/triage/route-department.ts'
import { extractSlots } from '../../../src/flows/understanding/extract-slots.ts'

const now = new Date('2026-11-18T02:00:00Z')
const route = (text: string) => routeDepartment({ text, locale: 'zh-CN', slots: extractSlots({ text, now, timezone: 'Asia/Shanghai' }) }).code

describe('routeDepartment', () => {
  it.each([
    ['胃痛，反酸，拉肚子', 'gastroenterology'],
    ['胃部有点疼', 'gastroenterology'],
    ['咳嗽，气喘', 'respiratory'],
    ['心慌胸闷', 'cardiology'],
    ['脸上长痘，还有皮疹', 'dermatology'],
    ['月经不调', 'obstetrics_gynecology'],
    ['血糖高，甲状腺结节', 'endocrinology'],
    ['乙肝小三阳，转氨酶高', 'hepatology'],
    ['膝关节疼，腰椎间盘突出', 'orthopedics'],
    ['牙疼', 'stomatology'],
    ['耳鸣，鼻塞，喉咙痛', 'ent'],
    ['眼睛干涩看不清', 'ophthalmology'],
    ['失眠焦虑抑郁', 'psychiatry'],
    ['尿频，肾结石', 'urology'],
    ['阳痿早泄，前列腺炎', 'andrology'],
    ['想用中药调理，针灸艾灸', 'tcm'],
    ['过敏性鼻炎', 'allergy'],
    ['宫颈癌一期', 'oncology'],
    ['my stomach hurts and I have diarrhea', 'gastroenterology'],
    ['toothache', 'stomatology'],
    ['I feel anxious and depressed', 'psychiatry']
  ])('%s → %s', (text, code) => {
    expect(route(text)).toBe(code)
  })

  it('sends children to paediatrics for most complaints, but keeps teeth and eyes', () => {
    expect(route('孩子咳嗽三天')).toBe('pediatrics')
    expect(route('my son (5) has diarrhea')).toBe('pediatrics')
    expect(route('孩子牙疼')).toBe('stomatology')
    expect(route('我儿子30岁，咳嗽')).toBe('respiratory')
  })

  it('sends pregnancy to obstetrics and gynaecology, even with 宝宝', () => {
    expect(route('怀孕20周，咳嗽')).toBe('obstetrics_gynecology')
    expect(route('孕32周宝宝胎动少')).toBe('obstetrics_gynecology')
  })

  it('falls back to general practice and lists alternatives', () => {
    expect(routeDepartment({ text: 'hello', locale: 'en' })).toEqual({ code: 'general_medicine', score: 0, alternatives: [] })
    expect(routeDepartment({ text: '胸闷气短', locale: 'zh-CN' }).alternatives.map((alternative) => alternative.code)).toContain('respiratory')
  })

  it('skips denied symptoms', () => {
    expect(route('不咳嗽，就是胃痛')).toBe('gastroenterology')
  })
})
