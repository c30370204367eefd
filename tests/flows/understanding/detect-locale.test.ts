import { describe, expect, it } from 'vitest'

import { detectLocale } from '../../../src/flows/understanding/detect-locale.ts'

describe('detectLocale', () => {
  it.each([
    ['我头疼三天了', 'zh-CN'],
    ['好的', 'zh-CN'],
    ['I have a headache', 'en'],
    ['my tummy hurts lol', 'en'],
    ['Tengo dolor de cabeza desde ayer', 'other'],
    ['hola', 'other'],
    ["J'ai mal à la tête", 'other'],
    ['Ich habe Kopfschmerzen', 'other'],
    ['頭が痛いです', 'other'],
    ['머리가 아파요', 'other'],
    ['У меня болит голова', 'other'],
    ['أشعر بألم', 'other']
  ])('%s → %s', (text, locale) => {
    expect(detectLocale(text)).toBe(locale)
  })

  it('treats mixed text as Chinese when Han characters are substantial', () => {
    expect(detectLocale('我想book一个appointment')).toBe('zh-CN')
    expect(detectLocale('医生你好 my son has fever 38.5')).toBe('zh-CN')
    expect(detectLocale('can I book 心内科 tomorrow')).toBe('en')
  })

  it('falls back when there are no letters', () => {
    expect(detectLocale('8/10', 'zh-CN')).toBe('zh-CN')
    expect(detectLocale('👍')).toBe('en')
  })
})
