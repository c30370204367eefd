import { describe, expect, it } from 'vitest'
import { createFindingExtractor } from '../../../src/clinical-findings/extract-findings.ts'
import { assessTriage, nextTriageQuestion } from '../../../src/flows/triage/assess-findings.ts'
import { decideUrgency } from '../../../src/flows/triage/decide-urgency.ts'
import { SELF_CARE_PRESENTATIONS, TRIAGE_RULES } from '../../../src/flows/triage/rules/triage-rules.ts'
import { TRIAGE_QUESTIONS } from '../../../src/flows/triage/rules/triage-questions.ts'
import { FINDING_CONCEPTS } from '../../../src/clinical-findings/lexicon/finding-concepts.ts'

const extractor = createFindingExtractor()
const assess = (text: string, locale = 'en', answers = {}) => assessTriage(extractor, { texts: [text], answers, locale })

describe('triage over sets of findings', () => {
  it.each([
    ['an emergency told only as a combination (infection, confusion, shivering, no urine)', 'Mum has had a chest infection all week. Today she is muddled, shivering and has not passed urine since yesterday'],
    ['chest pain with sweating, in ordinary words', 'dad keeps rubbing his chest, says it is more a pressure than a pain, and he is clammy'],
    ['a baby under 3 months with 38 °C', 'my 7 week old feels hot, the thermometer says 38.2'],
    ['low oxygen given as a number', 'coughing for a week and my oximeter now says 91'],
    ['zh: 孕晚期胎动减少', '孕34周，今天一整天只动了一两下'],
    ['zh: 糖尿病呕吐腹痛', '我有糖尿病，今天一直吐，肚子疼']
  ])('emergency: %s', (_case, text) => {
    expect(assess(text, /[\u4e00-\u9fff]/u.test(text) ? 'zh-CN' : 'en').urgency).toBe('emergency')
  })

  it('"sudden" counts only for its own symptom', () => {
    expect(assess('suddenly remembered I have a dentist appointment; a mild headache since lunch').urgency).not.toBe('emergency')
    expect(assess('a sudden, severe headache, worst I have ever had').urgency).toBe('emergency')
  })

  it('grades breathlessness: at rest it is an emergency, a little with a cold is not', () => {
    expect(assess("I'm gasping, can't finish a sentence").urgency).toBe('emergency')
    expect(assess('a bit breathless going upstairs with this cold, talking fine').urgency).toBe('urgent')
  })

  it('fever is graded by age band', () => {
    expect(assess('my 8 week old has a temperature of 38.1').urgency).toBe('emergency')
    expect(assess('my 4 month old has a temperature of 39.2, still smiling').urgency).toBe('urgent')
    expect(assess('my 3 year old has a temperature of 38.2, playing and drinking fine').urgency).toBe('self_care')
  })

  it('self-care is a positive pathway with duration as a modifier', () => {
    expect(assess('sore throat since yesterday, no fever, eating fine').urgency).toBe('self_care')
    expect(assess('sore throat for three weeks now, no fever').urgency).toBe('routine')
    expect(assess('嗓子疼两天了，不发烧', 'zh-CN').urgency).toBe('self_care')
    expect(assess('cough for 2 days and getting worse despite honey and lemon').urgency).toBe('routine')
  })

  it('self-care stops where home care has failed, the problem keeps coming back or stops daily life', () => {
    expect(assess('nosebleed this morning, stopped after 10 minutes of pinching, feel fine now').urgency).toBe('self_care')
    expect(assess('nosebleeds 3 times a week for a month now, they stop when I pinch').urgency).toBe('routine')
    expect(assess('这个月流了好几次鼻血，捏一会儿就止住了', 'zh-CN').urgency).toBe('routine')
    expect(assess('conjunctivitis for 10 days, used the drops from the chemist and it has not cleared up').urgency).toBe('routine')
    expect(assess('红眼病十天了，滴了眼药水也没好', 'zh-CN').urgency).toBe('routine')
    expect(assess('lower back pain after gardening, it is stopping me doing my job').urgency).toBe('routine')
    expect(assess('来例假肚子疼，疼得下不了床，要请假', 'zh-CN').urgency).toBe('routine')
  })

  it('a pain score of 7 or more, or pain told as 疼得厉害 after the site, is severe pain', () => {
    expect(assess('tummy has been cramping since lunch, honestly about an 8/10 now').urgency).toBe('urgent')
    expect(assess('肚子疼了一上午，疼得厉害，我给自己打9分', 'zh-CN').urgency).toBe('urgent')
    expect(assess('tummy ache since lunch, maybe a 3 out of 10, had some toast').urgency).toBe('self_care')
    expect(assess('腰疼得动不了，搬箱子闪了一下', 'zh-CN').urgency).not.toBe('self_care')
    expect(assess('跑了7分钟步以后肚子有点疼', 'zh-CN').urgency).toBe('self_care')
  })

  it('age changes the pathway: a fever over 75 is seen the same day, at 40 it is self-care', () => {
    expect(assess('my nan is 82 and has had a temperature since last night, 38.3 this morning').urgency).toBe('urgent')
    expect(assess('我爸78了，昨天开始发烧，38度2', 'zh-CN').urgency).toBe('urgent')
    expect(assess("I'm 40, temperature of 38.3 since last night with a cold, drinking plenty").urgency).toBe('self_care')
  })

  it('suddenly unable to pee is seen the same day', () => {
    expect(assess("haven't been able to pee since this morning even though I'm bursting").urgency).toBe('urgent')
    expect(assess('从早上到现在尿不出来，小肚子胀得难受', 'zh-CN').urgency).toBe('urgent')
  })

  it('"sometimes" and "now and then" make a symptom a pattern to book for, not self-care', () => {
    expect(assess('my heart flutters sometimes when I lie down at night').urgency).toBe('routine')
    expect(assess('my heart fluttered for a minute after three coffees this morning, fine now').urgency).toBe('self_care')
  })

  it('everyday injuries and complaints in everyday words', () => {
    expect(assess('walked into the coffee table, big purple bruise on my shin now, walking fine').urgency).toBe('self_care')
    expect(assess('腿上磕了一块淤青，走路没事', 'zh-CN').urgency).toBe('self_care')
    expect(assess('嗓子有点痛，昨天开始的，不发烧', 'zh-CN').urgency).toBe('self_care')
    expect(assess("our kitten scratched my arm really deep and it's still bleeding a bit").urgency).toBe('urgent')
    expect(assess('擦桌子的时候眼睛溅进了消毒水，现在睁不开', 'zh-CN').urgency).toBe('emergency')
  })

  it('problems a GP should see are not self-care: depression, swollen joints with morning stiffness, smelly discharge, failing memory, what will not go away', () => {
    expect(assess("I've felt flat for ages and lost interest in everything, even football").urgency).toBe('routine')
    expect(assess('最近一个多月什么都不想做，干什么都没意思', 'zh-CN').urgency).toBe('routine')
    expect(assess('both my hands have swollen joints and I am stiff for an hour every morning').urgency).toBe('routine')
    expect(assess('两只手好几个关节都肿，早上起来手指僵硬', 'zh-CN').urgency).toBe('routine')
    expect(assess('jammed my finger at netball, the middle joint is a bit swollen, can bend it').urgency).toBe('self_care')
    expect(assess('白带发黄，有股异味，一个星期了', 'zh-CN').urgency).toBe('routine')
    expect(assess('又痒了，白带像豆腐渣，没有异味，跟上次霉菌性阴道炎一样', 'zh-CN').urgency).not.toBe('urgent')
    expect(assess('我妈最近记性变差了，刚说的话转头就忘', 'zh-CN').urgency).toBe('routine')
    expect(assess("spots on my chin that just won't go away, tried the stuff from boots").urgency).toBe('routine')
    expect(assess('咳嗽两周了，一直不好', 'zh-CN').urgency).toBe('routine')
  })

  it('look-alikes stay where they belong: a hoarse voice from shouting, a negative pregnancy test, a bruise going purple, breathing that is not fast, a sour smell', () => {
    expect(assess('sore throat three days, voice hoarse from singing at a gig, swallowing fine, 37.4').urgency).toBe('self_care')
    expect(assess('period cramps again, did a pregnancy test to be safe and it was negative, ibuprofen helps').urgency).toBe('self_care')
    expect(assess('孩子3岁，感冒第四天，晚上咳得多，喘气不快，嘴唇红红的，吃喝都好', 'zh-CN').urgency).toBe('self_care')
    expect(assess('宝宝1岁半拉肚子两天，有点酸臭味，没有血，精神好，尿也正常', 'zh-CN').urgency).toBe('self_care')
    expect(assess('脚崴了，肿了，颜色发紫，能走路，脚趾不麻', 'zh-CN').urgency).not.toBe('emergency')
  })

  it('a knock on the head with a lump, or a bite with a lump, is one presentation, not two', () => {
    expect(assess('banged my head on the cupboard door an hour ago, small lump, no blackout, not sick, not on blood thinners').urgency).toBe('self_care')
    expect(assess('bitten by something in the garden yesterday, itchy red lump on my calf, no fever').urgency).toBe('self_care')
  })

  it('after a known allergen a changed voice or a throat that feels blocked is an emergency', () => {
    expect(assess('peanut allergy, had satay by mistake 20 minutes ago and now her voice has gone croaky').urgency).toBe('emergency')
  })

  it('bleeding is read as vaginal bleeding only where the message is about pregnancy or periods', () => {
    expect(assess("I'm 9 weeks pregnant and started bleeding this morning").reading.current.map((finding) => finding.concept)).toContain('vaginal_bleeding')
    expect(assess("sliced my thumb on a tin, it's bleeding a bit but stopped with pressure").reading.current.map((finding) => finding.concept)).not.toContain('vaginal_bleeding')
  })

  it('a problem expected to come back stays self-care; age and medicines move it to a GP', () => {
    expect(assess('I get period pains every month, the usual cramps, ibuprofen helps').urgency).toBe('self_care')
    expect(assess('hay fever again like every summer, sneezing and itchy eyes').urgency).toBe('self_care')
    expect(assess("I'm 35, itchy down below with a white discharge for 2 days, I think it's thrush").urgency).toBe('self_care')
    expect(assess("I'm 67, itchy down below with a white discharge for 2 days, I think it's thrush").urgency).toBe('routine')
    expect(assess("nosebleed this morning, stopped after pinching, I'm on warfarin").urgency).toBe('routine')
    expect(assess('nosebleed this morning, stopped after pinching, not on any blood thinners').urgency).toBe('self_care')
    expect(assess('早上流了一次鼻血，捏了十分钟止住了，没吃抗凝药', 'zh-CN').urgency).toBe('self_care')
  })

  it('reads what a relative writes: ages in months, a bite by another child, a reading beside a past warning', () => {
    expect(assess('My daughter is 5 months. She felt really hot, 39.2 on the ear thermometer, still feeding').urgency).toBe('urgent')
    expect(assess('儿子5岁，在幼儿园跟小朋友抢玩具被咬了手背，破皮出了一点血', 'zh-CN').urgency).toBe('urgent')
    expect(assess('肾移植三年了，一直吃抗排异药。今天发冷，量了38.4。以前医生交代过发烧要注意', 'zh-CN').urgency).toBe('urgent')
  })

  it('does not re-ask what the message already said', () => {
    const text = '儿子4岁，昨晚开始发烧，今天早上38.7，现在在搭乐高。喝水尿尿都正常，流点鼻涕'
    const evidence = { texts: [text], answers: {}, locale: 'zh-CN' }
    const question = nextTriageQuestion(extractor, evidence, assessTriage(extractor, evidence))
    expect(question?.id).not.toBe('child_drinking_wetting')
    const asked = nextTriageQuestion(extractor, { ...evidence, texts: ['儿子4岁，昨晚开始发烧，今天早上38.7，流点鼻涕'] }, assessTriage(extractor, { ...evidence, texts: ['儿子4岁，昨晚开始发烧，今天早上38.7，流点鼻涕'] }))
    expect(asked?.id).toBe('child_drinking_wetting')
  })

  it('noisy breathing only when upset is urgent, at rest an emergency', () => {
    expect(assess('my 3 year old has croup, a whistly noise when he breathes in when he coughs and gets upset, it goes when I cuddle him').urgency).toBe('urgent')
    expect(assess('my 3 year old has croup, a whistly noise when he breathes in even sitting quietly').urgency).toBe('emergency')
  })

  it('an injury a few days ago is the complaint now, not history', () => {
    expect(assess('twisted my ankle a week ago, iced it and rested, now it is more swollen than 2 days ago').urgency).toBe('urgent')
    expect(assess('一周前崴了脚，冰敷休息了一周，现在反而越来越肿', 'zh-CN').urgency).toBe('urgent')
  })

  it('red urine after beetroot or dragon fruit is not blood in the urine by the rules (RF53); without it, it is', () => {
    const byRules = (text: string) => decideUrgency(extractor.read(text), TRIAGE_RULES, SELF_CARE_PRESENTATIONS).fired
    expect(byRules('ate beetroot last night and my pee is pink this morning, no pain')).not.toContain('blood_in_urine')
    expect(byRules('吃了红心火龙果，尿是红的，不疼')).not.toContain('blood_in_urine')
    expect(byRules('my pee is pink this morning, no pain')).toContain('blood_in_urine')
    expect(byRules('没吃过甜菜，尿是红的')).toContain('blood_in_urine')
  })

  it('a past diagnosis mentioned in passing is not today\'s emergency', () => {
    expect(assess('I had a stroke 5 years ago, now I have a sore throat for 2 days').urgency).toBe('self_care')
    expect(assess('以前得过心梗，这两天嗓子疼', 'zh-CN').urgency).not.toBe('emergency')
  })

  it('routes to a department, with children to paediatrics and pregnancy to obstetrics', () => {
    expect(assess('itchy red rash on my arms for a week').department).toBe('dermatology')
    expect(assess('my 2 year old has diarrhoea and vomiting since last night').department).toBe('pediatrics')
    expect(assess('I am 20 weeks pregnant with a burning when I pee').department).toBe('obstetrics_gynecology')
  })
})

describe('questions that earn their place', () => {
  it('asks only what could change the outcome, never what the message already said', () => {
    const evidence = { texts: ['chest pain on and off since yesterday'], answers: {}, locale: 'en' }
    const question = nextTriageQuestion(extractor, evidence, assessTriage(extractor, evidence))
    expect(question?.id).toBe('chest_sweating')
    const told = { texts: ['chest pain on and off since yesterday, I am sweating and feel sick'], answers: {}, locale: 'en' }
    expect(nextTriageQuestion(extractor, told, assessTriage(extractor, told))).toBeNull()
  })

  it('"not sure" adds nothing: the decision rests on what was said; "yes" changes it', () => {
    const text = 'chest pain on and off since yesterday'
    expect(assess(text, 'en', { chest_sweating: 'unknown', chest_breathless: 'unknown' }).urgency).toBe('urgent')
    expect(assess(text, 'en', { chest_sweating: 'yes' }).urgency).toBe('emergency')
  })
})

describe('rule data', () => {
  const concepts = new Set(FINDING_CONCEPTS.map((concept) => concept.id))
  it('every rule names known concepts and carries its provenance', () => {
    for (const rule of TRIAGE_RULES) {
      expect(rule.source.length, rule.id).toBeGreaterThan(3)
      for (const concept of [...(rule.all ?? []), ...(rule.any ?? []).flat(), ...(rule.none ?? [])]) expect(concepts.has(concept), `${rule.id}: ${concept}`).toBe(true)
    }
    for (const entry of SELF_CARE_PRESENTATIONS) expect(concepts.has(entry.concept), entry.concept).toBe(true)
    for (const question of TRIAGE_QUESTIONS) for (const concept of [...question.about, ...question.adds]) expect(concepts.has(concept), `${question.id}: ${concept}`).toBe(true)
  })

  it('rule ids are unique', () => {
    expect(new Set(TRIAGE_RULES.map((rule) => rule.id)).size).toBe(TRIAGE_RULES.length)
  })
})
