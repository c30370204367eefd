import { describe, expect, it } from 'vitest'
import { readReply } from '../../../src/flows/dialogue/read-reply.ts'
import type { PendingQuestion } from '../../../src/flows/dialogue/pending-question.ts'

// Wednesday 2 December 2026, 10:00 in Shanghai.
const context = { now: new Date('2026-12-02T02:00:00Z'), timezone: 'Asia/Shanghai' }
const read = (question: PendingQuestion, text: string) => readReply(question, text, context)

const slots: PendingQuestion = {
  kind: 'choice',
  options: [
    { id: 'a', start: '2026-12-14T09:00:00+08:00', label: 'Mon 14 Dec 09:00' },
    { id: 'b', start: '2026-12-14T09:30:00+08:00', label: 'Mon 14 Dec 09:30' },
    { id: 'c', start: '2026-12-14T14:00:00+08:00', label: 'Mon 14 Dec 14:00' }
  ]
}
const slotsZh: PendingQuestion = {
  kind: 'choice',
  options: [
    { id: 'a', start: '2026-12-14T09:00:00+08:00', label: '12月14日 周一 09:00' },
    { id: 'b', start: '2026-12-14T09:30:00+08:00', label: '12月14日 周一 09:30' },
    { id: 'c', start: '2026-12-14T14:00:00+08:00', label: '12月14日 周一 14:00' }
  ]
}

describe('a slot choice among offered ids', () => {
  it.each([
    ['Mon 14 Dec 09:00', 'a'], ['mon 14 dec 14:00', 'c'], ['the first one please', 'a'], ['2', 'b'], ['second', 'b'], ['the second one', 'b'],
    ['the last one', 'c'], ['number 3', 'c'], ['9:30', 'b'], ['9.30 please', 'b'], ['2pm', 'c'], ['ok 9:30 works', 'b'], ["I'll take the 2pm", 'c'], ['the afternoon one', 'c']
  ])('en "%s" picks %s', (text, expected) => {
    expect(read(slots, text)).toEqual({ kind: 'choice', id: expected })
  })

  it.each([
    ['12月14日 周一 09:30', 'b'], ['第一个吧', 'a'], ['第二个', 'b'], ['第3个', 'c'], ['最后一个', 'c'], ['9点半', 'b'], ['下午2点', 'c'], ['下午两点吧', 'c'], ['就9点的', 'a']
  ])('zh "%s" picks %s', (text, expected) => {
    expect(read(slotsZh, text)).toEqual({ kind: 'choice', id: expected })
  })

  it('a new day is read as a new date, not as a pick', () => {
    expect(read(slots, 'none of those, how about Thursday?')).toMatchObject({ kind: 'date', date: '2026-12-03' })
    expect(read(slotsZh, '周四有吗')).toMatchObject({ kind: 'date', date: '2026-12-03' })
  })

  it('turning all of them down is a "no", and a question is no answer', () => {
    expect(read(slots, 'none of these work')).toEqual({ kind: 'no', done: false })
    expect(read(slotsZh, '都不合适')).toEqual({ kind: 'no', done: false })
    expect(read(slots, 'where is the clinic?')).toBeNull()
    expect(read(slotsZh, '要带什么证件？')).toBeNull()
  })
})

describe('yes or no to a named offer', () => {
  const offer: PendingQuestion = { kind: 'yes_no', offer: 'book' }
  it.each([
    ['yes', 'yes'], ['Yes please', 'yes'], ['ok', 'yes'], ['sure, go ahead', 'yes'], ['好的', 'yes'], ['可以', 'yes'], ['嗯嗯', 'yes'], ['好的，谢谢', 'yes'],
    ['no', 'no'], ['no thanks', 'no'], ['不用了', 'no'], ['算了', 'no'],
    ["I don't know", 'unknown'], ['不清楚', 'unknown'], ['not sure', 'unknown']
  ])('"%s" is %s', (text, kind) => {
    expect(read(offer, text)?.kind).toBe(kind)
  })

  it('"no, that\'s all" and "没有了，就是这些" close the conversation', () => {
    expect(read(offer, "no, that's all")).toEqual({ kind: 'no', done: true })
    expect(read(offer, '没有了，就是这些')).toEqual({ kind: 'no', done: true })
  })

  it('a sentence that only starts with no is not a no', () => {
    expect(read(offer, 'no fever but a bad cough')).toBeNull()
    expect(read(offer, '不是很疼但是一直咳嗽')).toBeNull()
  })
})

describe('a name and/or phone', () => {
  const both: PendingQuestion = { kind: 'contact', wants: ['name', 'phone'] }
  const phone: PendingQuestion = { kind: 'contact', wants: ['phone'] }
  it.each([
    ['Chen Jing', { name: 'Chen Jing' }],
    ['Li Wei 13812345678', { name: 'Li Wei', phone: '+8613812345678' }],
    ['my name is Anna Lee, phone 138 1234 5678', { name: 'Anna Lee', phone: '+8613812345678' }],
    ['王小红', { name: '王小红' }],
    ['张伟，13812345678', { name: '张伟', phone: '+8613812345678' }],
    ['我叫刘洋 手机13566668888', { name: '刘洋', phone: '+8613566668888' }]
  ])('"%s"', (text, expected) => {
    expect(read(both, text)).toEqual({ kind: 'contact', ...expected })
  })

  it('a mistyped number is reported as such', () => {
    expect(read(phone, '1381234567')).toEqual({ kind: 'contact', invalidPhone: true })
    expect(read(phone, '手机 1381234')).toEqual({ kind: 'contact', invalidPhone: true })
  })

  it('words that are no name are not taken as one', () => {
    expect(read(both, 'it is for my son')).toBeNull()
    expect(read(both, '为什么要名字')).toBeNull()
  })
})

describe('a booking reference', () => {
  it('reads the reference alone or with the phone', () => {
    expect(read({ kind: 'reference' }, 'APT-7K2M9Q')).toEqual({ kind: 'reference', reference: 'APT-7K2M9Q' })
    expect(read({ kind: 'reference' }, '预约号apt7k2m9q 手机13812345678')).toEqual({ kind: 'reference', reference: 'APT-7K2M9Q', phone: '+8613812345678' })
    expect(read({ kind: 'reference' }, 'I lost it')).toBeNull()
    // A reference ending in digits is not the start of the phone number after it.
    expect(read({ kind: 'reference' }, 'APT-7K2M93 13520006666')).toEqual({ kind: 'reference', reference: 'APT-7K2M93', phone: '+8613520006666' })
  })
})

describe('a date', () => {
  const date: PendingQuestion = { kind: 'date', options: [{ id: '2026-12-03', label: 'Thu 3 Dec' }, { id: '2026-12-04', label: 'Fri 4 Dec' }] }
  it.each([
    ['Thu 3 Dec', '2026-12-03'], ['the second one', '2026-12-04'], ['Friday', '2026-12-04'], ['not Monday, Tuesday is better', '2026-12-08'],
    ['周一不行，周二吧', '2026-12-08'], ['下周三上午', '2026-12-09'], ['Mon 14 Dec', '2026-12-14'], ['14 Dec', '2026-12-14'], ['tomorrow afternoon', '2026-12-03']
  ])('"%s" is %s', (text, expected) => {
    expect(read(date, text)).toMatchObject({ kind: 'date', date: expected })
  })

  it('"next week" and "下周都可以" mean next week, "any time" the earliest', () => {
    expect(read(date, 'next week')).toMatchObject({ date: '2026-12-07', spanDays: 7 })
    expect(read(date, '下周都可以')).toMatchObject({ date: '2026-12-07', spanDays: 7 })
    expect(read(date, 'any time is fine')).toMatchObject({ date: null })
    expect(read(date, '不清楚')).toMatchObject({ kind: 'date', date: null })
  })

  it('a requested time is kept', () => {
    expect(read(date, 'Friday at 3pm')).toMatchObject({ date: '2026-12-04', time: '15:00', partOfDay: 'afternoon' })
    expect(read(date, '周五下午三点')).toMatchObject({ date: '2026-12-04', time: '15:00' })
  })

  it('a bare weekday that is today means next week once the clinic day is over', () => {
    const evening = { now: new Date('2026-12-02T11:00:00Z'), timezone: 'Asia/Shanghai' } // Wed 19:00
    expect(readReply({ kind: 'date' }, 'Wednesday', evening)).toMatchObject({ date: '2026-12-09' })
    expect(readReply({ kind: 'date' }, 'Wednesday', context)).toMatchObject({ date: '2026-12-02' })
  })
})

describe('a department', () => {
  it.each([
    ['dermatology', 'dermatology'], ['心内科', 'cardiology'], ['my knee', 'orthopedics'], ['skin stuff', 'dermatology'], ['孩子发烧', 'pediatrics'],
    ['牙疼', 'stomatology'], ['eyes', 'ophthalmology'], ['just a general check-up', 'general_medicine'], ["I don't know", 'general_medicine'], ['不知道', 'general_medicine']
  ])('"%s" is %s', (text, code) => {
    expect(read({ kind: 'department' }, text)).toEqual({ kind: 'department', code })
  })
})

describe('a free answer', () => {
  it('takes the text as it is', () => {
    expect(read({ kind: 'free' }, 'just a check-up')).toEqual({ kind: 'free', text: 'just a check-up' })
  })
})

describe('an amount', () => {
  it('takes the one amount in the reply, and nothing from a reply without one', () => {
    expect(read({ kind: 'amount' }, '800')).toEqual({ kind: 'amount', amount: 800 })
    expect(read({ kind: 'amount' }, 'the bill is 1,200')).toEqual({ kind: 'amount', amount: 1200 })
    expect(read({ kind: 'amount' }, '一共3000元')).toEqual({ kind: 'amount', amount: 3000 })
    expect(read({ kind: 'amount' }, 'I want to book an appointment')).toBeNull()
    expect(read({ kind: 'amount' }, '不用了')).toEqual({ kind: 'no', done: false })
  })
})
