import { describe, expect, it } from 'vitest'
import { readReminderCommand } from '../../src/reminders/reminder-commands.ts'

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
