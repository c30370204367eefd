import { describe, expect, it } from 'vitest'
import { currentConcepts, extractor, rulesUrgency } from '../helpers/read-findings.ts'

// Chinese phrasing families and published discriminators the lexicon and rules missed (patient-written
// development sets 24-27): each names the general form it stands for; the sentences are ours.

describe('phrasings from development sets 24-27 (zh): findings', () => {
  it.each([
    ['tension headache: a band round the head', '下午开始头顶像被什么箍着一样', 'headache'],
    ['tension headache: the back of the head tight', '后脑勺一直发紧，有点难受', 'headache'],
    ['tension headache: both sides of the head tight', '头两侧发紧', 'headache'],
    ['RF69: pain inside the eye', '左眼里面一阵阵地疼', 'eye_pain'],
    ['RF69: light makes the eye water', '一见光就流泪', 'photophobia'],
    ['RF69: blurred when looking at something', '看手机屏幕有点模糊', 'vision_change'],
    ['RF70: something blown into the eye', '刮大风沙子吹进了左眼', 'eye_foreign_body'],
    ['RF20: reliever puffs counted in a range', '最近每天得喷五六次', 'reliever_overuse'],
    ['RF75: red, swollen and hot told as 又…又…', '手背又红又肿，摸着烫', 'cellulitis_features'],
    ['RF75: redness past the line drawn round it', '我拿笔描了边，晚上一看已经超过那条线了', 'cellulitis_features'],
    ['RF55: a child saying weeing hurts', '儿子说撒尿疼', 'dysuria'],
    ['RF74: a tooth in the middle of root-canal work', '做根管的那颗一直跳着疼', 'toothache'],
    ['RF77: a rash said to be only on one side', '腰上起了一片疹子，只长在左边', 'shingles_pattern'],
    ['earache told with a manner word', '耳朵里胀胀地疼', 'earache'],
    ['sinusitis: pressure over the cheekbones', '两边颧骨胀痛', 'sinus_symptoms'],
    ['sinusitis: thick yellow snot', '擤出来都是黄色的脓鼻涕', 'sinus_symptoms'],
    ['home treatment without effect: 没见好', '抹了一个月药膏也没见好', 'worsening'],
    ['home treatment without effect: 不太管用', '喝了通便茶不怎么管用', 'worsening'],
    ['home treatment without effect: 没什么效果', '泡脚按摩都做了，没啥效果', 'worsening'],
    ['painkillers bring the pain down', '吃了止痛药就好多了', 'painkillers_help'],
    ['postural: getting up fast', '从沙发上猛地站起来', 'on_standing_up'],
    ['severe acne: pitted scars', '痘痘好了以后脸上全是痘坑', 'acne_severe']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })

  it.each([
    ['"the first day" is no head', '每个月头两天特别难受', 'face_or_head'],
    ['painkillers that do not help are no relief', '布洛芬吃了也不管用', 'painkillers_help'],
    ['eyes seeing clearly is no blurred vision', '看东西不模糊', 'vision_change'],
    ['a spot without hard lumps is not severe acne', '只是几个小白头，没有大硬包', 'acne_severe'],
    ['a tight neck alone is no headache', '脖子后面有点发紧', 'headache']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).not.toContain(concept)
  })

  it('a ketone meter reading is a ketone level, not a low blood sugar', () => {
    const reading = extractor.read('用血酮仪测了一下是1.4')
    expect(reading.patient.ketonesMmol).toBe(1.4)
    expect(reading.current.map((finding) => finding.concept)).not.toContain('hypoglycaemia')
  })

  it('a finding the day before yesterday is recent, even told as 有一次', () => {
    expect(currentConcepts('前天有一次尿是红的，后来就正常了')).toContain('haematuria')
    expect(currentConcepts('小时候有一次尿是红的')).not.toContain('haematuria')
  })

  it('an "old problem" that is back is recurring, not past', () => {
    const finding = extractor.read('膀胱炎老毛病了，这几天又开始了').findings.find((item) => item.concept === 'dysuria')
    expect(finding?.historical).toBe(false)
    expect(finding?.recurrent).toBe(true)
  })
})

describe('phrasings from development sets 24-27 (zh): levels', () => {
  it.each([
    ['RF88: ketones under 3 from a meter with tummy ache', '1型糖尿病，血糖二十多，血酮仪测的是1.2，肚子有点疼', 'urgent'],
    ['RF20: reliever needed several times a day', '孩子有哮喘，这周咳得多，每天要吸沙丁胺醇三四回', 'urgent'],
    ['RF69: red eye with pain and blurred sight', '右眼通红，眼睛里面疼，看电脑也模糊', 'urgent'],
    ['RF70: a fly in the eye still gritty the next day', '昨天骑车一只小虫子撞进左眼，今天还是红，一直磨得慌', 'urgent'],
    ['RF54: an "old problem" UTI with fever and loin pain', '膀胱炎是老毛病，这次尿痛三天了，今天腰疼还发烧38.5', 'urgent'],
    ['RF53: blood in the pee the day before yesterday', '前天有一次尿是粉红色的，不疼', 'urgent'],
    ['RF75: cellulitis past the pen line', '小腿上被蚊子叮的地方挠破了，又红又肿，昨晚画的线今天已经超出去了', 'urgent'],
    ['RF74: painkillers do not hold a root-canal tooth overnight', '根管治疗还没做完，这两天疼得一夜没睡，止痛药只管一会儿', 'urgent'],
    ['RF77: a blistering rash only on one side', '55岁，胸口右边先是刺痛，今天起了一片带小水泡的红疹子，只在右边', 'urgent'],
    ['RF55: a child with painful weeing', '女儿6岁，今天一直说尿尿疼', 'urgent'],
    ['RF75: a picked spot turning red, hot and swollen', '脸上一个痘被抠破了，现在周围又红又肿，摸着发烫', 'urgent'],
    ['tension headache after late nights is self-care', '27岁，这几天加班，今天头两侧发紧，吃了片布洛芬好多了，不发烧不吐', 'self_care'],
    ['a brief blackout on standing up is self-care', '刚才蹲久了一站起来眼前一黑，扶着桌子几秒钟就好了，现在没事', 'self_care'],
    ['chickenpox in a child with itchy spots and a low fever is self-care', '儿子5岁，出水痘第二天，身上一片片小疙瘩和水泡，很痒，低烧37.9，精神挺好', 'self_care'],
    ['a treated hypo with a racing heart is self-care', '2型糖尿病，刚才心慌手抖出汗，测血糖3.4，喝了果汁十分钟后复测6.1，现在正常了', 'self_care'],
    ['toothache that painkillers keep down, only a day', '昨天开始牙疼得厉害，吃了布洛芬就好多了，脸不肿不发烧', 'self_care'],
    ['acne with pitted scars after months of treatment is for a GP', '20岁，脸上痘痘又红又硬，留下好多痘坑，药店的药膏用了三个月没什么效果', 'routine'],
    ['conjunctivitis not better after a week is for a GP', '红眼病九天了，眼药水点了一周，还是有眼屎，不疼不怕光', 'routine'],
    ['constipation not helped by laxatives for months is for a GP', '我妈70岁，便秘好几个月了，吃乳果糖也不太管用，没有便血', 'routine'],
    ['sinus pain not better after a week of home care is for a GP', '鼻窦那里胀痛，黄鼻涕，快两周了，洗鼻子吃止痛药一周都没见好', 'routine']
  ])('%s', (_name, text, level) => {
    expect(rulesUrgency(text)).toBe(level)
  })

  it.each([
    ['a stubborn toothache that painkillers do not touch stays urgent', '牙疼两天了，疼得厉害，吃了止痛药也不管用', 'urgent'],
    ['a near-faint without standing up is not self-care', '坐着看电视突然眼前一黑，过了几秒才好', 'routine'],
    ['hypos every other day are for the diabetes team', '打胰岛素，最近隔一天就低血糖一次，心慌出汗，吃点东西就好', 'routine'],
    ['several hypos a week are for the diabetes team', '打胰岛素，这个星期夜里低血糖了三次，心慌出汗，喝糖水就好', 'routine'],
    ['a squeezed spot turning red, hot and swollen is urgent', '昨天挤了下巴上的脓包，现在一片又红又肿，摸着烫', 'urgent'],
    ['"no big hard lumps of that kind" is mild acne', '额头几个小痘，不疼，也没有这种硬的大包', 'self_care'],
    ['mild acne stays self-care', '16岁，额头上几个小痘痘，不疼，没有留印子', 'self_care'],
    ['conjunctivitis for a few days stays self-care', '红眼病三天了，有点眼屎，不疼不怕光，看东西清楚', 'self_care']
  ])('%s', (_name, text, level) => {
    expect(rulesUrgency(text)).toBe(level)
  })
})
