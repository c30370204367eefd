import { describe, expect, it } from 'vitest'
import { currentConcepts, extractor, rulesUrgency } from '../helpers/read-findings.ts'
import { extractAge } from '../../src/flows/understanding/extract-age.ts'

// Chinese phrasing families the lexicon missed (patient-written development sets 16-19): each names
// the general form it stands for; the sentences are ours.

describe('phrasings from development sets 16-19 (zh): findings', () => {
  it.each([
    ['RF56: pain sent down to the groin', '右边后腰疼，一直往腹股沟那边窜', 'renal_colic_features'],
    ['RF56: loin pain that twists in waves', '左边腰眼一阵阵地拧着疼', 'renal_colic_features'],
    ['RF55: peeing burns', '这几天小便烧得慌', 'dysuria'],
    ['RF55: always wanting to go', '今天老是想尿尿', 'dysuria'],
    ['RF55: stinging when going', '解手的时候刺痛', 'dysuria'],
    ['RF22: blood in the phlegm after a comma', '早上吐了口痰，里面带着血丝', 'haemoptysis'],
    ['RF74: pain that kept the patient awake', '昨晚疼得一会儿都没睡着', 'night_pain'],
    ['RF74: painkillers a clause before "no use"', '吃了两次芬必得，漱口水也用了，根本没用', 'painkillers_not_helping'],
    ['RF62: 崴了 at the end of a clause', '下楼梯一脚踩空崴了', 'sprain_or_strain'],
    ['RF44: drinking much less milk', '这两天吃奶明显少了', 'poor_feeding'],
    ['RF40: breathing a bit fast', '孩子呼吸有些急', 'breathless'],
    ['rectal bleeding on the paper', '擦完纸上总有点鲜红的血', 'rectal_bleeding'],
    ['period pain that takes days off', '痛经厉害，每个月都得请两天假', 'affects_daily_life'],
    ['work affected', '疼得工作都受影响了', 'affects_daily_life'],
    ['home care without improvement', '休息了三周还是没什么起色', 'worsening'],
    ['headache told as 脑壳', '下午脑壳胀胀地疼', 'headache'],
    ['headache with a manner word', '头一跳一跳地疼', 'headache'],
    ['head knock looking up', '抬头时撞到了柜门', 'head_injury'],
    ['palpitations: the heart thumping', '心脏扑通扑通的', 'palpitations'],
    ['palpitations: a skipped beat', '偶尔觉得漏跳了一下', 'palpitations'],
    ['insomnia: asleep only at one or two', '每天三四点才睡着', 'insomnia'],
    ['hay fever: catkin fluff', '杨絮一来就鼻子痒', 'hay_fever'],
    ['insect bite with words between', '被不知道什么虫子咬了', 'insect_bite']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })

  it.each([
    ['a milk tea given up is no refused drink', '最近不喝奶茶了', 'cannot_keep_fluids'],
    ['"没看见红" is no bleeding in pregnancy', '尿的颜色正常，没看见红', 'vaginal_bleeding'],
    ['sleeping badly is not pain at night', '晚上没睡好，有点困', 'night_pain'],
    ['breathing normally is not breathless', '呼吸不快，很平稳', 'breathless'],
    ['"头两天" is the first two days, not a headache', '来例假头两天肚子疼', 'headache'],
    ['a leave for a trip is no effect on daily life', '下个月请假去旅游', 'affects_daily_life'],
    ['a job that allows no leave is no effect of the illness', '单位请不了假，想吃点药', 'affects_daily_life']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).not.toContain(concept)
  })
})

describe('phrasings from development sets 16-19 (zh): patient and urgency', () => {
  it('reads an age in months and a half ("4个半月")', () => {
    expect(extractAge('宝宝4个半月，今天打了疫苗')?.months).toBe(4)
    expect(extractAge('闺女五个半月，发烧了')?.months).toBe(5)
    expect(extractor.read('宝宝4个半月，今天打了疫苗').patient.durationHours).toBeUndefined()
  })
  it('reads the sex of a spouse named 老伴 from the pronoun used', () => {
    expect(extractor.read('我老伴70岁，他这两天尿痛').patient.sex).toBe('male')
    expect(extractor.read('我老伴70岁，她这两天尿痛').patient.sex).toBe('female')
    expect(extractor.read('我老伴70岁，其他都好，就是尿痛').patient.sex).toBeUndefined()
  })
  it.each([
    ['RF56: colicky loin pain to the groin', '今天下午左边腰一阵一阵地绞，疼得往大腿根走，没发烧', 'urgent'],
    ['RF55: a man with urine infection symptoms', '我老伴72岁，他这两天小便火辣辣的，总想上厕所，不发烧', 'urgent'],
    ['RF55: pregnant with urine infection symptoms', '怀孕18周，尿尿的时候烧得慌，不发烧', 'urgent'],
    ['RF22: streaks of blood in phlegm', '咳了一个星期，今天咳出一口痰，里面有血丝', 'urgent'],
    ['RF74: toothache keeping awake, painkillers no use', '后槽牙疼得一晚上没睡着，布洛芬吃了，基本没用', 'urgent'],
    ['RF62: sprain worse despite rest', '前天打球崴了，冰敷休息了还是越来越肿', 'urgent'],
    ['RF44: a baby drinking much less', '宝宝3个月，感冒了，今天吃奶明显少了', 'urgent'],
    ['severe period pain affecting work: GP', '来大姨妈疼得厉害，每次都得请假，工作受影响', 'routine'],
    ['back pain not improving after weeks of home care: GP', '腰疼了五周了，吃药贴膏药都没什么起色', 'routine'],
    ['a nosebleed in a child under 2: GP', '孩子1岁半，昨天流了一次鼻血，按一下就止住了', 'routine'],
    ['a nosebleed in an older child: self-care', '孩子6岁，昨天流了一次鼻血，按一下就止住了', 'self_care'],
    ['insomnia three months despite habits: GP', '失眠三个月了，作息调整了也不行', 'routine'],
    ['fever after a baby\'s jabs: self-care', '宝宝4个半月，今天上午打了疫苗，晚上37.8度，吃奶正常', 'self_care'],
    ['a toothache eased by a painkiller: self-care', '昨天开始有颗牙疼，吃了片止疼药就好了，脸不肿', 'self_care'],
    ['a toothache for a week: dentist', '有颗牙疼了一个星期了，脸不肿', 'routine'],
    ['a barking cough without stridor: self-care', '儿子3岁，今晚咳起来像狗叫，安静时呼吸没声音，能吃能喝', 'self_care'],
    ['a barking cough with stridor when crying stays urgent', '儿子3岁，咳起来像狗叫，哭的时候吸气有呼呼声', 'urgent'],
    ['a bump from looking up, no warning signs: self-care', '抬头撞到了柜门，起了个包，头有点隐隐地疼，没吐', 'self_care'],
    ['palpitations after coffee: self-care', '这两天咖啡喝多了，心脏砰砰的，不胸痛不头晕', 'self_care'],
    ['a small amount each time is no recurrence', '女，25岁，没怀孕，今天尿尿刺痛，老想上厕所，每次就几滴', 'self_care'],
    ['a 4½-month-old with 39.2 is RF36', '闺女四个半月，下午发烧39.2，吃奶还行', 'urgent'],
    ['a woman with a simple cystitis: pharmacist', '女，30岁，没怀孕，今天尿尿有点刺痛，老想上厕所，不发烧腰不疼', 'self_care'],
    ['hay fever with the catkins: pharmacist', '每年柳絮一飘就打喷嚏流清鼻涕，不喘', 'self_care']
  ])('%s', (_name, text, urgency) => {
    expect(rulesUrgency(text)).toBe(urgency)
  })
})
