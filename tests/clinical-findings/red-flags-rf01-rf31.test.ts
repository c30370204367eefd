import { describe, expect, it } from 'vitest'
import { extractor, currentConcepts } from '../helpers/read-findings.ts'

// Everyday phrasings of red-flag rows RF01-RF31 (shared/data/triage/red_flags.md) that the lexicon
// used to miss; each phrase is ours, not a probe message.

describe('red flags RF01-RF31 in everyday words', () => {
  it.each([
    ['RF01 en, not come to', "he fell off the sofa and still hasn't come to", 'unresponsive'],
    ['RF01 zh, no response at all', '推她肩膀一点反应都没有', 'unresponsive'],
    ['RF01 zh, shaken and not woken', '我爸怎么喊都喊不醒', 'unresponsive'],
    ['RF03 zh, does not know family', '奶奶突然不认识家里人了', 'confusion'],
    ['RF03 zh, asks where she is', '她一直问这是哪里', 'confusion'],
    ['RF04 en, heaving for air', 'my dad is heaving for air on the sofa', 'breathing_severe'],
    ['RF04 en, a word or two at a time', 'she can only manage two words at a time', 'breathing_severe'],
    ['RF04 zh, stops after two words', '说两句话就得停下来喘', 'breathing_severe'],
    ['RF04 zh, air will not go in', '感觉空气吸不进去', 'breathing_severe'],
    ['RF04 zh, very laboured', '呼吸非常费力', 'breathing_severe'],
    ['RF07 en, purplish marks', 'there are purplish spots on her shins', 'non_blanching_rash'],
    ['RF07 en, look like bruises', 'tiny marks on his back that look like bruises', 'non_blanching_rash'],
    ['RF07 zh, pressed and not fading', '身上的红点按下去也不退', 'non_blanching_rash'],
    ['RF14 zh, warfarin spelt 华法令', '我妈吃华法令的，摔了一跤磕到头', 'head_injury'],
    ['RF15 zh, temple pain is a headache', '两边太阳穴一跳一跳地疼', 'headache'],
    ['RF17 zh, heart beating fast with 得', '心跳得好快', 'palpitations'],
    ['RF17 zh, heart pounding', '心脏砰砰直跳', 'palpitations'],
    ['RF17 en, felt she would faint', 'she felt like she was going to faint', 'near_faint'],
    ['RF17 zh, about to faint', '感觉快要晕倒了', 'near_faint'],
    ['RF20 zh, inhaler many times a day', '万托林一天要喷七八次', 'reliever_overuse'],
    ['RF21 zh, out of breath climbing', '上楼梯上气不接下气', 'breathless'],
    ['RF22 en, red in what was coughed up', 'there was red in the stuff he coughed up', 'haemoptysis'],
    ['RF22 zh, blood in the phlegm', '痰里面夹着血丝', 'haemoptysis'],
    ['RF22 zh, coughed out blood', '早上咳出来一口带血的痰', 'haemoptysis'],
    ['RF28 zh, dull pain round the navel', '肚脐周围隐隐作痛', 'abdominal_pain'],
    ['RF28 zh, moved to the lower right', '疼痛转到右下面了', 'appendicitis_pattern'],
    ['RF28 zh, pulls when walking', '走路都扯着疼', 'appendicitis_pattern'],
    ['RF29 en, vomited red blood', 'he vomited up quite a lot of bright red blood', 'haematemesis'],
    ['RF30 zh, clots passed', '排出好多血块', 'rectal_bleeding_heavy'],
    ['RF30 zh, toilet turned red', '马桶里一片红', 'rectal_bleeding_heavy'],
    ['RF31 en, plural poos', 'his poos are black', 'melaena']
  ])('%s: %j', (_case, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })

  it('zh-only: anticoagulant spelt 华法令 is read as a medicine', () => {
    expect(extractor.read('我爸一直吃华法令').patient.medicines).toContain('anticoagulant')
  })

  it.each([
    ['zh: a denied stiff neck (也不硬)', '头有点疼，脖子也不硬', 'stiff_neck'],
    ['en: a dark poo word is not blood in vomit', 'been sick twice and there is blood in his poo', 'haematemesis'],
    ['en: coming to the clinic is not coming round', "she hasn't come to the clinic yet", 'unresponsive']
  ])('%s', (_case, text, concept) => {
    expect(currentConcepts(text)).not.toContain(concept)
  })

  it('a next sentence saying the episode stopped resolves it', () => {
    const reading = extractor.read('My heart raced and I nearly fainted. It passed after five minutes.')
    expect(reading.current.filter((finding) => finding.concept === 'palpitations').every((finding) => finding.resolved)).toBe(true)
    const ongoing = extractor.read('My heart is racing and I feel faint. It started ten minutes ago.')
    expect(ongoing.current.some((finding) => finding.concept === 'palpitations' && !finding.resolved)).toBe(true)
  })

  it('an intrinsic absence is not swallowed by the negation of the word before it (zh)', () => {
    expect(currentConcepts('拍他脸一点反应都没有')).toContain('unresponsive')
  })

  it('an asthma attack that calmed down is resolved', () => {
    expect(extractor.read('had an asthma attack last night and it calmed down by midnight').findings.find((finding) => finding.concept === 'asthma_attack')?.resolved).toBe(true)
  })
})
