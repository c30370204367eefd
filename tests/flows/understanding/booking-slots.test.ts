import { describe, expect, it } from 'vitest'

import { extractBookingReference } from '../../../src/flows/understanding/extract-booking-reference.ts'
import { extractSlots } from '../../../src/flows/understanding/extract-slots.ts'
import { understandByRules } from '../../../src/flows/understanding/rule-understanding.ts'
import { extractDepartmentMention } from '../../../src/flows/understanding/extract-department-mention.ts'
import { extractDoctorName } from '../../../src/flows/understanding/extract-doctor-name.ts'
import { extractPersonName } from '../../../src/flows/understanding/extract-person-name.ts'
import { extractPhoneNumber } from '../../../src/flows/understanding/extract-phone-number.ts'

describe('extractDepartmentMention', () => {
  it.each([
    ['cardiology', 'cardiology'],
    ['心内科', 'cardiology'],
    ['看眼科', 'ophthalmology'],
    ['I want ENT', 'ent'],
    ['挂个泌尿外科', 'urology'],
    ['go to the ER', 'emergency'],
    ['内科', 'internal_medicine'],
    ['my heart doctor', 'cardiology'],
    ['I went there', null],
    ['is this an emergency', null]
  ])('%s → %s', (text, code) => {
    expect(extractDepartmentMention(text)).toBe(code)
  })
})

describe('extractDoctorName', () => {
  it.each([
    ['Dr. Li', 'Li'],
    ['can I see doctor Wang tomorrow', 'Wang'],
    ['李医生', '李'],
    ['王明大夫在吗', '王明'],
    ['我要看医生', null],
    ['the doctor said', null]
  ])('%s → %s', (text, name) => {
    expect(extractDoctorName(text)).toBe(name)
  })
})

describe('extractPhoneNumber', () => {
  it.each([
    ['13812345678', '+8613812345678'],
    ['+86 138-1234-5678', '+8613812345678'],
    ['我的手机是 138 1234 5678', '+8613812345678'],
    ['0086 13812345678', '+8613812345678'],
    ['+44 20 7946 0958', '+442079460958'],
    ['pain 8/10 for 3 days', null],
    ['12345', null]
  ])('%s → %s', (text, phone) => {
    expect(extractPhoneNumber(text)).toBe(phone)
  })
})

describe('extractBookingReference', () => {
  it.each([
    ['APT-7K2M9Q', 'APT-7K2M9Q'],
    ['my booking is apt-7k2m9q', 'APT-7K2M9Q'],
    ['预约号APT-7K2M9Q', 'APT-7K2M9Q'],
    ['APT-7K2M9', null],
    ['APT-7K2M9QX', null],
    ['APT-ILOU12', null]
  ])('%s → %s', (text, reference) => {
    expect(extractBookingReference(text)).toBe(reference)
  })

  it('reads nothing else out of a reference: the ER in APT-ER5GFP is no emergency department', () => {
    const now = new Date('2026-11-24T02:00:00Z')
    const understood = understandByRules({ text: 'I need to reschedule my appointment APT-ER5GFP, phone 13800138000', locale: 'en', now, timezone: 'Asia/Shanghai' })
    expect(understood.intent).toBe('appointment_reschedule')
    expect(understood.slots).toEqual({ bookingReference: 'APT-ER5GFP', phone: '+8613800138000' })
    const named = extractSlots({ text: 'move APT-ER5GFP to the ER, apt-ent2k3 too', now, timezone: 'Asia/Shanghai' })
    expect(named).toMatchObject({ bookingReference: 'APT-ER5GFP', department: 'emergency' })
  })
})

describe('extractPersonName', () => {
  it.each([
    ['my name is Anna Lee', 'Anna Lee'],
    ['My name is john', 'john'],
    ['我叫张伟，今年30岁', '张伟'],
    ['我叫王小明想预约', '王小明'],
    ['我姓李', '李'],
    ['I am sick', null]
  ])('%s → %s', (text, name) => {
    expect(extractPersonName(text)).toBe(name)
  })
})
