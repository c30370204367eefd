import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'
import { phraseKeys, startConversation } from '../helpers/conversation-client.ts'

// Patients' stories through the public API: what the patient is told, not what a module returns.
describe('understanding real patients through the turn', () => {
  let testApp: TestApp
  beforeAll(async () => { testApp = await buildTestApp('triage-understanding') })
  afterAll(async () => { await testApp.close() })
  const start = (locale: string) => startConversation(testApp.app, { locale })

  it('an emergency told as a combination of ordinary words gets the emergency reply and a priority handoff', async () => {
    const turn = await (await start('en')).say('My mum (80) has had a chest infection this week. Today she is muddled, shivering and has not passed urine since yesterday. She says not to fuss')
    expect(turn.triage.urgency).toBe('emergency')
    expect(phraseKeys(turn)).toContain('safety.emergency')
    expect(turn.handoff.priority).toBe('emergency')
  })

  it('negated red flags and a past diagnosis do not raise an alarm', async () => {
    const english = await (await start('en')).say('I had a heart attack five years ago and I am fine on my tablets. Since yesterday a sore throat, no fever, no chest pain, breathing fine. What can I do at home?')
    expect(english.triage.urgency).toBe('self_care')
    expect(english.handoff).toBeUndefined()
    const chinese = await (await start('zh-CN')).say('嗓子疼两天了，没有发烧也不咳，胸口不闷，吃喝都正常，在家怎么护理？')
    expect(chinese.triage.urgency).toBe('self_care')
    expect(phraseKeys(chinese)).toContain('triage.urgency.self_care')
  })

  it('a story that mentions a bill or insurance words still reaches triage, never billing text', async () => {
    const turn = await (await start('en')).say('the bill can wait, my son (4) has had a barking cough for two days and now a squeaky noise when he breathes in, even sitting still')
    expect(turn.triage).toBeDefined()
    expect(phraseKeys(turn).some((key) => /^(billing|insurance|info)\./u.test(key))).toBe(false)
  })

  it('a story in words no concept names still reaches triage, never a booking, a reminder or "I can\'t help"', async () => {
    for (const [locale, text] of [
      ['en', 'Dropped a glass doing the dishes and it went into the fleshy bit under my thumb. The tea towel is soaked through and I feel a bit wobbly'],
      ['en', 'back tooth has been killing me for 3 nights, slept about 2 hours, max ibuprofen does nothing. what do I do, can I see a dentist'],
      ['zh-CN', '开饭盒的时候被蒸汽熏了一下小臂，红了一块火辣辣的，没起泡，要紧吗'],
      ['zh-CN', '女儿早上枕头上有血点子，鼻子还在滴，捏了十分钟停了，不吃什么药'],
      ['zh-CN', '俺爹后背起了一溜小水泡，疼得睡不着，邻居说找人用墨画一画就好，咋办']
    ] as const) {
      const turn = await (await start(locale)).say(text)
      expect(turn.triage, text).toBeDefined()
      expect(phraseKeys(turn).some((key) => /^(appointment|medication|billing|insurance|info)\.|cannot_handle/u.test(key)), text).toBe(false)
    }
  })

  it('a clinic question with no story stays a clinic question', async () => {
    const turn = await (await start('en')).say('What are your opening hours on Sunday?')
    expect(turn.triage).toBeUndefined()
  })

  it('a medical question with no symptoms is not answered from unrelated text: the vetted "I can\'t answer that here" with the department', async () => {
    const turn = await (await start('zh-CN')).say('我是乳腺炎，还能继续喂奶吗？')
    expect(phraseKeys(turn)).toContain('triage.abstain.medical_question')
    expect(turn.triage.department).not.toBeNull()
    expect(turn.messages[0].disclaimer).toBeTruthy()
  })

  it('asks a question only when the answer could change the outcome, and "not sure" keeps what was said', async () => {
    const conversation = await start('en')
    const first = await conversation.say('chest pain on and off since yesterday')
    expect(first.messages.at(-1).kind).toBe('question')
    expect(first.triage).toBeUndefined()
    const second = await conversation.say("I'm not sure, I've told you everything I know")
    const decided = second.triage ?? (await conversation.say("I'm not sure, I've told you everything I know")).triage
    expect(decided.urgency).toBe('urgent')
  })

  it('a "yes" to the red-flag question raises the answer to emergency', async () => {
    const conversation = await start('en')
    await conversation.say('chest pain on and off since yesterday')
    const answered = await conversation.say('yes, sweating and it goes down my arm')
    expect(answered.triage.urgency).toBe('emergency')
  })

  it('a request to diagnose inside a story is refused and the story is still triaged', async () => {
    const turn = await (await start('en')).say('is it appendicitis? pain started round my belly button and has moved to the lower right, worse when I walk, temp 37.9')
    const keys = phraseKeys(turn)
    expect(keys[0]).toBe('safety.refuse.diagnosis')
    const triaged = turn.triage?.urgency === 'urgent' || keys.some((key: string) => key.startsWith('triage.question.'))
    expect(triaged).toBe(true)
  })

  it('the guard reads findings on every turn, even in the middle of booking', async () => {
    const conversation = await start('en')
    await conversation.say('I would like to book an appointment')
    const turn = await conversation.say('actually my husband suddenly cannot lift his right arm and his words are slurred')
    expect(turn.triage.urgency).toBe('emergency')
  })

  it('a story that asks to speak to someone is triaged and handed to a person; a bare request for a person is only handed off', async () => {
    const story = await (await start('en')).say('Type 1 on a pump. Since I started running in the mornings I go low three or four times a week, lowest 2.8, always back up after jelly babies. Should I speak to someone or keep adjusting it myself?')
    expect(story.triage).toBeDefined()
    expect(phraseKeys(story)).toContain('handoff.requested')
    expect(story.handoff).toBeDefined()
    const chinese = await (await start('zh-CN')).say('生完孩子两个月，这几周经常一阵心慌手抖、喘不过来气，每次十来分钟自己就好了，一周好几次。能不能转人工，找个医生跟我聊聊')
    expect(chinese.triage).toBeDefined()
    expect(chinese.handoff).toBeDefined()
    const bare = await (await start('en')).say('can I speak to a real person please')
    expect(bare.triage).toBeUndefined()
    expect(phraseKeys(bare)).toContain('handoff.requested')
  })

  it('"do I need to do anything now?" after an asthma attack is a question, not a jailbreak: the story is triaged', async () => {
    const turn = await (await start('en')).say('Had an asthma attack on the bus, chest went tight, took 4 puffs of my blue inhaler and it settled in 10 minutes. Do I need to do anything now it has passed?')
    expect(phraseKeys(turn)).not.toContain('safety.injection')
    expect(turn.triage.urgency).toBe('urgent')
  })
})
