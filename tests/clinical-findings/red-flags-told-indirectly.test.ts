import { describe, expect, it } from 'vitest'
import { createFindingExtractor } from '../../src/clinical-findings/extract-findings.ts'
import { assessTriage } from '../../src/flows/triage/assess-findings.ts'

const extractor = createFindingExtractor()
const urgency = (text: string, locale = 'en') => assessTriage(extractor, { texts: [text], answers: {}, locale }).urgency

// Emergencies told without the table's words: what the writer sees, counts and compares.
describe('red flags told indirectly', () => {
  it('a reliever taken ten times or more while still wheezing is RF19; ten puffs that settled it are not', () => {
    expect(urgency('my 9 year old has asthma, she has had 12 puffs of the blue one through the spacer in the last half hour and is still wheezing')).toBe('emergency')
    expect(urgency('女儿哮喘犯了，沙丁胺醇已经吸了十几口，还是喘得厉害', 'zh-CN')).toBe('emergency')
    expect(urgency('used 2 puffs of my inhaler this morning, a bit wheezy with this cold')).not.toBe('emergency')
  })

  it('a rash still seen through a pressed glass, green sick, a quiet baby in late pregnancy, magnets swallowed', () => {
    expect(urgency('儿子5岁发烧两天，身上出了些小红点，拿玻璃杯压上去红点还在', 'zh-CN')).toBe('emergency')
    expect(urgency('儿子5岁发烧两天，身上出了些小红点，拿玻璃杯压上去就褪了，精神挺好', 'zh-CN')).not.toBe('emergency')
    expect(urgency('our 3 month old keeps bringing up bright green stuff after feeds')).toBe('emergency')
    expect(urgency('chesty cough bringing up green phlegm and a fever for four days')).not.toBe('emergency')
    expect(urgency('怀孕35周了，今天一整天都没感觉到宝宝动', 'zh-CN')).toBe('emergency')
    expect(urgency('my 4 year old says he swallowed two of his sister\'s magnetic balls, seems fine')).toBe('emergency')
  })

  it('a toilet turned red with liver-like clots, pills gone from the pack, a belly too sore for the sheets, words two at a time', () => {
    expect(urgency('上厕所拉了好多血，马桶里的水全是红的', 'zh-CN')).toBe('emergency')
    expect(urgency('toddler was playing with my handbag, 4 gone from the pack of my sleeping tablets')).toBe('emergency')
    expect(urgency('pain in my stomach since 2am, even the sheet touching my tummy makes me scream')).toBe('emergency')
    expect(urgency('老公哮喘发了，说话一次只能说两个字', 'zh-CN')).toBe('emergency')
  })

  it('tablets added up over a day count as taken', () => {
    expect(extractor.read('昨天感冒药加上退烧药，扑热息痛一共大概14片').patient.tabletCount).toBe(14)
  })
})
