import { describe, expect, it } from 'vitest'
import { FINDING_CONCEPTS } from '../../src/clinical-findings/lexicon/finding-concepts.ts'
import { createFindingExtractor } from '../../src/clinical-findings/extract-findings.ts'
import type { Finding } from '../../src/clinical-findings/finding-types.ts'

const extractor = createFindingExtractor()
const read = (text: string) => extractor.read(text)
const current = (text: string) => read(text).current.map((finding) => finding.concept)
const mention = (text: string, concept: string): Finding => {
  const found = read(text).findings.find((finding) => finding.concept === concept)
  if (!found) throw new Error(`${concept} not found in ${text}`)
  return found
}

describe('ConText: negation', () => {
  it.each([
    ['en, before the finding', 'no fever, but a sore throat since Monday', 'fever'],
    ['en, a list of denied findings', "he's got no rash, vomiting or stiff neck", 'stiff_neck'],
    ['en, a slash list', 'no back/side pain and no blood', 'flank_pain'],
    ['en, inside the matched words', 'her lips are not swollen at all', 'lip_face_swelling'],
    ['en, after the finding', 'chest pain - none, just a cough', 'chest_pain'],
    ['zh, 没有 before', '没有发烧，就是嗓子疼', 'fever'],
    ['zh, carried across 也不', '没有发烧也不咳，就是嗓子疼', 'cough'],
    ['zh, carried to the next symptom', '没有恶心呕吐，人精神还好', 'vomiting'],
    ['zh, inside the matched words', '被狗咬了一下，皮没破', 'skin_broken'],
    ['zh, 不 right before the symptom', '胸口不疼，就是咳嗽', 'chest_pain']
  ])('%s: %j', (_case, text, concept) => {
    expect(mention(text, concept).negated).toBe(true)
    expect(current(text)).not.toContain(concept)
  })

  it.each([
    ['en: a negation stops at "but"', 'no fever but crushing chest pain', 'chest_pain'],
    ['zh: a comma ends a Chinese negation', '没发烧，咳嗽得厉害', 'cough'],
    ['intrinsic negatives stay affirmed', "she hasn't had a wet nappy since 6am", 'no_urine'],
    ['zh intrinsic negative', '宝宝一下午都没尿', 'no_urine'],
    ['zh: "still has not stopped" affirms the finding', '孩子发烧抽了五分钟还没停', 'seizure'],
    ['zh: "not gone down" affirms the fever', '吃了退烧药，发烧没退', 'fever'],
    ['zh: a word of ours does not hide the next word inside it', '胸口像压了块大石头', 'cardiac_chest_features']
  ])('%s', (_case, text, concept) => {
    expect(current(text)).toContain(concept)
  })
})

describe('near misses are not the event', () => {
  it.each([
    ['zh: nearly fainted', '刚才心慌，差点晕过去，坐下就好了', 'loss_of_consciousness'],
    ['en: coughing up red streaks is not bleeding from the bottom', 'coughing up red streaks since yesterday', 'rectal_bleeding']
  ])('%s', (_case, text, concept) => {
    expect(read(text).findings.map((finding) => finding.concept)).not.toContain(concept)
  })
})

describe('ConText: time', () => {
  it.each([
    ['en, years ago', 'I had a stroke 5 years ago and now I have a cough for 2 days', 'stroke_diagnosis'],
    ['en, as a child', 'had asthma attacks as a kid, now a runny nose', 'asthma_attack'],
    ['zh, 以前', '以前抽搐过一次，这次就是感冒', 'seizure'],
    ['zh, 去年 with 后', '去年脑出血后一直在康复，现在咳嗽', 'stroke_diagnosis']
  ])('historical, %s', (_case, text, concept) => {
    expect(mention(text, concept).historical).toBe(true)
    expect(current(text)).not.toContain(concept)
  })

  it('a new finding in the same message still counts beside a past one', () => {
    expect(current('had chest pain years ago, but today crushing chest pain again')).toContain('chest_pain')
  })

  it.each([
    ['en', 'my heart was racing and I nearly fainted this morning, fine now', 'palpitations'],
    ['zh', '昨晚心慌差点晕过去，现在好了', 'palpitations']
  ])('resolved (%s): still current, marked as passed', (_language, text, concept) => {
    const finding = mention(text, concept)
    expect(finding.resolved).toBe(true)
    expect(current(text)).toContain(concept)
  })

  it.each([
    ['en', 'chest pain on and off for weeks', 'chest_pain'],
    ['zh', '最近经常胸闷', 'chest_pain']
  ])('recurrent (%s)', (_language, text, concept) => {
    expect(mention(text, concept).recurrent).toBe(true)
  })
})

describe('ConText: hypothetical and experiencer', () => {
  it.each([
    ['en', 'what should I do if she gets a fever tonight?', 'fever'],
    ['zh', '万一发烧了怎么办', 'fever'],
    ['zh, 会不会', '打完疫苗会不会抽搐', 'seizure']
  ])('hypothetical (%s)', (_language, text, concept) => {
    expect(mention(text, concept).hypothetical).toBe(true)
    expect(current(text)).not.toContain(concept)
  })

  it.each([
    ['en', 'my sister has been wheezing all week, I just have a runny nose', 'wheeze'],
    ['zh', '我同事发烧了，我就是有点咳嗽', 'fever']
  ])('another person (%s)', (_language, text, concept) => {
    expect(mention(text, concept).experiencer).toBe('other')
    expect(current(text)).not.toContain(concept)
  })

  it('a relative who is the patient is not "another person"', () => {
    const reading = read('My nan (79) had 20 minutes where her left arm went weak and her words came out jumbled')
    expect(reading.patient.relation).toBe('adult_relative')
    expect(reading.current.map((finding) => finding.concept)).toEqual(expect.arrayContaining(['limb_weakness', 'speech_disturbance']))
  })

  it("a sibling's asthma is not the patient's condition", () => {
    expect(read('My brother has asthma but I have a cough').patient.conditions).not.toContain('asthma')
    expect(read('I have asthma and now a cough').patient.conditions).toContain('asthma')
  })
})

describe('look-alike words', () => {
  it.each([
    ['hay fever is not a fever', 'my hay fever is awful this week', 'fever'],
    ['"fit and well" is not a seizure', "I'm 34, fit and well, with a sore knee", 'seizure'],
    ['"been" is not a bee', 'it has been sore since the weekend', 'allergen_exposure'],
    ['a hearing aid fitting is not a fit', "I'm calling about my mum's hearing aid fitting", 'seizure'],
    ['烧伤 is a burn, not a fever', '手被开水烧伤了', 'fever'],
    ['酸中毒 is not poisoning', '糖尿病酸中毒严重吗', 'poison_ingestion'],
    ['food poisoning is not a poisoning emergency', 'I think I have food poisoning', 'poison_ingestion'],
    ['a blocked nose is not a breathing emergency', "my daughter can't breathe through her nose, it's all blocked up", 'breathing_severe'],
    ['numb feet are not a numb mood', 'my hands and feet feel numb when it is cold', 'low_mood'],
    ['七分饱 is no pain score', '每顿吃七分饱，胃有点胀', 'severe_pain']
  ])('%s', (_case, text, concept) => {
    expect(current(text)).not.toContain(concept)
  })
})

describe('red flags RF32-RF63 in everyday words', () => {
  it.each([
    ['RF38 en: a groan with each breath', 'my baby makes a moaning noise with each breath, even asleep', 'grunting_or_apnoea'],
    ['RF38 zh: 呼气时哼', '宝宝出气的时候一直吭吭的', 'grunting_or_apnoea'],
    ['RF39 en: too puffed out to finish a feed', 'he is so breathless he cannot finish his feeds', 'recession'],
    ['RF39 en: stops feeding to catch a breath', 'she stops after a few gulps to get her breath back', 'recession'],
    ['RF39 zh: 吃奶停下来喘', '宝宝吃奶吃几口就要停下来喘一喘', 'recession'],
    ['RF40 zh: 拉风箱 on breathing in', '孩子吸气的时候嗓子里像拉风箱', 'stridor'],
    ['RF42 zh: a shrill, odd cry', '宝宝哭的声音很尖，跟平时不一样', 'inconsolable_cry'],
    ['RF42 zh: nothing settles the baby', '孩子怎么哄也哄不好，哭了一晚上', 'inconsolable_cry'],
    ['RF33/34 zh: 吃啥吐啥', '糖尿病，这两天喝啥吐啥', 'cannot_keep_fluids'],
    ['RF34 zh: even a sip of water comes up', '喝一口水也吐，一天没吃东西', 'cannot_keep_fluids'],
    ['RF33 zh: a cramping stomach', '胃这里绞着疼，一阵一阵的', 'abdominal_pain'],
    ['RF50 en: tablets gone from a pill box', 'the pill box was open and a few of the tablets are gone', 'poison_ingestion'],
    ['RF52 en: unsteady walking', 'since yesterday he keeps losing his balance and staggering', 'dizziness'],
    ['RF59 en: a bad back', 'I have had a bad back since the weekend', 'back_pain'],
    ['RF59 en: both legs with a pronoun', 'both of his legs have gone numb', 'cauda_equina_features'],
    ['RF59 en: incontinence not noticed', 'he wet himself without realising it', 'cauda_equina_features'],
    ['RF59 en: cannot start a stream', 'struggling to get my wee going since my back went', 'urinary_retention'],
    ['RF60 en: weight lost in kilos', 'I have lost 6 kg without trying', 'weight_loss'],
    ['RF60 en: worst at night', 'the ache is worst at night', 'night_pain'],
    ['RF61 zh: a bent forearm', '摔了一下，前臂看着弯了', 'deformity_or_crack'],
    ['RF62 zh: worse than at the start', '扭伤三天了，现在比昨天更肿', 'worsening'],
    ['RF63 zh: fell and cannot get up', '我妈跌在厨房里，站不起来了', 'fall_cannot_get_up']
  ])('%s', (_case, text, concept) => {
    expect(current(text)).toContain(concept)
  })

  it('a child playing with a friend is still the patient (RF49)', () => {
    expect(current('my daughter (4) and her friend were playing with magnets and she swallowed one')).toContain('swallowed_battery_or_magnet')
    expect(mention('my son has a cough and his friend has chickenpox', 'chickenpox').experiencer).toBe('other')
  })

  it('food that colours urine is read (RF53 look-alike)', () => {
    expect(current('had beetroot juice yesterday and my pee is pink')).toContain('red_food_eaten')
    expect(current('昨天吃了火龙果，今天尿是红的')).toContain('red_food_eaten')
  })
})

describe('patient and measurements', () => {
  it('reads who the patient is and the numbers given, in English', () => {
    const { patient } = read('My 7 week old feels hot, it says 38.3, sats 93%, heart rate 180')
    expect(patient).toMatchObject({ relation: 'child', child: true, ageMonths: 1, temperatureC: 38.3, oxygenSaturation: 93, heartRate: 180 })
  })

  it('reads who the patient is and the numbers given, in Chinese', () => {
    const { patient } = read('我妈72岁，血压190/110，血糖2.8，刚才吃了二十片安眠药')
    expect(patient).toMatchObject({ relation: 'adult_relative', child: false, ageMonths: 72 * 12, systolic: 190, glucoseMmol: 2.8, tabletCount: 20 })
  })

  it('reads pregnancy with its weeks, and a denial', () => {
    expect(read('孕33周，今天胎动少了').patient).toMatchObject({ pregnant: true, pregnancyWeeks: 33 })
    expect(read('34F, burning when I pee, not pregnant').patient.pregnant).toBe(false)
  })

  it('a temperature of 37.8 or more is a fever even without the word; a normal reading is not', () => {
    expect(current('体温38.9，腰疼')).toContain('fever')
    expect(current('Temp 37.2, a bit of a cough')).not.toContain('fever')
  })

  it('an age or a past event is not how long the complaint has lasted', () => {
    expect(read('宝宝3个月，发烧38度5').patient.durationHours).toBeUndefined()
    expect(read('I had a stroke 5 years ago and now a cough for 2 days').patient.durationHours).toBe(48)
  })
})

describe('lexicon data', () => {
  it('no English lookbehind repeats words separated by a literal space (the compile makes spaces optional, and a repeated optional-space group backtracks without end)', () => {
    const risky = FINDING_CONCEPTS.flatMap((concept) => concept.en.filter((pattern) => /\(\?<[=!].{0,120}?\(\?: \[a-z\]\+/u.test(pattern)).map((pattern) => `${concept.id}: ${pattern}`))
    expect(risky).toEqual([])
  })
})
