import { describe, expect, it } from 'vitest'
import { currentConcepts, extractor, rulesUrgency } from '../helpers/read-findings.ts'

// Phrasing families, context and published discriminators the English reading missed (patient-written
// development sets 24-27): each names the general form it stands for; the sentences are ours.

describe('phrasings from development sets 24-27 (en): findings', () => {
  it.each([
    ['RF20: needed the reliever several times a day', 'I have needed my blue inhaler four or five times a day since Sunday', 'reliever_overuse'],
    ['RF20: used the pump a number of times a night', 'he used his ventolin pump 3 times a night', 'reliever_overuse'],
    ['RF22: red in what is being brought up', 'there are red flecks in what hes coughing up', 'haemoptysis'],
    ['RF53: toilet water pink after a wee', 'the bowl looked reddish after I peed this morning', 'haematuria'],
    ['headache told as pain at a part of the head', 'a stabbing pain at the top of my head', 'headache'],
    ['headache brought on by straining', 'whenever I sneeze the pain in my head flares', 'cough_strain_trigger'],
    ['RF69: cannot bear the lights (plural)', 'he cannot bear the ceiling lights', 'photophobia'],
    ['RF69: blurred out of one eye', 'things are hazy out of my right eye', 'vision_change'],
    ['sticky eyes glued shut', 'his eyes were stuck together when he woke', 'red_eye'],
    ['sticky eyes: crust on the lashes', 'yellow crusts along her lashes', 'red_eye'],
    ['RF74: painkillers hardly take the edge off', 'the paracetamol barely takes the edge off', 'painkillers_not_helping'],
    ['RF74: no sleep at all', 'I could not sleep a wink with it', 'painkillers_not_helping'],
    ['period cramps said after the period', 'second day of my period, crampy like always', 'period_pain'],
    ['tummy pains spread across', 'achey cramps across her tummy since lunch', 'abdominal_pain'],
    ['RF91: hears people whispering about him', 'he says he can hear someone muttering about him at night', 'psychosis_features'],
    ['RF91: thinks people spy on him', 'she thinks the neighbours are spying on her', 'psychosis_features'],
    ['RF67: bitten by another child', 'she got bitten on the hand by a girl at nursery', 'animal_bite'],
    ['breastfeeding as background', 'I am still breastfeeding my little one', 'breastfeeding']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).toContain(concept)
  })

  it.each([
    ['worse than someone else is no worsening', 'my cramps are worse than my sisters were', 'worsening'],
    ['a normal temperature is no fever', 'temp normal, just a bit achy', 'fever'],
    ['red streaks in the poo are not brought up', 'red streaks on the toilet paper after a poo', 'haemoptysis'],
    ['the toilet water pink without a wee is not urine', 'I spilt squash in the toilet and it went pink', 'haematuria'],
    ['hearing people talk is not a voice', 'I can hear the neighbours talking through the wall when they argue', 'confusion'],
    ['sleeping fine is no sleep loss', 'slept fine, the tablets help', 'painkillers_not_helping']
  ])('%s', (_name, text, concept) => {
    expect(currentConcepts(text)).not.toContain(concept)
  })

  it('a simile is not a pregnancy', () => {
    expect(extractor.read('my belly swells up like im pregnant after meals').patient.pregnant).toBe(false)
    expect(extractor.read('I am pregnant and my belly aches after meals').patient.pregnant).toBe(true)
  })

  it('most weeks is a recurring pattern', () => {
    const finding = extractor.read('I get nosebleeds most weeks now').current.find((item) => item.concept === 'nosebleed')
    expect(finding?.recurrent).toBe(true)
  })
})

describe('phrasings from development sets 24-27 (en): levels', () => {
  it.each([
    ['RF20: reliever needed many times a day', 'asthma has been bad with the pollen, needing my reliever 6 times a day', 'urgent'],
    ['RF22: blood in what is coughed up', 'a few pink streaks in what I keep coughing up', 'urgent'],
    ['RF53: pink toilet water after a wee, once, no pain', 'the water was pink after I weed, only once, no pain', 'urgent'],
    ['headache set off by coughing (sources.md headache)', 'each time I cough I get a sharp pain at the back of my head', 'urgent'],
    ['new headache on a blood thinner (sources.md headache)', 'I take apixaban and have had a dull headache since yesterday', 'urgent'],
    ['RF69: painful red eye and cannot bear lights', 'my eye is red and sore and I cannot stand the lights', 'urgent'],
    ['RF74: toothache painkillers barely help', 'awful toothache, ibuprofen hardly does anything', 'urgent'],
    ['RF91: new voices about him', 'my brother hears people whispering about him and thinks work is spying on him', 'urgent'],
    ['RF67: a child bite that broke the skin', 'bitten on the arm by a boy in his class, it broke the skin', 'urgent'],
    ['conjunctivitis not cleared after a week (sources.md)', 'sticky red eye for 9 days, drops from the chemist have not cleared it', 'routine'],
    ['regular nosebleeds are for a GP (sources.md nosebleed)', 'nosebleeds most weeks, they stop when I pinch', 'routine'],
    ['hay fever while breastfeeding is for a GP (sources.md hay fever)', 'sneezing and itchy eyes from hay fever, I am breastfeeding', 'routine']
  ])('%s', (_name, text, level) => {
    expect(rulesUrgency(text)).toBe(level)
  })

  it.each([
    ['a headache with no trigger and no blood thinner stays self-care', 'I have had a dull headache since yesterday, paracetamol helps', 'self_care'],
    ['a short sticky eye stays self-care', 'sticky red eye for 2 days, no pain, can see fine', 'self_care'],
    ['hay fever without breastfeeding stays self-care', 'sneezing and itchy eyes from hay fever again', 'self_care'],
    ['a tummy bug with a normal temperature stays self-care', 'tummy bug, been sick twice, temp normal, keeping water down', 'self_care'],
    ['period cramps compared with a friend stay self-care', 'period cramps like every month, worse than my friends get, a hot water bottle helps', 'self_care']
  ])('%s', (_name, text, level) => {
    expect(rulesUrgency(text)).toBe(level)
  })
})
