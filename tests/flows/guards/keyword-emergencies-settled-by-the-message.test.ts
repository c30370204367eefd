import { describe, expect, it } from 'vitest'
import { extractor, guardCheck as verdict, triageUrgency as triage } from '../../helpers/read-findings.ts'

describe('another short fit in the same illness, fully come round (red_flags.md RF48, not RF47)', () => {
  it('is urgent, not an emergency, in both languages', () => {
    const english = 'My 3 year old had a febrile fit on Sunday and got checked at the hospital. Temp back up tonight and she had another one, maybe a minute long. She has come round now and is asking for her milk'
    const chinese = '女儿两岁半，前天发烧第一次抽，医院看过说是热性惊厥。今天烧又上来了，刚才又抽了一次，半分钟左右，现在醒过来了，认人，在喝水'
    expect(verdict(english).verdict).not.toBe('emergency')
    expect(triage(english)).toBe('urgent')
    expect(verdict(chinese).verdict).not.toBe('emergency')
    expect(triage(chinese, 'zh-CN')).toBe('urgent')
  })

  it('stays an emergency when the fit is long, the child has not come round, or it is the first fit ever', () => {
    expect(verdict('he had another fit with his fever, it has been going on for 6 minutes now, he came round last time').verdict).toBe('emergency')
    expect(verdict('儿子发烧又抽了一次，抽完到现在还没醒过来').verdict).toBe('emergency')
    expect(verdict('my son has just had a fit, the first time ever, he came round after two minutes').verdict).toBe('emergency')
    expect(verdict('she had another seizure and has come round but now she is really drowsy and floppy').verdict).toBe('emergency')
  })
})

describe('a child dry for under 12 hours and still alert (RF44 urgent, not RF43)', () => {
  it('reads the dry hours told as a duration, in both languages', () => {
    expect(extractor.read('no wet nappy for about 9 hours').patient.hoursWithoutUrine).toBe(9)
    expect(extractor.read('he hasnt had a wee in ten hours').patient.hoursWithoutUrine).toBe(10)
    expect(extractor.read('快九个小时没尿了').patient.hoursWithoutUrine).toBe(9)
    expect(extractor.read('九个钟头尿不湿都是干的').patient.hoursWithoutUrine).toBe(9)
    expect(extractor.read('she has been on antibiotics for 9 hours and is weeing fine').patient.hoursWithoutUrine).toBeUndefined()
  })

  it('is urgent, not an emergency, when the child is alert', () => {
    const english = 'my 18 month old has had diarrhoea since yesterday, no wet nappy for 9 hours now, but she is still toddling about and chatting'
    const chinese = '儿子3岁，肠胃炎吐了一天，快十个小时没尿了，嘴巴有点干，人还清醒，能跟我说话'
    expect(verdict(english).verdict).not.toBe('emergency')
    expect(triage(english)).toBe('urgent')
    expect(verdict(chinese).verdict).not.toBe('emergency')
    expect(triage(chinese, 'zh-CN')).toBe('urgent')
  })

  it('stays an emergency at 12 hours, with drowsiness or sunken eyes, or when the hours are not given', () => {
    expect(verdict('my toddler has had no wet nappy for 14 hours after vomiting all night').verdict).toBe('emergency')
    expect(verdict('my baby has had no wet nappy for 9 hours and she is very sleepy and hard to wake').verdict).toBe('emergency')
    expect(verdict('孩子拉肚子，八个小时没尿了，眼窝凹进去了').verdict).toBe('emergency')
    expect(verdict('孩子一天没尿了，一直吐').verdict).toBe('emergency')
  })
})

describe('thoughts of suicide: a danger word in a clause that denies it (RF90, not RF89)', () => {
  it('is without immediate danger when the writer says they will not act, even with "tonight" in that sentence', () => {
    const english = verdict('I keep thinking my family would be better off without me. No plan, and I am not going to do anything tonight, I just need to talk to someone')
    expect(english.verdict).toBe('crisis')
    expect(english.immediateDanger).toBe(false)
    expect(verdict('Everyone would be better off without me, that thought is always there. I do not have a plan and my sister is staying with me tonight').immediateDanger).toBe(false)
    const chinese = verdict('最近总觉得活着没意思，不想活了，没有具体计划，今晚也不会做什么，我老公在家')
    expect(chinese.verdict).toBe('crisis')
    expect(chinese.immediateDanger).toBe(false)
  })

  it('keeps the emergency when a danger sign stands in its own clause', () => {
    expect(verdict('I do not have a plan exactly, but I have saved up my tablets').immediateDanger).toBeUndefined()
    expect(verdict('No plan before. Tonight I am going to end it').immediateDanger).toBeUndefined()
    expect(verdict('没有什么计划，但是药已经攒了一瓶了').immediateDanger).toBeUndefined()
  })
})

describe('a wish not to wake up is thoughts of suicide, not someone who cannot be woken', () => {
  it('goes to the crisis rules', () => {
    const son = verdict('My son (15) told his teacher he sometimes wishes he could go to sleep and not wake up')
    expect(son.verdict).toBe('crisis')
    expect(son.redFlags).not.toContain('emergency.unresponsive')
    expect(verdict('honestly I would rather not wake up tomorrow').redFlags).toEqual(['crisis.suicidal_thoughts'])
  })

  it('a person not waking up is still an emergency', () => {
    expect(verdict('my husband is not waking up, I have been shaking him').verdict).toBe('emergency')
    expect(verdict('she went to sleep after the fall and now she is not waking up properly').verdict).toBe('emergency')
  })
})

describe('suicide risk told by someone else, in the words people use (RF89)', () => {
  it('a farewell note, a worked-out method, saved-up medicines or thanks for the years are a crisis, in both languages', () => {
    expect(verdict('My flatmate left a note on the kitchen table saying goodbye to all of us and that she has worked out how she would do it').verdict).toBe('crisis')
    expect(verdict('我表妹刚发朋友圈说谢谢大家这么多年照顾她，以后帮她照顾好她的狗').verdict).toBe('crisis')
    expect(verdict('室友说他攒了不少药，今晚就吃').verdict).toBe('crisis')
    const photo = verdict('my sister texted me a photo of two empty packets of paracetamol and said thanks for everything')
    expect(photo.verdict).toBe('crisis')
    expect(photo.immediateDanger).toBeUndefined()
  })

  it('thanks or an apology without any means is not a crisis', () => {
    expect(verdict('thanks for everything, my sleeping tablets prescription came through').verdict).not.toBe('crisis')
    expect(verdict('sorry for everything I said on the phone yesterday, can I still book the smear test').verdict).not.toBe('crisis')
  })

  it('a wish not to wake up told as "easier if", with safety stated, is thoughts without immediate danger (RF90)', () => {
    const wish = verdict('sometimes I think it would be easier if I just didn\'t wake up. No plan, I would never act on it')
    expect(wish.verdict).toBe('crisis')
    expect(wish.immediateDanger).toBe(false)
    expect(verdict('He told me tonight on the phone that he\'d rather not wake up. He says he has no plan and would never act on it').immediateDanger).toBe(false)
  })

  it('"I don\'t want to hurt myself" denies self-harm; "I don\'t want to keep hurting myself" does not', () => {
    expect(verdict('I don\'t want to hurt myself, I just feel flat all the time').verdict).not.toBe('crisis')
    expect(verdict('I don\'t want to keep hurting myself but I can\'t stop').verdict).toBe('crisis')
  })
})

describe('a child who may have swallowed medicine or a coin battery (RF50, RF49), even when well', () => {
  it('found with a strip that has empty spaces, or saying they ate the coin, is an emergency', () => {
    expect(verdict('found my 3 year old in the bathroom with grandad\'s amlodipine strip, two of the spaces are empty and I don\'t know if they were before. he seems fine').verdict).toBe('emergency')
    expect(verdict('发现孩子拿着奶奶的降压药在玩，药板上少了两粒，不知道是不是吃了，现在看着挺好').verdict).toBe('emergency')
    expect(verdict('my 2 year old says he ate the coin from the remote, he is playing happily').verdict).toBe('emergency')
  })
})

describe('look-alikes the guards no longer take for an emergency', () => {
  it('a stroke only feared by a relative, with the symptoms gone, is not an emergency', () => {
    expect(verdict('Mum went dizzy for a few seconds when she stood up, she\'s fine now, speaking normally, my sister thought it was a stroke').verdict).not.toBe('emergency')
    expect(verdict('奶奶早上站起来头晕了几秒，现在说话清楚手脚有劲，我还以为是中风了').verdict).not.toBe('emergency')
    expect(verdict('thought it was a stroke at first but now his face has dropped on one side and he can\'t lift his arm').verdict).toBe('emergency')
  })

  it('blood sugar and ketone readings are not blood in vomit; clots with a heavy period are not a rectal bleed; an eyebrow piercing is not an eye injury', () => {
    expect(verdict('拉肚子吐了两次，血糖15，血酮0.8，人清醒').verdict).not.toBe('emergency')
    expect(verdict('吐了两次，吐出来有血').verdict).toBe('emergency')
    expect(verdict('heavy periods for months, flooding and big clots, changing pads every hour on day 2').verdict).not.toBe('emergency')
    expect(verdict('Had my eyebrow pierced on Saturday, it is red and sore now').verdict).not.toBe('emergency')
    expect(verdict('a bit of metal flew into my eye at work and it is pierced, I can see blood in it').verdict).toBe('emergency')
  })
})

describe('a mouthful of washing-up liquid, spat out and well (RF94 urgent, not RF50)', () => {
  it('is urgent in both languages; with vomiting or breathing trouble it is an emergency', () => {
    const chinese = '我爸晚上口渴，把我兑在矿泉水瓶里的洗洁精当水喝了一口，马上吐出来了，现在说嘴里发苦，别的都正常'
    expect(verdict(chinese).verdict).not.toBe('emergency')
    expect(triage(chinese, 'zh-CN')).toBe('urgent')
    expect(triage('my husband took a swig of washing up liquid from a water bottle by mistake, spat most of it out, feels fine')).toBe('urgent')
    expect(verdict('孩子喝了几口洗洁精，现在一直吐，喘气很急').verdict).toBe('emergency')
  })
})
