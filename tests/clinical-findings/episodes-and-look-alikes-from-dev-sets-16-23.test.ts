import { describe, expect, it } from 'vitest'
import { extractor, guardCheck, triageUrgency as triage } from '../helpers/read-findings.ts'

const guardVerdict = (text: string) => guardCheck(text).verdict

describe('an episode that ended, told in the sentences after it', () => {
  it('palpitations with near-fainting that have stopped are urgent (RF18); still going, an emergency (RF17)', () => {
    expect(triage('At the bus stop my heart started pounding and I was sure I would pass out. It lasted maybe 5 minutes. It has completely settled now.')).toBe('urgent')
    expect(triage('刚才排队的时候心跳突然特别快，眼前发黑差点倒下。大概持续了五分钟。现在好了，跟平常一样', 'zh-CN')).toBe('urgent')
    expect(triage('my heart was racing and I nearly fainted. It lasted 10 minutes maybe. It is still going now and I feel awful')).toBe('emergency')
  })

  it('an asthma attack with a tight chest that settled with the reliever is urgent (RF20), not an emergency', () => {
    const settled = 'Had an asthma attack during football, my chest went tight and I could not get my breath. Used my blue inhaler, and it settled after a few minutes. Breathing fine now'
    expect(guardVerdict(settled)).not.toBe('emergency')
    expect(triage(settled)).toBe('urgent')
  })

  it('panic attacks that each pass on their own are not an emergency', () => {
    expect(guardVerdict('I keep getting panic attacks where I can\'t catch my breath and my hands tingle. Each one passes in about 10 minutes.')).not.toBe('emergency')
  })
})

describe('look-alikes of chest pain, cyanosis and overdose', () => {
  it('a burning chest after meals eased by antacids is heartburn; with sweating and arm pain it is an emergency', () => {
    expect(guardVerdict('burning in my chest after dinner most evenings, acid in my throat, gaviscon sorts it out')).not.toBe('emergency')
    expect(guardVerdict('burning in my chest after dinner, now sweating and the pain is going down my left arm')).toBe('emergency')
  })

  it('a mood or vision that went grey is not blue lips; lips that went grey are', () => {
    expect(extractor.read('since the winter everything has gone grey for me, I cannot enjoy anything').current.map((finding) => finding.concept)).not.toContain('cyanosis')
    expect(guardVerdict('his lips have gone grey and he is struggling to breathe')).toBe('emergency')
  })

  it('courses of antibiotics are not an overdose; many tablets at once are', () => {
    expect(guardVerdict('she has had 5 courses of antibiotics for tonsillitis this year, can she be referred')).not.toBe('emergency')
    expect(guardVerdict('my son took 12 paracetamol tablets an hour ago')).toBe('emergency')
  })

  it('checking whether a sleeping baby is still breathing is a worry, not a baby who is not breathing', () => {
    expect(guardVerdict('半夜总要起来看看宝宝有没有呼吸，自己睡不好，白天很焦虑')).not.toBe('emergency')
    expect(guardVerdict('宝宝没有呼吸了，怎么叫都没反应')).toBe('emergency')
  })
})

describe('red flags told in other words (sets 20-23 development parts)', () => {
  it('a baby not felt since the morning in later pregnancy is an emergency (RF84), in both languages', () => {
    expect(triage('36 weeks with our first, my wife says she has not really felt the baby since this morning')).toBe('emergency')
    expect(triage('怀孕35周，今天一整天没怎么感觉到宝宝动，以前下午动得最多', 'zh-CN')).toBe('emergency')
  })

  it('aching under the right ribs with a headache late in pregnancy is an emergency (RF85)', () => {
    expect(triage('33 weeks pregnant, aching high up on the right under my ribs since lunch and a headache')).toBe('emergency')
  })

  it('a known ureteric stone with fever and shivering is an emergency (RF57); cramps with diarrhoea are not renal colic', () => {
    expect(triage('the scan last week showed a 4mm stone in my left ureter, now I am 38.7 and shivering')).toBe('emergency')
    expect(triage('吃坏了肚子，拉肚子一天六七次，肚子一阵阵绞痛，37.8度，能喝水', 'zh-CN')).not.toBe('emergency')
    expect(triage('腰眼一阵一阵地绞痛，往大腿根窜，发烧38.5', 'zh-CN')).toBe('emergency')
  })

  it('blood in what was vomited and a limb that is no longer straight are emergencies (RF29, RF61)', () => {
    expect(triage('吐了好几次，吐出来的东西里带着血，胃里烧得慌', 'zh-CN')).toBe('emergency')
    expect(triage('踢球被铲了一下，右小腿明显歪了，不是直的，脚动不了', 'zh-CN')).toBe('emergency')
  })
})

describe('toothache at home only while it is just pain (sources.md toothache)', () => {
  it('a toothache since yesterday is self-care; swollen or bleeding gums, an abscess, a broken tooth or pain that spoils sleep are for a dentist', () => {
    expect(triage('toothache on the left when I eat sweets, started yesterday')).toBe('self_care')
    expect(triage('my gums bleed every time I brush')).toBe('routine')
    expect(triage('智齿发炎了，牙龈肿着，张嘴还行', 'zh-CN')).not.toBe('self_care')
    expect(triage('bit into a toffee and snapped my back tooth, it aches a bit')).not.toBe('self_care')
    expect(triage('牙疼两天了，晚上疼得睡不好', 'zh-CN')).not.toBe('self_care')
  })
})

describe('red flags and look-alikes from the dev parts of sets 24-27', () => {
  it('a bottle of sleeping tablets taken, told calmly in Chinese, is an overdose (RF89); tablets taken as the packet says are not', () => {
    expect(guardVerdict('不好意思打扰，刚才把一整瓶安眠药都吃了，大概三十片，现在有点晕')).toBe('emergency')
    expect(triage('toothache for 3 days, I have taken ibuprofen as the packet says and it helps a bit')).not.toBe('emergency')
  })

  it('a numb bottom and straining to start a wee with back pain is cauda equina (RF59)', () => {
    expect(triage('my back went yesterday lifting a sofa, now my bottom and between my legs feel numb and I have to strain to start a wee')).toBe('emergency')
  })

  it('blood ketones read from a meter in Chinese (RF87), and a baby who has hardly moved since last night (RF84)', () => {
    expect(extractor.read('血酮仪测了是3.6，喘得很急').patient.ketonesMmol).toBe(3.6)
    expect(triage('孕37周，宝宝从昨天晚上到现在好像没怎么动，平时晚上动得很欢', 'zh-CN')).toBe('emergency')
  })

  it('"20 minutes ago" is when, not how long: another short fit, come round, stays urgent (RF48)', () => {
    expect(extractor.read('about 20 minutes ago she had another one, shaking for about a minute').patient.minutes).toBeUndefined()
    expect(triage('Our son (3) had his first febrile fit yesterday and was checked in hospital. 20 minutes ago he had another one, about a minute, and he has come round and is chatting')).toBe('urgent')
  })

  it('puffy eyelids after a course of antibiotics are not anaphylaxis; a swollen mouth soon after a tablet with breathing trouble is', () => {
    expect(guardVerdict('孩子9岁，前两周吃了几天阿莫西林，今天尿是淡红色的，眼皮有点肿')).not.toBe('emergency')
    expect(guardVerdict('吃了头孢以后没多久嘴唇就肿了，喘不上气')).toBe('emergency')
  })

  it('Chinese denials through 没发现 and 不是那种 deny what follows', () => {
    expect(guardVerdict('孩子晚上打呼噜挺响，没发现憋气，想问扁桃体要不要切')).not.toBe('emergency')
    expect(triage('肚子右下边疼，走路颠着疼，不是那种疼得打滚的疼，37.6度', 'zh-CN')).not.toBe('emergency')
  })

  it('a runny nose pouring is not bleeding; clock times in brackets are read; "hasn\'t weed much" is not no urine', () => {
    expect(guardVerdict('感冒三天，鼻涕哗哗流，打喷嚏')).not.toBe('emergency')
    expect(extractor.read('孩子从早上八点到现在（下午六点）尿不湿一直是干的').patient.hoursWithoutUrine).toBe(10)
    expect(extractor.read('vomiting since yesterday, haven\'t weed much today').current.map((finding) => finding.concept)).not.toContain('no_urine')
  })
})
