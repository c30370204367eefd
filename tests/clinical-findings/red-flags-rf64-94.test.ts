import { describe, expect, it } from 'vitest'
import { extractor, currentConcepts, rulesUrgency } from '../helpers/read-findings.ts'

// Phrasings for red-flag rows RF64–RF94 (shared/data/triage/red_flags.md) that the lexicon missed:
// each names the general form it stands for, in English and Chinese where it applies.

describe('RF64–RF94 phrasings: findings', () => {
  it.each([
    ['RF64 en: a flame burn', 'the gas flared up and singed the back of his hand', 'burn'],
    ['RF64 zh: 被火燎到', '点煤气的时候手被火燎到了，起了好几个泡', 'burn'],
    ['RF66 en: bitten by a farm animal', 'my son was bitten by a pony at the farm park', 'animal_bite'],
    ['RF66 en: bleeding soaking through a dressing', 'the cut keeps soaking through the gauze pad', 'bleeding_uncontrolled'],
    ['RF66 zh: a dressing soaked after several changes', '手划了个口子，创可贴换了好几个都湿透了', 'bleeding_uncontrolled'],
    ['RF66 en: a chunk taken out', 'the dog has taken a big chunk out of his calf', 'wound_gaping'],
    ['RF66 zh: 咬掉一块肉', '被猫咬掉了一小块肉', 'wound_gaping'],
    ['RF68 en: a cleaning product reaching the eye a few words later', 'I was using hair dye and a drop of it ran into my right eye', 'eye_chemical'],
    ['RF69 en: light makes the eye worse', 'sore red eye and the sunlight makes it so much worse', 'photophobia'],
    ['RF69 en: an aching eye', 'my left eye is aching', 'eye_pain'],
    ['RF69 en: smeary vision', 'everything looks smudged through that eye', 'vision_change'],
    ['RF71 en: cannot open the jaw', 'my throat is agony and I can hardly open my jaw', 'cannot_swallow_saliva'],
    ['RF71 zh: 嘴张不开', '嗓子疼了三天，现在嘴巴都张不开了', 'cannot_swallow_saliva'],
    ['RF72 en: the nose bled', 'his nose bled for ages this afternoon', 'nosebleed'],
    ['RF73 en: a bad molar', 'I have a cracked molar at the back', 'toothache'],
    ['RF73 en: face ballooned', 'her face has ballooned on the left', 'facial_swelling_spreading'],
    ['RF73 en: eye swollen shut', 'his eye is almost swollen shut', 'facial_swelling_spreading'],
    ['RF74 zh: painkillers with words between', '牙疼，芬必得吃了三片一点用都没有', 'painkillers_not_helping'],
    ['RF74 zh: a sleepless night', '牙疼得一整夜没合眼', 'painkillers_not_helping'],
    ['RF76 en: not making much sense', "he isn't making much sense tonight", 'confusion'],
    ['RF76 en: a red swollen shin', 'my shin is red and hot and swollen', 'calf_swelling'],
    ['RF77 zh: a string of blisters', '后背冒出一串小红疱', 'shingles_pattern'],
    ['RF77 zh: only on one side', '疹子只长在左边', 'shingles_pattern'],
    ['RF82 zh: one-sided lower pain with words between', '右边小肚子一阵阵针扎一样疼', 'ectopic_features'],
    ['RF82 zh: a cutting tummy pain', '肚子刀绞一样疼', 'abdominal_pain'],
    ['RF83 zh: brown discharge', '怀孕六周，内裤上有褐色分泌物', 'vaginal_bleeding'],
    ['RF84 en: a number of small movements', 'only felt a couple of weak kicks since lunch', 'reduced_fetal_movement'],
    ['RF84 en: baby quiet', 'the baby has been very quiet since this morning', 'fetal_quiet'],
    ['RF84 zh: 不怎么动了', '宝宝今天不太动了', 'fetal_quiet'],
    ['RF89 en: all of my tablets', 'I have swallowed all of my citalopram', 'overdose'],
    ['RF93 en: over the daily maximum', 'I think I took more than the maximum dose of cold and flu tablets', 'overdose'],
    ['RF93 zh: 吃超量', '退烧药吃超量了', 'overdose'],
    ['RF91 en: cameras and bugs', 'he is convinced the people upstairs have bugged his phone', 'psychosis_features'],
    ['RF91 zh: 邻居装窃听器', '我妈说对门邻居在她家装了摄像头监视她', 'psychosis_features'],
    ['RF94 en: a low-harm product', 'my toddler licked some of the bubble bath', 'swallowed_household_product'],
    ['RF94 en: the product before the verb', 'she had the fabric softener bottle and took a sip', 'swallowed_household_product'],
    ['RF94 zh: 喝了一口洗发水', '孩子喝了一口洗发水', 'swallowed_household_product'],
    ['RF50 zh: the product before the verb', '小孩拿着消毒水喝了一口', 'poison_ingestion']
  ])('%s', (_case, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })

  it.each([
    ['negated painkiller failure does not count', '牙有点疼，止痛药吃了就不疼了', 'painkillers_not_helping'],
    ['a camera the family put up is no paranoia', 'we have a camera in the nursery for the baby', 'psychosis_features'],
    ['washing-up liquid is not the poisoning emergency (RF94, not RF50)', 'my son drank a mouthful of washing up liquid', 'poison_ingestion'],
    ['洗洁精 is not the poisoning emergency (RF94, not RF50)', '孩子喝了一口洗洁精', 'poison_ingestion']
  ])('not: %s', (_case, text, concept) => {
    expect(currentConcepts(text)).not.toContain(concept)
  })
})

describe('RF64–RF94 phrasings: patient and measurements', () => {
  it.each([
    ['weeks since the last period', 'it has been 6 weeks since my last period and I have a sharp pain on one side'],
    ['a positive pregnancy test', 'positive pregnancy test on Sunday, now some cramps'],
    ['weeks with a named pregnancy', "I'm 31 weeks with my first"],
    ['zh: 两条杠', '验孕棒两条杠，肚子有点疼']
  ])('pregnant: %s', (_case, text) => {
    expect(extractor.read(text).patient.pregnant).toBe(true)
  })

  it('a covid test is no pregnancy', () => {
    expect(extractor.read('positive covid test yesterday, sore throat').patient.pregnant).toBe(false)
  })

  it.each([
    ['en: a count with the time taken over', 'I have had about 16 paracetamol tablets since yesterday', 16],
    ['zh: 十几片', '昨晚到现在吃了十几片止痛药', 11]
  ])('tablets: %s', (_case, text, count) => {
    expect(extractor.read(text).patient.tabletCount).toBe(count)
  })
})

describe('RF64–RF94 rules', () => {
  it.each([
    ['RF66: a deep bite', 'a dog bit my arm, the wound is gaping and deep'],
    ['RF76: red swollen skin with a racing heart', 'the scratch on my leg is red, hot and swollen and my heart is pounding'],
    ['RF76: red swollen skin with 39 °C', 'insect bite on my arm now red and swollen and spreading, temperature 39.3'],
    ['RF84: the baby quiet in later pregnancy', "I'm 34 weeks and she's been really quiet all day"],
    ['RF50: a household product with vomiting', 'my daughter drank some shampoo and has vomited twice']
  ])('emergency: %s', (_case, text) => {
    expect(rulesUrgency(text)).toBe('emergency')
  })

  it.each([
    ['RF94: a sip of a low-harm product, well', 'my 3 year old drank a little shampoo, he seems totally fine'],
    ['RF94 zh', '孩子舔了几口沐浴露，现在玩得好好的']
  ])('urgent: %s', (_case, text) => {
    expect(rulesUrgency(text)).toBe('urgent')
  })

  it('a quiet toddler is no fetal-movement emergency', () => {
    expect(rulesUrgency('my 2 year old has been really quiet all day with a runny nose')).not.toBe('emergency')
  })
})
