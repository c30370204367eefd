import { describe, expect, it } from 'vitest'
import { readCheckInRequest, readReminderCommand } from '../../src/reminders/reminder-commands.ts'
import { levelOfReading, readCheckInReading } from '../../src/reminders/check-in-reading.ts'

describe('reminder words from any state', () => {
  it.each([
    ['stop', false], ['STOP', false], ['退订', true], ['停止', false],
    ['不要再提醒了', true], ['please stop my medication reminders', true], ['stop the reminders', true],
    ['取消吃药提醒', true], ['turn off my reminders', true], ['别再提醒我了', true]
  ])('"%s" stops reminders', (text, explicit) => {
    expect(readReminderCommand(text)).toMatchObject({ kind: 'stop', explicit })
  })

  it('names the one reminder to stop when the patient says which', () => {
    expect(readReminderCommand('stop my insulin reminder')).toEqual({ kind: 'stop', explicit: true, target: 'insulin' })
    expect(readReminderCommand('please stop my medication reminders')).toEqual({ kind: 'stop', explicit: true, target: null })
  })

  it.each([['snooze 30 min', 30], ['snooze', 30], ['remind me again in 10 minutes', 10], ['remind me in an hour', 60], ['过半小时提醒我', 30], ['20分钟后再提醒我', 20], ['稍后提醒我', 30]])('"%s" snoozes %i minutes', (text, minutes) => {
    expect(readReminderCommand(text)).toEqual({ kind: 'snooze', minutes })
  })

  it.each(['taken', 'I took it', '吃了', '已服用', 'done'])('"%s" records the dose as taken', (text) => {
    expect(readReminderCommand(text)).toEqual({ kind: 'taken' })
  })

  it.each(['skip', '跳过'])('"%s" skips', (text) => {
    expect(readReminderCommand(text)).toEqual({ kind: 'skip' })
  })

  it.each(['what reminders do I have', 'my reminders', '我的提醒', '查看提醒'])('"%s" lists', (text) => {
    expect(readReminderCommand(text)).toEqual({ kind: 'list' })
  })

  it.each([
    'remind me to take my pills at 8 every morning', '每8小时提醒我吃药', 'every 8 hours until Friday', 'can I stop taking my blood pressure pills',
    '我想停药', 'stop by the clinic tomorrow', 'I have a stomach ache', 'remind me in the evening'
  ])('"%s" is not a reminder command', (text) => {
    expect(readReminderCommand(text)).toBeNull()
  })
})

describe('check-in opt-ins and readings', () => {
  it.each([
    ['weekly blood pressure check-ins please', 'blood_pressure'], ['每周随访血压', 'blood_pressure'], ['check in on my glucose every week', 'glucose'],
    ['please ask me for my blood sugar every week', 'glucose'], ['每周问我一次血糖', 'glucose']
  ])('"%s" opts in to %s check-ins', (text, metric) => {
    expect(readCheckInRequest(text)).toEqual({ metric })
  })

  it.each(['I check my blood sugar every week, is that ok?', 'my blood pressure is high', 'stop my blood pressure check-ins'])('"%s" is not an opt-in', (text) => {
    expect(readCheckInRequest(text)).toBeNull()
  })

  it('reads readings, and does not take a time or a date for one', () => {
    expect(readCheckInReading('今天测的 185/100', 'blood_pressure')).toEqual({ metric: 'blood_pressure', values: { systolic: 185, diastolic: 100 } })
    expect(readCheckInReading('my sugar was 3.9 this morning', 'glucose')).toEqual({ metric: 'glucose', values: { value: 3.9 } })
    expect(readCheckInReading('65 mg/dL', 'glucose')).toEqual({ metric: 'glucose', values: { value: 3.6 } })
    expect(readCheckInReading('5.8', 'glucose')).toEqual({ metric: 'glucose', values: { value: 5.8 } })
    expect(readCheckInReading('can I book at 9 tomorrow', 'glucose')).toBeNull()
    expect(readCheckInReading('see you on 12/10', 'blood_pressure')).toBeNull()
  })

  it('ranks a reading by the most urgent threshold it crosses', () => {
    const thresholds = [
      { field: 'value' as const, op: '<=' as const, value: 3.9, level: 'urgent' as const },
      { field: 'value' as const, op: '<=' as const, value: 3.0, level: 'emergency' as const }
    ]
    expect(levelOfReading({ metric: 'glucose', values: { value: 3.9 } }, thresholds)).toBe('urgent')
    expect(levelOfReading({ metric: 'glucose', values: { value: 2.8 } }, thresholds)).toBe('emergency')
    expect(levelOfReading({ metric: 'glucose', values: { value: 6.1 } }, thresholds)).toBe('in_range')
  })
})
