import { describe, expect, it } from 'vitest'
import { extractor, currentConcepts, rulesUrgency } from '../helpers/read-findings.ts'

// Common benign presentations the lexicon over-triaged in the written-patient development sets 4,
// 11, 12 and the rfb probes: each names the general form it stands for (our own sentences, in
// English and Chinese), with near misses that must keep their alarm.

describe('benign presentations: findings', () => {
  it.each([
    ['burn en: water splashed from a kettle', 'some water slopped out of the kettle onto my hand', 'burn'],
    ['burn en: kettle water on the skin', 'kettle water dripped on my foot', 'burn'],
    ['burn zh: touched a hot iron', '不小心碰了一下还热着的熨斗，手指红了', 'burn'],
    ['eye zh: shampoo ran into the eye', '给孩子洗澡沐浴露流进眼睛了', 'eye_foreign_body'],
    ['eye zh: soap in the eye', '洗脸的时候洗面奶弄到左眼里了', 'eye_foreign_body'],
    ['swallowed en: a tooth swallowed after it came out', 'her wobbly tooth came out in an apple and she swallowed it', 'swallowed_object'],
    ['swallowed en: a rubber swallowed', 'he swallowed the little rubber off his pencil', 'swallowed_object'],
    ['swallowed zh: a milk tooth swallowed', '女儿的乳牙掉了，一不小心吞下去了', 'swallowed_object'],
    ['swallowed zh: a coin swallowed', '儿子玩的时候吞了一枚硬币', 'swallowed_object'],
    ['head en: a bump to the forehead', 'my son knocked his forehead on the coffee table', 'head_injury'],
    ['head en: walked into a door frame', 'she walked straight into the door frame and has a bump', 'head_injury'],
    ['palpitations zh: 心跳咚咚', '喝了两杯咖啡，心跳怦怦的', 'palpitations'],
    ['period pain zh: 姨妈痛', '每个月姨妈疼都要吃止痛药', 'period_pain'],
    ['mouth ulcer en: a white ulcer', 'there is a yellowish ulcer on my gum', 'mouth_ulcer'],
    ['mouth ulcer en: a bitten cheek', 'I have bitten the inside of my cheek and it stings', 'mouth_ulcer'],
    ['panic en: an anxiety attack', 'I had an anxiety attack at work, my heart was racing', 'panic_attack'],
    ['panic zh: 惊恐发作', '地铁上惊恐发作，手发麻', 'panic_attack'],
    ['vaccine en: after the jabs', 'she had her 12 week jabs this morning and is a bit hot', 'recent_vaccination'],
    ['vaccine zh: after a vaccine', '孩子前天打完疫苗有点低烧', 'recent_vaccination']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })

  it.each([
    ['a rash all over the tummy is not severe tummy pain', 'an itchy rash all over his tummy and back', 'abdominal_severe'],
    ['asking whether an iron counts as electric is not a shock', '碰了熨斗，这个算电击吗', 'electrical_injury'],
    ['breathing described as quiet is not breathlessness', '孩子睡着了喘气没声音，很平稳', 'breathless'],
    ['a tooth that fell out is not a fall', 'his front tooth fell out at lunch', 'fall'],
    ['falling asleep is not a fall', 'I find it hard to fall asleep', 'fall'],
    ['a rabies jab after a bite is not a routine vaccine', '被狗咬了，刚打了狂犬疫苗', 'recent_vaccination']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).not.toContain(concept)
  })

  it.each([
    ['pain all over the tummy', 'the pain is all over her tummy now', 'abdominal_severe'],
    ['fell out of bed is a fall', 'he fell out of bed in the night', 'fall'],
    ['a real shock', '孩子摸插座被电了一下', 'electrical_injury']
  ])('keeps %s', (_name, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })
})

describe('benign presentations: urgency', () => {
  it.each([
    ['a minor scald cooled at once', 'splashed water from the kettle on my arm, a pink patch, no blisters'],
    ['a small head bump in a well child', 'my 2 year old bumped her forehead on the table, small lump, playing as normal'],
    ['a swallowed milk tooth', '孩子吃饭的时候把掉下来的门牙咽下去了，不咳不疼'],
    ['shampoo in the eye, rinsed', '洗头的时候洗发水流进眼睛了，冲过了有点红'],
    ['a known panic attack that has passed', 'I have panic disorder, had an attack in the shop, heart pounding and tingly hands, gone after 10 minutes'],
    ['a known panic attack in Chinese', '我有焦虑症，今天又惊恐发作了，心怦怦跳，手心出汗，过了十分钟就好了'],
    ['fever after a baby\'s jabs', 'my 4 month old had her jabs yesterday, temperature 38, feeding and smiling'],
    ['a low temperature after a vaccine in Chinese', '宝宝五个月，昨天接种了五联疫苗，今天37.8度，吃奶正常'],
    ['red pee after beetroot', 'had beetroot soup for lunch and my pee is red now, no pain'],
    ['red pee after dragon fruit in Chinese', '昨天吃了火龙果，今天小便发红，没有不舒服']
  ])('%s is self-care', (_name, text) => {
    expect(rulesUrgency(text)).toBe('self_care')
  })

  it.each([
    ['red pee with no food to explain it', 'my pee is red this morning, no pain', 'urgent'],
    ['a panic attack with crushing chest pain', 'having a panic attack and a crushing chest pain that will not go', 'emergency'],
    ['fever at 6 weeks after jabs', 'my 6 week old had jabs today and her temperature is 38.2', 'emergency'],
    ['fever of 39 at 4 months after jabs', '4 month old had her jabs yesterday, temperature 39.4', 'urgent'],
    ['an electric shock from a socket', '孩子手指插进插座触电了，手指发黑', 'emergency']
  ])('%s stays %s', (_name, text, urgency) => {
    expect(rulesUrgency(text)).toBe(urgency)
  })
})

describe('benign presentations: an attack in a story about panic', () => {
  it('is not read as an asthma attack, while a named asthma attack still is', () => {
    expect(currentConcepts('I get panic attacks, had an attack on the bus')).not.toContain('asthma_attack')
    expect(currentConcepts('had an attack last night, used my inhaler')).toContain('asthma_attack')
    expect(currentConcepts('my asthma attack set off a panic attack')).toContain('asthma_attack')
  })
})

describe('benign presentations: ages with months, hypos with a number, a dripping nose', () => {
  it.each([
    ['一岁两个月 is 14 months, not a two-month illness', '孙子一岁两个月，今天摔了一跤', 14, undefined],
    ['1岁零3个月', '闺女1岁零3个月，磕到了额头', 15, undefined],
    ['a toddler with months in brackets', 'Toddler (20 months) bumped his head an hour ago', 20, 1],
    ['a baby with months after a comma', 'my daughter, 9 months, has had a cough for 2 days', 9, 48]
  ])('%s', (_name, text, months, hours) => {
    const { patient } = extractor.read(text)
    expect(patient.ageMonths).toBe(months)
    expect(patient.durationHours).toBe(hours)
  })

  it.each([
    ['hypo en: a meter reading a few words on', 'my husband is diabetic, the meter on the table read 3.2 after he went shaky', 'hypoglycaemia'],
    ['hypo zh: 测了3.4', '我有糖尿病，刚才心慌出汗，测了3.4，喝了果汁', 'hypoglycaemia'],
    ['nosebleed zh: the nose still dripping', '孩子早上起来鼻子在滴血', 'nosebleed']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })

  it.each([
    ['a runny nose is not a nosebleed', '感冒了鼻子一直在滴清水', 'nosebleed'],
    ['a reading of 13.5 is not a hypo', '我有糖尿病，今天测了13.5', 'hypoglycaemia']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).not.toContain(concept)
  })

  it('a treated hypo that has recovered is self-care; a hypo with drowsiness stays an emergency', () => {
    expect(rulesUrgency('type 1 diabetic, went sweaty, meter in my bag said 3.1, had glucose tablets, 6.0 now and fine')).toBe('self_care')
    expect(rulesUrgency('他有糖尿病，测了2.8，叫不醒')).toBe('emergency')
  })
})

describe('benign presentations: grief and the baby blues', () => {
  it.each([
    ['bereavement en: a parent died', 'my mum passed away last week and I keep crying', 'bereavement'],
    ['bereavement zh: 去世', '爷爷前几天去世了，我老是想哭', 'bereavement'],
    ['bereavement zh: 走了 at the end of a clause', '我姥姥前天走了，心里很难受', 'bereavement'],
    ['baby blues en', 'since I gave birth on Monday I have been really weepy', 'baby_blues'],
    ['baby blues zh', '剖腹产第四天，总是莫名其妙想哭', 'baby_blues']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })

  it('walking a few steps is not a death', () => {
    expect(currentConcepts('我妈走了两步就喘')).not.toContain('bereavement')
  })

  it.each([
    ['a recent loss with tears', 'my dad died four days ago, I cry on and off and cannot concentrate'],
    ['a recent loss in Chinese', '奶奶上周过世了，这几天一想起来就哭，吃饭睡觉还行'],
    ['tearful days after a birth', '生完宝宝第五天，动不动就想哭，能吃能睡']
  ])('%s is self-care', (_name, text) => {
    expect(rulesUrgency(text)).toBe('self_care')
  })

  it('grief or tearfulness lasting beyond two weeks is for a GP', () => {
    expect(rulesUrgency('my husband died 2 months ago and I still feel low every day')).toBe('routine')
    expect(rulesUrgency('since the birth 5 weeks ago I have been weepy every day')).toBe('routine')
  })
})

describe('benign presentations: an attack named by a panic story, something swallowed with food', () => {
  it('reads "one of my attacks" as a panic attack in a sentence about panic', () => {
    expect(currentConcepts('I have panic disorder and had one of my attacks in the lift')).toContain('panic_attack')
    expect(currentConcepts('had one of my attacks in the lift')).not.toContain('panic_attack')
  })
  it('reads an object swallowed along with food', () => {
    expect(currentConcepts('孩子的乳牙掉在碗里，和米饭一起吞下去了')).toContain('swallowed_object')
    expect(currentConcepts('鱼刺混着米饭一起咽下去了')).toContain('swallowed_object')
  })
})
