import { describe, expect, it } from 'vitest'
import { currentConcepts, rulesUrgency } from '../helpers/read-findings.ts'
import { extractAge } from '../../src/flows/understanding/extract-age.ts'
import { extractDuration } from '../../src/flows/understanding/extract-duration.ts'

// Phrasing families the lexicon missed (patient-written development sets 11 and 12): each names the
// general form it stands for; the sentences are ours.

describe('phrasings from development sets 11-12: findings', () => {
  it.each([
    ['vomiting en: sick a number of times', 'she has been up all night and was sick 4 times', 'vomiting'],
    ['RF44 en: bringing up most feeds', 'he keeps bringing up most of his feeds today', 'cannot_keep_fluids'],
    ['RF44 en: brought back up every bottle', 'she brought back up every bottle this afternoon', 'cannot_keep_fluids'],
    ['RF94 en: a sip of garden feed a long way on', 'my dad took a sip out of the old jam jar that turned out to have lawn feed in it', 'swallowed_household_product'],
    ['RF94 en: tomato feed', 'she swallowed some tomato feed from the watering can', 'swallowed_household_product'],
    ['RF65 en: caught on a log burner', 'I caught my wrist on the log burner last week', 'burn'],
    ['RF65 en: brushed against a heater', 'he brushed his arm against the heater', 'burn'],
    ['RF46 en: blood mixed into a nappy', 'there were little bits of blood mixed into her nappy', 'rectal_bleeding'],
    ['RF46 en: blood through the poo', 'some bright red blood through his runny poo', 'rectal_bleeding'],
    ['RF64 en: a shock off an appliance', 'she got a nasty shock off the kettle lead', 'electrical_injury'],
    ['RF64 en: a shock that threw someone back', 'the shock knocked him back against the wall', 'electrical_injury'],
    ['RF64 en: metal into a toaster', 'he stuck a knife into the toaster', 'electrical_injury'],
    ['RF50 zh: medicine eaten as sweets', '孙子把我的药片当成糖果吃了几颗', 'poison_ingestion'],
    ['RF50 zh: a blister pack found short', '发现药板上少了两粒', 'poison_ingestion'],
    ['RF50 zh: empty blister cells', '茶几上有个空的铝箔格', 'poison_ingestion'],
    ['RF45 en: turning away from feeds', 'he takes a little then turns his face away', 'poor_feeding'],
    ['RF45 en: pushing the bottle away', 'she keeps pushing the bottle away after a few sucks', 'poor_feeding'],
    ['RF45 zh: 推开不吃', '喂了几口就扭头不喝了', 'poor_feeding'],
    ['RF70 en: sawdust in an eye', 'a fleck of sawdust blew into my left eye', 'eye_foreign_body'],
    ['RF70 zh: 木屑进眼', '锯木头的时候木屑进了右眼', 'eye_foreign_body']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })

  it.each([
    ['turning away from a bright light is not a feed refused', 'she turns her head away from the light', 'poor_feeding'],
    ['a shock of news is not an electrical injury', 'I got a shock when the bill came', 'electrical_injury'],
    ['feeling sick is not being sick', 'I feel sick a few times a day', 'vomiting'],
    ['a sweet mistaken for a sweet is not confusion', '他把维生素软糖当成糖果吃了', 'confusion']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).not.toContain(concept)
  })
})

describe('phrasings from development sets 11-12: measurements and urgency', () => {
  it('reads a possessive age ("my 3 month old\'s nappy")', () => {
    expect(extractAge('my 3 month olds nappy')?.months).toBe(3)
    expect(extractAge('our 2 year olds cough')?.months).toBe(24)
  })
  it('reads an injury from yesterday that is still there as a day', () => {
    expect(extractDuration('got grit in my eye yesterday and it is still sore this morning')?.hours).toBe(24)
    expect(extractDuration('昨天沙子进了眼睛，今天早上还是磨得疼')?.hours).toBe(24)
  })
  it.each([
    ['RF70 en: eye injury still bad a day later', 'some sawdust went in my eye yesterday, it is still red and gritty this morning', 'urgent'],
    ['RF70 zh: eye injury still bad a day later', '昨天铁锈渣子进眼睛了，冲过了，今天早上还是红，眨眼就疼', 'urgent'],
    ['RF46 en: blood in a baby\'s nappy', 'there is blood mixed into my 5 month old\'s nappy', 'urgent'],
    ['RF65 en: a stove burn now infected', 'burnt my hand on the stove, now it has pus and smells', 'urgent'],
    ['RF50 zh: medicine eaten as sweets', '两岁的孩子把奶奶的降糖药当糖豆吃了', 'emergency']
  ])('%s', (_name, text, urgency) => {
    expect(rulesUrgency(text)).toBe(urgency)
  })
})
