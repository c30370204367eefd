import { describe, expect, it } from 'vitest'
import { currentConcepts, extractor, rulesUrgency } from '../helpers/read-findings.ts'
import { extractAge } from '../../src/flows/understanding/extract-age.ts'

// Chinese phrasing families and self-care pathways the rules missed (patient-written development
// sets 20-23): each names the general form it stands for; the sentences are ours.

describe('phrasings from development sets 20-23 (zh): findings', () => {
  it.each([
    ['RF55: a small child who cries when weeing', '女儿两岁，这两天小便的时候直哭', 'dysuria'],
    ['RF55: going to the toilet every few minutes', '今天一会儿就要跑一趟厕所', 'dysuria'],
    ['constipation told as how seldom', '这个星期才拉了一次大便', 'constipation'],
    ['diarrhoea told as a count of loose stools', '今天拉了三回稀的', 'diarrhoea'],
    ['a nosebleed told as the nose bleeding a little', '擤鼻涕的时候鼻子出了点血', 'nosebleed'],
    ['RF21: not enough air', '这几天总觉得气不太够用', 'breathless'],
    ['RF21: having to stop on the stairs', '上两层楼就得停下缓一缓', 'breathless'],
    ['RF79: the fever climbs despite medicine', '退烧药一直在吃，可是越吃体温越高', 'fever_not_improving'],
    ['RF88: sugar that will not come down', '这几天血糖怎么都降不下来', 'high_blood_sugar'],
    ['RF75: red and swollen', '小腿上被蚊子叮的地方又红又肿', 'cellulitis_features'],
    ['RF75: redness spreading past a line', '红的范围今天已经往脚踝蔓延了', 'cellulitis_features'],
    ['RF69: light hurts after switching it on', '一开灯眼睛就刺得睁不开', 'photophobia'],
    ['RF69: vision like through gauze', '看东西像蒙了一层纱', 'vision_change'],
    ['RF69: pain inside the eye', '左眼珠里面胀痛', 'eye_pain'],
    ['RF40: a high-pitched noise breathing in', '他一哭吸气就有高调的声音', 'stridor'],
    ['a bite that did not break the skin', '狗咬了一口，皮没咬破', 'skin_intact'],
    ['a baby feeding as usual', '奶照样喝，一顿能喝完', 'playful_well'],
    ['home remedies all tried', '热敷、膏药都试过了，还是那样', 'worsening'],
    ['a cold sore that will not crust', '嘴角的泡一直结不了痂', 'worsening']
  ])('%s', (_label, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })

  it.each([
    ['an adult too busy to drink is not refusing fluids', '我上班一忙一下午不喝水', 'cannot_keep_fluids'],
    ['legs gone weak after heat is not being unable to bear weight', '下午出汗多，腿发软，坐了会就好了', 'cannot_weight_bear'],
    ['a forehead that feels hot is a temperature, not hot red skin', '昨晚摸着热，量了38度', 'cellulitis_features'],
    ['"是…吗" asks about a diagnosis', '是低血糖吗', 'hypoglycaemia'],
    ['"这是…吗" asks about a diagnosis', '这是产后抑郁吗', 'depression_features'],
    ['a bite that broke the skin is not intact', '猫咬破了皮，出了点血', 'skin_intact'],
    ['a cold sore already crusting is not failing to heal', '嘴角的泡已经结痂了', 'worsening']
  ])('%s', (_label, text, concept) => {
    expect(currentConcepts(text)).not.toContain(concept)
  })

  it('reads the patient and age told around a birth', () => {
    expect(extractAge('宝宝95天，今天有点咳嗽')?.months).toBe(3)
    expect(extractAge('宝宝3天没拉大便了')).toBeNull()
    expect(extractAge('怀孕20周，这两周大便很干')).toBeNull()
    expect(extractAge('生完孩子两个月，最近腰疼')).toBeNull()
    expect(extractor.read('生完孩子两个月，我最近右眼又红又疼').patient.child).toBe(false)
    expect(extractor.read('儿子两个月，这两天鼻塞').patient.ageMonths).toBe(2)
  })

  it('reads ketones told after the meter', () => {
    expect(extractor.read('1型糖尿病，刚才用血酮仪测了一下是1.2').patient.ketonesMmol).toBe(1.2)
  })
})

describe('phrasings from development sets 20-23 (zh): urgency', () => {
  it.each([
    ['sources.md headache: a headache in pregnancy', '怀孕30周，这两天有点头疼，吃了扑热息痛好一点', 'urgent'],
    ['RF36: 39 at three to five months with the age in days', '宝宝120天，今天下午量了39.2度，还肯吃奶', 'urgent'],
    ['RF40: stridor only when the baby cries', '宝宝五个月，咳嗽像小狗叫，一哭起来吸气就有高调的声音', 'urgent'],
    ['RF69: a red painful eye with light and vision trouble', '我戴隐形眼镜，右眼又红又疼，一开灯就刺得睁不开，看东西像蒙了一层纱', 'urgent'],
    ['RF75: red swollen hot skin spreading where a nail went in', '前天手指被钉子扎破了，今天整个手指红肿，红的地方往手掌蔓延了，摸着发烫', 'urgent'],
    ['RF55: a child with urine-infection signs', '儿子四岁，这两天小便的时候直哭，一会儿就要跑一趟厕所', 'urgent'],
    ['RF88: ketones with sugar that will not come down', '1型糖尿病，血糖这两天怎么都降不下来，血酮仪测了一下是1.1，不恶心', 'urgent'],
    ['RF79: a fever rising despite medicine', '流感第三天，药一直吃着，体温越吃越高，今天39.5', 'urgent'],
    ['RF21: breathless on the stairs after smoke', '前天吸了不少烟，现在上三楼就得停下歇口气，还老咳嗽', 'urgent']
  ])('%s', (_label, text, urgency) => {
    expect(rulesUrgency(text)).toBe(urgency)
  })

  it.each([
    ['heartburn in pregnancy without warning signs', '怀孕22周，吃完饭烧心，吃了点药店的胃药就好了', 'self_care'],
    ['constipation in pregnancy without warning signs', '怀孕20周，这周才拉了一次大便，没出血，肚子不疼', 'self_care'],
    ['a nosebleed in pregnancy that stopped with pressure', '孕28周，刚才流鼻血了，捏着鼻子十分钟就止住了，没吃抗凝药', 'self_care'],
    ['a cold in a six-week-old who feeds as usual', '宝宝一个半月，这两天鼻塞打喷嚏，没有发烧，奶照样喝', 'self_care'],
    ['fever after vaccines at four months', '宝宝四个月，昨天打了疫苗，晚上摸着热，量了38.1，今天能吃能玩', 'self_care'],
    ['a fever under 39 at five months with a cold', '宝宝五个月，流鼻涕两天，今天38.3，吃奶正常，精神好', 'self_care'],
    ['a kitten bite that did not break the skin', '小猫咬了我手一下，有几个红印，皮没破，已经用肥皂洗了', 'self_care'],
    ['a bladder infection in a woman with no warning signs, not drinking at work', '我30岁，上班一忙一下午不喝水，今天小便烧得慌，老想上厕所，不发烧，后腰不疼，没怀孕', 'self_care'],
    ['constipation from a change of routine', '出差一周，才解了两次大便，肚子不疼，没出血', 'self_care'],
    ['diarrhoea after spicy food', '昨天吃火锅，今天拉了三回稀的，不发烧，没有血，能喝水', 'self_care']
  ])('%s', (_label, text, urgency) => {
    expect(rulesUrgency(text)).toBe(urgency)
  })

  it.each([
    ['a fever in a baby under 3 months stays an emergency', '宝宝一个半月，鼻塞两天，今天量了38.2，奶照样喝', 'emergency'],
    ['a cold in a six-week-old who feeds less is not self-care', '宝宝一个半月，这两天鼻塞打喷嚏，没有发烧，吃奶明显少了', 'urgent'],
    ['heartburn in pregnancy with pain under the ribs is not self-care', '怀孕30周，烧心，肋骨下面疼', 'emergency'],
    ['a bite that broke the skin on the hand stays urgent', '小猫咬了我手一下，咬破了皮，出了点血', 'urgent'],
    ['a cold sore that will not crust after treatment is for a GP', '嘴角起了泡，药膏一直在抹，一直结不了痂', 'routine'],
    ['back pain after trying everything at home is for a GP', '腰疼三周，按摩、膏药、拉伸都试过了，还是不见轻', 'routine'],
    ['red swollen gums that bleed are for a dentist, not cellulitis', '刷牙老出血，牙龈有点红肿，想约口腔科', 'routine'],
    ['hay fever in pregnancy stays with the GP team', '怀孕20周，花粉过敏又犯了，打喷嚏流清涕', 'routine']
  ])('%s', (_label, text, urgency) => {
    expect(rulesUrgency(text)).toBe(urgency)
  })
})
