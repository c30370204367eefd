import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../../src/flows/guards/normalize-text.ts'
import { splitClauses } from '../../../src/flows/guards/split-clauses.ts'

describe('normalizeText', () => {
  it('turns full-width letters, digits and punctuation into half-width and lower case', () => {
    expect(normalizeText('ＣＨＥＳＴ　ＰＡＩＮ，３８．５').text).toBe('chest pain,38.5')
  })

  it('maps the traditional characters the rules use to simplified', () => {
    expect(normalizeText('頭暈 瘋 殺 藥劑 燒 腫 癲癇 過敏 懷孕 診斷 處').text).toBe('头晕 疯 杀 药剂 烧 肿 癫痫 过敏 怀孕 诊断 处')
    expect(normalizeText('呼吸困難，嘴唇發紫').text).toBe('呼吸困难,嘴唇发紫')
  })

  it('reads common Cantonese function words as Mandarin', () => {
    expect(normalizeText('叫極都唔醒，冇反應').text).toBe('叫极都不醒,没反应')
  })

  it('drops apostrophes and reads hyphens between letters as spaces', () => {
    expect(normalizeText('I can’t breathe, self-harm, don\'t').text).toBe('i cant breathe, self harm, dont')
  })

  it('collapses whitespace, keeps line breaks, and offers a spaceless form', () => {
    const normalized = normalizeText('  chest   pain \n\n 胸 痛 ')
    expect(normalized.text).toBe('chest pain\n胸 痛')
    expect(normalized.compact).toBe('chestpain\n胸痛')
  })
})

describe('splitClauses', () => {
  it('splits on sentence ends and contrastive words, not inside decimals', () => {
    expect(splitClauses(normalizeText('no fever but chest pain. temp 38.5! 没有发烧，但是胸痛').text)).toEqual(['no fever', 'chest pain', 'temp 38.5', '没有发烧,', '胸痛'])
    expect(splitClauses('喘不过气来,不过还能说话')).toEqual(['喘不过气来,', '还能说话'])
  })
})
