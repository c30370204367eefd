import { describe, expect, it } from 'vitest'
import { currentConcepts, extractor, rulesUrgency } from '../helpers/read-findings.ts'

// Phrasing families and context the English lexicon missed (patient-written development sets
// 16-19): each names the general form it stands for; the sentences are ours.

describe('phrasings from development sets 16-19 (en): findings', () => {
  it.each([
    ['RF34: every drink comes back up', 'each sip of tea she has comes straight back up', 'cannot_keep_fluids'],
    ['RF83: blood when wiped, pinky colour', 'a bit of pinky blood on the tissue when I wiped', 'vaginal_bleeding'],
    ['RF74: awake till the early hours', 'I was up til 4am with it', 'painkillers_not_helping'],
    ['RF55: burning when I make pee', 'a burning pain when I do pee', 'dysuria'],
    ['RF55: going to the toilet every hour', 'I have to go toilet every hour', 'dysuria'],
    ['RF69: an eye getting redder', 'my left eye keeps getting redder', 'red_eye'],
    ['RF69: light makes me squint', 'bright light makes her squint', 'photophobia'],
    ['RF69: vision described a few words on', 'the vision in that eye is foggy', 'vision_change'],
    ['RF22: red threads in phlegm', 'phlegm with some red threads in it', 'haemoptysis'],
    ['RF22: brought up something red', 'this morning I brought up bloody stuff', 'haemoptysis'],
    ['RF67: knuckle split on a tooth', 'I cut my knuckle on his teeth', 'animal_bite'],
    ['RF77: a strip of small blisters', 'a strip of small blisters round my waist', 'shingles_pattern'],
    ['RF77: only on one named side', 'the rash is only on the right', 'shingles_pattern'],
    ['RF32: blood and mucus mixed in', 'there is blood and mucus mixed in the runny poo', 'rectal_bleeding'],
    ['RF28: moved to the right lower side', 'the ache moved down to the right lower side', 'appendicitis_pattern'],
    ['RF20: a proper attack settled with puffs', 'had a proper attack last night, did 6 puffs, and it eased', 'asthma_attack'],
    ['RF18: thought I would faint', 'I thought I would pass out', 'near_faint'],
    ['RF53: wee described then its colour', 'did a wee and it was really pink', 'haematuria'],
    ['RF56: pain coming like waves', 'the pain in my side comes like waves', 'renal_colic_features'],
    ['RF56: cannot get comfortable', 'I cannot find a comfortable position', 'renal_colic_features'],
    ['RF62: swelling worse than days ago', 'the knee is puffier than it was on monday', 'worsening'],
    ['not settling is no improvement', 'the attacks are not settling down', 'worsening'],
    ['treatment without change', 'she has taken laxatives for a week without much change', 'worsening'],
    ['constipation told as how often the bowels open', 'he only opens his bowels every five days', 'constipation'],
    ['period pain told as painful periods', 'my periods have been really painful', 'period_pain'],
    ['days off work', 'I am off work two days every month with it', 'affects_daily_life'],
    ['insect bites: mozzies', 'covered in mozzie bites from camping', 'insect_bite'],
    ['a sting told as the wasp got me', 'a bee got him on the hand', 'insect_bite'],
    ['a burn in present tense', 'I burn my thumb on the grill pan', 'burn'],
    ['heartburn behind the breastbone', 'a burning feeling behind my breast bone after dinner', 'heartburn'],
    ['toothache a few words after the tooth', 'a tooth at the top started aching', 'toothache'],
    ['a thrush-like first episode', 'I have never had anything like this before', 'first_episode'],
    ['a healing rash', 'the spots are all crusted over now', 'rash_healing']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })

  it.each([
    ['an adult drinking less is not failing to keep fluids down', 'I am not drinking much since the holiday', 'cannot_keep_fluids'],
    ['legs and arms covered in red bites is not one swollen calf', 'bites all over my legs and arms, red and itchy', 'calf_swelling'],
    ['an ankle that hurts when I walk is not appendicitis', 'sprained my ankle and it hurts when I walk', 'appendicitis_pattern'],
    ['a temperature at its worst is not severe pain', 'a cold with 37.7 at worst', 'severe_pain'],
    ['only on the left eye is not a one-sided rash', 'it is only on the left eye', 'shingles_pattern'],
    ['a heart attack in a past year is history', 'I had a heart attack in 2015', 'chest_pain'],
    ['a wee with nothing said of colour', 'did a wee and it was fine', 'haematuria']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).not.toContain(concept)
  })
})

describe('phrasings from development sets 16-19 (en): time and context', () => {
  it.each([
    ['a child named with an age in years', 'my daughter 6 years has chickenpox', undefined],
    ['a trip is not the illness', 'back from a week in Spain and bitten all over by mozzies', undefined],
    ['a date ahead is not the illness', 'chickenpox spots, we have a trip booked in 12 days', undefined],
    ['a named check is not the illness', 'swallowed a bead, also when is his 2 year review', undefined],
    ['how often is not how long', 'off work 1-2 days every month with it', undefined],
    ['once in a few months is how often', 'heartburn maybe once in 3 months', undefined],
    ['a real duration is still read', 'been sick for 3 days', 72],
    ['a complaint still there since an event weeks ago', 'banged my head 3 weeks ago, checked then, and I still get dizzy', 21 * 24]
  ])('%s', (_name, text, hours) => {
    expect(extractor.read(text).patient.durationHours).toBe(hours)
  })

  it('reads crying on and off for a couple of days as an episode, not a pattern', () => {
    const finding = extractor.read('crying on and off for 2 days since the news').findings.find((f) => f.concept === 'low_mood')
    expect(finding?.recurrent).toBe(false)
    expect(extractor.read('crying on and off for months').findings.find((f) => f.concept === 'low_mood')?.recurrent).toBe(true)
  })

  it('reads an episode count told right after the finding as recurrent', () => {
    expect(extractor.read('cystitis again, the third time this year').findings.find((f) => f.concept === 'dysuria')?.recurrent).toBe(true)
    expect(extractor.read('cystitis again, since yesterday').findings.find((f) => f.concept === 'dysuria')?.recurrent).toBe(false)
  })

  it('reads "over the last year" as ongoing, not past', () => {
    expect(currentConcepts('over the last year I have been off work 2 days every month with it')).toContain('affects_daily_life')
    expect(currentConcepts('last year I was off work because of my back')).not.toContain('affects_daily_life')
  })

  it('reads an episode that lasted some minutes, told in the next sentence, as over', () => {
    const reading = extractor.read('my heart was racing and I thought I would faint. It lasted 5 minutes maybe. Now I feel ok')
    expect(reading.findings.find((f) => f.concept === 'palpitations')?.resolved).toBe(true)
  })

  it('reads opioid painkillers as a medicine', () => {
    expect(extractor.read('dad takes co-codamol for his back').patient.medicines).toContain('opioid')
    expect(extractor.read('dad takes paracetamol for his back').patient.medicines).not.toContain('opioid')
  })
})

describe('phrasings from development sets 16-19 (en): urgency', () => {
  it.each([
    ['RF34: every drink back up for days', 'mum has had a stomach bug 3 days and every drink she takes comes back up', 'urgent'],
    ['RF83: light bleeding at 8 weeks', '8 weeks pregnant and some pinky blood when I wiped, no pain', 'urgent'],
    ['RF55: a man with burning pee', 'male 50, it burns when I go and pee and I go toilet every hour', 'urgent'],
    ['RF69: red eye, squinting at light', 'my eye turned red today and the light makes me squint', 'urgent'],
    ['RF22: red threads in phlegm', 'I am 70 with a cough and my phlegm has red threads in it', 'urgent'],
    ['RF67: a tooth cut on the knuckle, now swollen', 'punched someone and split my knuckle on his tooth, now it is hot and swollen', 'urgent'],
    ['RF62: a sprain worse than days ago', 'rolled my ankle 4 days ago, rested it, but it is puffier than it was yesterday', 'urgent'],
    ['RF53: pink wee once', 'did a wee and it was pink, no pain, no beetroot', 'urgent'],
    ['RF77: one-sided strip of blisters', 'a strip of tiny blisters on my back, only on the left, burning', 'urgent'],
    ['RF32: blood and mucus in diarrhoea', 'diarrhoea for 2 days and now blood and mucus mixed in it', 'urgent'],
    ['RF28: tummy pain that hurts more when walking', 'tummy pain all day and it hurts more when I walk', 'urgent'],
    ['RF20: a proper attack that settled', 'asthmatic, had a proper attack last night, 6 puffs, and it eased', 'urgent'],
    ['RF18: racing heart and near faint, now over', 'my heart raced and I thought I would faint. It lasted 5 minutes. Feel ok now', 'urgent'],
    ['RF74: toothache keeping me up, painkillers barely help', 'my back tooth is agony, I was up til 4am', 'urgent']
  ])('%s', (_name, text, urgency) => {
    expect(rulesUrgency(text)).toBe(urgency)
  })

  it.each([
    ['constipation on an opioid', 'my nan is constipated since starting codeine for her hip', 'routine'],
    ['constipation without an opioid', 'my nan is constipated since the coach trip, on paracetamol', 'self_care'],
    ['thrush for the first time', 'itchy with thick white discharge, never had this before', 'routine'],
    ['thrush known before', 'itchy with thick white discharge, I know it is thrush', 'self_care'],
    ['thrush for the fourth time', 'thrush again, the 4th time since the summer', 'routine'],
    ['panic attacks not settling', 'I get panic attacks every week and they are not settling down', 'routine'],
    ['headaches still there weeks after a knock', 'he was concussed at rugby 4 weeks ago and still gets headaches most afternoons', 'routine'],
    ['headaches most afternoons this week', 'a tight headache most afternoons this week, paracetamol sorts it', 'self_care'],
    ['several hypos', 'type 2 on insulin, had 5 hypos this fortnight, shaky and sweaty, sugar sorts it', 'routine'],
    ['period pain keeping me off work', 'my periods are so painful that I am off work 2 days every month', 'routine'],
    ['a sprained ankle that hurts on walking', 'twisted my ankle yesterday, swollen and bruised, hurts when I walk, toes warm', 'self_care'],
    ['a small burn from a pan', 'I burn my finger on a hot frying pan, red, no blister, cooled it', 'self_care'],
    ['a wasp sting with local swelling', 'a wasp got me on the arm, swollen and itchy, no trouble breathing', 'self_care'],
    ['a short toothache eased by painkillers', 'my tooth started aching yesterday, ibuprofen sorts it', 'self_care'],
    ['a toothache for a week', 'my tooth has been aching for a week now', 'routine'],
    ['a shingles rash already crusted', 'had shingles 2 weeks ago, finished the tablets, the blisters are all crusted over', 'self_care'],
    ['a cold with 37.6 at worst', 'a cold for 4 days, green snot, 37.6 at worst', 'self_care'],
    ['heartburn once in a while', 'burning behind my breast bone after a curry, it happens once in 2 months', 'self_care']
  ])('%s', (_name, text, urgency) => {
    expect(rulesUrgency(text)).toBe(urgency)
  })
})
