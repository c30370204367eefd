import { describe, expect, it } from 'vitest'
import { currentConcepts, rulesUrgency } from '../helpers/read-findings.ts'

// Phrasing families the lexicon missed (patient-written development sets 4, 5 and 8): each names the
// general form it stands for; the sentences are ours.

describe('phrasings from development sets 4, 5, 8: findings', () => {
  it.each([
    ['RF53 en: urine compared with a red drink', 'when I weed last night it looked like diluted cranberry juice', 'haematuria'],
    ['RF53 en: a pinkish-coloured wee', 'he has had pinkish coloured wee twice today', 'haematuria'],
    ['RF53 zh: 洗肉水样', '小便的颜色跟洗肉水差不多', 'haematuria'],
    ['RF53 zh: a red colour before 尿', '早上解了一次粉红色的小便', 'haematuria'],
    ['RF31 en: black stools a few words on', 'his stools have gone completely black since Monday', 'melaena'],
    ['RF31 zh: 黑得', '这几天解的大便乌黑乌黑的', 'melaena'],
    ['RF17 en: a heart beating fast with intensifiers', 'my heart was going really really fast', 'palpitations'],
    ['RF17 zh: 咚咚 before 跳', '坐着坐着心里咚咚直跳', 'palpitations'],
    ['RF17 zh: 跳得飞快', '心脏一下子跳得特别快', 'palpitations'],
    ['RF18 en: nearly falling down', 'I went dizzy and nearly fell down on the stairs', 'near_faint'],
    ['RF18 en: the world going dark', 'for a moment everything went dark', 'near_faint'],
    ['RF18 zh: 眼前一黑', '站起来眼前一黑', 'near_faint'],
    ['RF46 en: streaks of red in a nappy', 'her nappy had little flecks of red in it', 'rectal_bleeding'],
    ['RF46 zh: 血丝 in the stool', '宝宝的粑粑上面有几根血丝', 'rectal_bleeding'],
    ['RF22 zh: red threads in phlegm', '早上吐的痰里面有红丝', 'haemoptysis'],
    ['RF15 en: too sore to brush the hair', 'her scalp is too sore to brush her hair', 'temporal_arteritis_features'],
    ['RF15 en: chewing makes the jaw ache', 'chewing a sandwich makes my jaw ache', 'temporal_arteritis_features'],
    ['RF15 zh: 梳头疼', '这几天梳头都疼', 'temporal_arteritis_features'],
    ['RF15 zh: chewing hurts the jaw', '嚼几口肉下巴就酸痛', 'temporal_arteritis_features'],
    ['headache zh: one side of the head', '他头左边疼了三天', 'headache'],
    ['RF67 en: teeth sunk into a hand', 'the hamster sank its teeth into my finger', 'animal_bite'],
    ['RF67 en: a child bit a hand', 'my nephew bit my hand hard', 'animal_bite'],
    ['RF67 en: teeth through the skin', 'the teeth went through and it bled', 'skin_broken'],
    ['RF74 en: a tooth that is killing', 'this back tooth is absolute agony', 'toothache'],
    ['RF74 en: painkillers doing nothing', 'the paracetamol I took does nothing at all', 'painkillers_not_helping'],
    ['RF74 zh: 一点用都没有', '牙疼，吃了止痛片一点效果都没有', 'painkillers_not_helping'],
    ['RF34 en: nothing stays down', 'even water is not staying down', 'cannot_keep_fluids'],
    ['RF34 en: everything comes back up', 'whatever she drinks comes straight back up', 'cannot_keep_fluids'],
    ['RF44 zh: feeding water and milk both vomited', '孩子喝水喝奶都吐', 'cannot_keep_fluids'],
    ['RF44 en: a singular dry nappy', 'her nappy has stayed dry all afternoon', 'no_urine'],
    ['RF55 en: stings when he pees', 'he says it stings when he pees', 'dysuria'],
    ['RF55 zh: 刀割一样', '小便像刀割一样', 'dysuria'],
    ['RF54 zh: burning after passing urine', '尿完以后火辣辣的', 'dysuria'],
    ['RF91 zh: people in the wall', '他说天花板里有人在议论他', 'psychosis_features'],
    ['RF91 zh: a camera in the television', '非说电视里装了摄像头在拍他', 'psychosis_features'],
    ['RF21 zh: stopping to rest after a few steps', '现在走几十米就得停下来歇', 'breathless'],
    ['RF77 en: a strip of blisters', 'a strip of blisters across his ribs', 'shingles_pattern'],
    ['RF77 zh: blisters on one side of the face', '脸的左侧长了好多水疱', 'shingles_pattern'],
    ['RF65 zh: pus in a wound', '伤口里冒出了脓', 'wound_infection'],
    ['RF50 en: found with a pill box, words between', 'found him asleep on the landing with the pill organiser', 'poison_ingestion']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })

  it('a toothache that kept the patient awake is not denied by the 没 that follows (zh)', () => {
    expect(currentConcepts('牙疼得一晚上都没睡着')).toContain('toothache')
  })
})

describe('phrasings from development sets 4, 5, 8: urgency', () => {
  it.each([
    ['RF53 en', 'I am 60 and my wee this morning looked like rose wine', 'urgent'],
    ['RF53 zh', '我六十岁，今天小便像洗肉水一样', 'urgent'],
    ['RF31 en', 'my stools have been tar black for two days', 'urgent'],
    ['RF46 zh', '孩子两岁，大便里有血丝', 'urgent'],
    ['RF15 en', 'new headache for a week, my scalp is too sore to comb my hair', 'urgent'],
    ['RF67 en', 'my neighbour\'s dog sank its teeth into my arm and there are two puncture marks', 'urgent'],
    ['RF74 zh', '牙疼得一宿都没睡，止痛药一点用都没有', 'urgent'],
    ['RF44 en', 'my son is 18 months, his nappy has been dry since breakfast', 'urgent'],
    ['RF55 en', 'my 6 year old says it stings when she wees', 'urgent']
  ])('%s: %s', (_row, text, urgency) => {
    expect(rulesUrgency(text)).toBe(urgency)
  })

  it('a dry nappy question with a wet nappy stays out of the dehydration rule', () => {
    expect(currentConcepts('her nappies are wet and she is feeding well')).not.toContain('no_urine')
  })
})
