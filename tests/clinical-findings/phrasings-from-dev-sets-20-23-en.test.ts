import { describe, expect, it } from 'vitest'
import { currentConcepts, extractor, rulesUrgency } from '../helpers/read-findings.ts'

// Phrasing families, patient reading and self-care groups the English side missed (patient-written
// development sets 20-23): each names the general form it stands for; the sentences are ours.

describe('phrasings from development sets 20-23 (en): findings read', () => {
  it.each([
    ['RF34: an adverb before keep', 'he cant really keep anything down since lunch', 'cannot_keep_fluids'],
    ['RF34: a long object before down', 'I cannot keep even the smallest mouthful of juice down', 'cannot_keep_fluids'],
    ['RF34: drinks come back within minutes', 'any water she sips comes back within a couple of minutes', 'cannot_keep_fluids'],
    ['RF44: most of every feed back up', 'he brings up most of every bottle', 'cannot_keep_fluids'],
    ['RF22: red in what is coughed up', 'there is pink in what I am coughing up', 'haemoptysis'],
    ['RF22: phlegm coughed up with red in it', 'I hacked up some mucus and it had red bits in it', 'haemoptysis'],
    ['RF79: temperatures climbing day by day', 'my temps have gone up each day since friday', 'fever_not_improving'],
    ['RF79: going up rather than down', 'the fever is going up, not down', 'fever_not_improving'],
    ['treatment tried and barely better', 'used the spray for a fortnight and its barely any better', 'worsening'],
    ['treatment tried and not improving', 'did the rinses all week but it isnt improving', 'worsening'],
    ['RF74: no sleep at all with the pain', 'my molar throbbed and I couldnt sleep a wink', 'painkillers_not_helping'],
    ['headache after a birth: the birth named', 'I had my daughter 9 days ago and now this headache', 'just_given_birth']
  ])('%s', (_family, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })
})

describe('phrasings from development sets 20-23 (en): look-alikes that must not change', () => {
  it.each([
    ['a pain that comes back within minutes is not a drink', 'the cramp comes back within minutes of stopping', 'cannot_keep_fluids'],
    ['bowels every few days are not urinary frequency', 'only going every 3-4 days and it is hard to pass', 'dysuria'],
    ['straining on the toilet is not a strained muscle', 'constipated and straining a lot', 'sprain_or_strain'],
    ['red streaks in what I brought up are not from the bottom', 'red streaks in what I keep bringing up', 'rectal_bleeding'],
    ['a single high temperature is not a rising one', 'temperature 39.2 this morning', 'fever_not_improving']
  ])('%s', (_family, text, concept) => {
    expect(currentConcepts(text)).not.toContain(concept)
  })

  it('still reads urinary frequency by the hour', () => {
    expect(currentConcepts('going every 2 hours and it burns')).toContain('dysuria')
  })
})

describe('phrasings from development sets 20-23 (en): how long, and who', () => {
  it('a frequency of episodes is not how long this one has lasted', () => {
    expect(extractor.read('cold sore on my lip since yesterday, I get one every few months').patient.durationHours).toBeLessThan(24 * 10)
  })

  it('the usual course of past episodes is not this episode', () => {
    expect(extractor.read('sore throat started this morning, they normally clear up in a week').patient.durationHours ?? 0).toBeLessThan(24 * 7)
  })

  it('a day count of the illness is its duration', () => {
    expect(extractor.read('day 12 today of this cold sore, still weeping').patient.durationHours).toBe(12 * 24)
  })

  it('a mother writing about herself is the patient, not her baby', () => {
    const patient = extractor.read('mum of a 10 week old here. I have a sore throat and a runny nose since yesterday').patient
    expect(patient.child).toBe(false)
    expect(patient.ageMonths).toBeUndefined()
  })

  it('a baby who is the patient stays the patient', () => {
    const patient = extractor.read('my baby is 10 weeks old and has a runny nose since yesterday').patient
    expect(patient.child).toBe(true)
  })
})

describe('phrasings from development sets 20-23 (en): the level given', () => {
  it.each([
    ['RF34: water coming back in minutes', 'since dawn I cant even keep water down, it comes back within minutes', 'urgent'],
    ['RF22: red in what is coughed up', 'I smoke and noticed red in what I am coughing up this week', 'urgent'],
    ['RF79: temperatures rising day by day', 'flu for 3 days, taking paracetamol but my temps have gone up each day, 38.3 then 39.1', 'urgent'],
    ['nhsinform: headache just after giving birth', 'I gave birth 6 days ago and have had a dull headache since yesterday', 'urgent'],
    ['nhsinform: headache in pregnancy', '16 weeks pregnant with a mild headache since this morning', 'urgent'],
    ['heartburn in pregnancy is self-care', '30 weeks pregnant with heartburn after my tea for a few days, antacids help', 'self_care'],
    ['constipation in pregnancy is self-care', '18 weeks pregnant and a bit constipated for 5 days, no pain or blood', 'self_care'],
    ['a temperature after the 8 week jabs is self-care', 'my 2 month old had her jabs this morning and has a temperature of 37.8, feeding well', 'self_care'],
    ['treatment tried without effect is for a GP', 'hay fever every summer, tried antihistamines and a spray for weeks and its barely any better', 'routine']
  ])('%s', (_family, text, level) => {
    expect(rulesUrgency(text)).toBe(level)
  })

  it.each([
    ['pregnancy still refuses self-care for a cold (no source for it)', '12 weeks pregnant with a runny nose and a cough for 2 days', 'routine'],
    ['38C under 3 months stays RF35, jabs or not', 'my 2 month old had her jabs this morning and has a temperature of 38.4', 'emergency'],
    ['a baby under 3 months with a cold is still seen', 'my 6 week old has a runny nose since yesterday', 'routine'],
    ['heartburn not eased by pharmacy medicine in pregnancy is for a GP', '30 weeks pregnant, heartburn every night for 5 weeks and the antacids arent helping', 'routine']
  ])('look-alike: %s', (_family, text, level) => {
    expect(rulesUrgency(text)).toBe(level)
  })
})
