import { describe, expect, it } from 'vitest'

import { parseNumberWord } from '../../../src/flows/understanding/chinese-numerals.ts'
import { understandByRules } from '../../../src/flows/understanding/rule-understanding.ts'

const now = new Date('2026-11-18T02:00:00Z')
const understand = (text: string) => understandByRules({ text, locale: 'en', now, timezone: 'Asia/Shanghai' })

describe('understandByRules intents', () => {
  it.each([
    ['我胸口疼，还有点喘不上气', 'triage'],
    ['你好，我孩子发烧39度两天了', 'triage'],
    ['I want to book cardiology tomorrow morning', 'appointment_book'],
    ['我想预约李医生下周二上午', 'appointment_book'],
    ['帮我取消明天的预约', 'appointment_cancel'],
    ['Can I reschedule APT-7K2M9Q to Friday 3pm?', 'appointment_reschedule'],
    ['APT-7K2M9Q', 'appointment_lookup'],
    ['when is my appointment', 'appointment_lookup'],
    ['deductible 500, bill 1200, 20% coinsurance', 'insurance'],
    ['医保能报销吗', 'insurance'],
    ['挂号费多少钱', 'billing'],
    ['how much is a consultation', 'billing'],
    ['What are your opening hours?', 'clinic_info'],
    ['转人工', 'human'],
    ['I want to talk to a real person', 'human'],
    ['hi', 'greeting'],
    ['谢谢', 'thanks'],
    ['重新开始', 'start_over'],
    ['提醒我每天早上8点吃降压药', 'medication_reminder'],
    ['好的，帮我约一下', 'appointment_book'],
    ['那就帮我约吧', 'appointment_book'],
    ['帮我挂个号', 'appointment_book'],
    ['ok, please book it for me', 'appointment_book'],
    ['yes please, book me in', 'appointment_book'],
    ['remind me to take my medicine', 'medication_reminder'],
    ['Can you remind me to take my medicine every day?', 'medication_reminder'],
    ['asdf', 'other']
  ])('%s → %s', (text, intent) => {
    expect(understand(text).intent).toBe(intent)
  })

  it('returns slots and a confidence', () => {
    const result = understand('Can I reschedule APT-7K2M9Q to Friday 3pm?')
    expect(result.slots.bookingReference).toBe('APT-7K2M9Q')
    expect(result.slots.dateTime).toEqual({ date: '2026-11-20', partOfDay: 'afternoon', time: '15:00' })
    expect(result.confidence).toBeGreaterThan(0.5)
    expect(understand('asdf').confidence).toBeLessThan(0.5)
  })
})

describe('parseNumberWord', () => {
  it.each([['十二', 12], ['两', 2], ['二十五', 25], ['一万二千', 12000], ['1,200', 1200], ['twenty five', 25], ['a couple', 2]])('%s → %d', (text, value) => {
    expect(parseNumberWord(text)).toBe(value)
  })
})
