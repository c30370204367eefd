import { z } from 'zod'

/** Bump on every reviewed change. */
export const TRIAGE_SIGNALS_VERSION = '2026-11-18.1'

/**
 * emergency: on its own sends the patient to emergency care. urgent: on its own, see a doctor within
 * 24 hours. context: matters only in combination (escalation-rules.ts). minor: a self-care complaint.
 */
export type SignalLevel = 'emergency' | 'urgent' | 'context' | 'minor'

type SignalEntry = { id: string, level: SignalLevel, zh: string[], en: string[] }

// Chinese phrases: literal, "*" = short gap in one clause, 疼 folded to 痛. English: regex sources.
const ENTRIES: SignalEntry[] = [
  { id: 'stroke_signs', level: 'emergency', zh: ['口角歪斜', '嘴歪', '嘴角歪', '脸*歪', '半边身*麻', '半边身*没力', '半边身*无力', '一侧*无力', '一边*手*没力', '说话不清', '说话含糊', '口齿不清', '突然*说不出话', '突然*说不了话'], en: ['face (is |was )?droop(ing|y)?', 'droop(ing|y) face', 'slurred speech', 'slurring', "can'?t lift (my |his |her )?(left |right )?arm", 'one side of (my |his |her )?(body|face)', 'weak(ness)? (in|on) one side', 'sudden(ly)? confus(ed|ion)'] },
  { id: 'unconscious', level: 'emergency', zh: ['昏迷', '叫不醒', '不省人事', '失去意识', '没有反应', '没反应了', '喊不醒'], en: ['unconscious', 'unresponsive', "won'?t wake( up)?", 'not waking up', 'not responding'] },
  { id: 'severe_breathing', level: 'emergency', zh: ['喘不上气', '喘不过气', '上不来气', '透不过气', '憋得说不出话', '嘴唇发紫', '嘴唇青紫', '脸色发紫', '呼吸很困难', '呼吸非常困难', '呼吸特别困难', '没法呼吸'], en: ["can'?t breathe", 'struggling to breathe', 'gasping', 'lips (are |turning |went )?(blue|purple)', 'turning blue', "can'?t (speak|talk) in (full )?sentences", 'choking'] },
  { id: 'seizure_ongoing', level: 'emergency', zh: ['一直在抽', '抽搐不止', '抽了*分钟', '正在抽搐', '抽个不停', '还在抽'], en: ['still seizing', "seizure (that )?(won'?t|will not|doesn'?t) stop", 'seizing for', 'fitting now', 'having a seizure (right )?now', "(seizure|seizing|fitting|fit)[^.!?]{0,25}(won'?t|will not|doesn'?t|does not) stop"] },
  { id: 'severe_bleeding', level: 'emergency', zh: ['大出血', '血流不止', '血*止不住', '喷血', '吐血', '呕血', '大口*血', '咳出*大量*血', '拉了很多血', '出了很多血'], en: ["(bleeding|blood) (won'?t|will not|doesn'?t) stop", 'bleeding heavily', 'heavy bleeding', 'lots of blood', 'vomiting blood', 'throwing up blood', 'coughing up (a lot of|lots of) blood', 'soaking through'] },
  { id: 'anaphylaxis', level: 'emergency', zh: ['喉咙*肿', '嗓子*肿', '舌头*肿', '嘴唇*肿*呼吸', '过敏*呼吸困难', '过敏*喘不'], en: ['throat[^.!?]{0,20}(closing|swelling|swollen shut)', 'tongue (is )?swell(ing|en)?', 'swollen (tongue|throat)', 'anaphyla(xis|ctic)'] },
  { id: 'thunderclap_headache', level: 'context', zh: ['最剧烈的头痛', '从来没*这么痛', '从没*这么痛', '有生以来最', '炸裂', '爆炸', '像被*打了', '雷击', '这辈子最'], en: ['worst headache', 'thunderclap', 'like (being|i was|i.ve been) hit', 'worst pain of my life', 'explod(e|ing)'] },
  { id: 'neck_stiffness', level: 'context', zh: ['脖子*僵硬', '颈部*僵硬', '脖子硬', '颈项强直', '低头*困难', '脖子*转不动', '脖子*动不了'], en: ['stiff neck', 'neck (is )?(very )?stiff', "can'?t (bend|touch|move) (my |his |her )?(neck|chin)"] },
  { id: 'non_blanching_rash', level: 'emergency', zh: ['按压*不褪色', '压*不退色', '紫斑', '出血点', '瘀点'], en: ["rash (that )?(doesn'?t|does not|won'?t) fade", 'glass test', 'purple (spots|rash)', 'non-?blanching', 'pinprick (spots|rash)'] },
  { id: 'suicidal', level: 'emergency', zh: ['想死', '自杀', '不想活', '结束*生命', '轻生', '割腕', '跳楼'], en: ['kill (my|him|her)self', 'suicid(e|al)', 'end(ing)? (my life|it all)', 'take my (own )?life', 'thoughts of (dying|ending)', 'want to die', 'better off dead', 'self[- ]harm', 'hurt(ing)? myself'] },
  { id: 'overdose_poisoning', level: 'emergency', zh: ['吃了一整瓶', '一整瓶', '吃多了药', '药*过量', '农药', '误服', '误食', '中毒', '喝了*消毒'], en: ['overdose', 'swallowed (a|some|the|bleach|pills|batter)', 'took too many', 'poison(ed|ing)', 'drank bleach'] },
  { id: 'major_trauma', level: 'emergency', zh: ['车祸', '从*楼*摔', '高处*摔', '高处坠落', '被车撞', '头*撞*晕', '刀*捅', '枪伤'], en: ['hit by a (car|truck|bus)', 'car (crash|accident)', 'fell (from|off) (a )?(height|ladder|roof|balcony)', 'stab(bed)?', 'gunshot'] },
  { id: 'sudden_vision_loss', level: 'emergency', zh: ['突然*看不见', '突然失明', '突然*视力*下降', '眼前*突然*黑', '一只眼*突然*看不'], en: ["sudden(ly)? (lost|loss of|can'?t see)", 'lost (my )?(vision|sight)', 'went blind', 'curtain (over|across) (my )?(vision|eye)'] },
  { id: 'no_fetal_movement', level: 'emergency', zh: ['胎动*没有了', '胎动消失', '感觉不到胎动', '没有胎动', '宝宝*不动了'], en: ['baby (has )?(stopped|not) moving', 'no (fetal )?movement', "can'?t feel (the )?baby"] },
  { id: 'lethargic', level: 'context', zh: ['精神很差', '精神特别差', '嗜睡', '软绵绵', '蔫', '昏昏沉沉', '没精神*不*玩'], en: ['lethargic', 'floppy', 'limp', 'hard to wake', 'very drowsy', 'unusually sleepy'] },
  { id: 'crushing_pain', level: 'context', zh: ['压榨', '压着*石头', '压*石头', '像*压着', '压迫感', '紧缩感', '被*勒住'], en: ['crushing', 'elephant (on|sitting on)', 'like a (weight|vice|band)', 'squeezing', 'pressure'] },
  { id: 'radiating_pain', level: 'context', zh: ['放射到', '左臂', '左胳膊', '左肩', '下巴', '牵扯到*后背', '传到*胳膊', '窜到*胳膊'], en: ['(spread|spreading|radiat\\w*|going|goes|moving|shoot\\w*) (down |up |into |to )?(my )?(left )?(arm|jaw|back|shoulder|neck)', 'left arm', 'jaw'] },
  { id: 'sweating', level: 'context', zh: ['出冷汗', '冷汗', '大汗', '满头大汗', '一身汗', '出汗'], en: ['sweat(ing|y)?', 'clammy', 'cold sweat'] },
  { id: 'dehydration', level: 'context', zh: ['不喝水', '不喝奶', '不吃不喝', '尿少', '没有尿', '尿布*干', '没怎么尿', '小时没尿', '不肯喝'], en: ['not drinking', 'refus(es|ing) (to drink|fluids|feeds?|milk|the bottle)', 'no wet (nappy|nappies|diapers?)', "(hasn'?t|has not) had a wet (nappy|diaper)", '(dry|fewer) (nappies|diapers)', "(hasn'?t|has not) (peed|wee'?d)"] },
  { id: 'vaginal_bleeding', level: 'context', zh: ['阴道*出血', '见红', '流血', '出血'], en: ['bleeding', 'spotting'] },
  { id: 'testicular_pain', level: 'context', zh: ['睾丸*痛', '蛋蛋*痛', '阴囊*痛'], en: ['testic(le|les|ular) (pain|hurts?)', 'pain in (my |his )?(testicles?|scrotum|balls)', 'balls hurt'] },
  { id: 'blood_loss_signs', level: 'urgent', zh: ['便血', '大便*血', '黑便', '尿血', '血尿', '咳血', '咯血', '痰*血'], en: ['blood in (my |his |her |the )?(stool|poo|urine|pee)', 'bloody (stool|urine|diarrh\\w*)', 'black (tarry )?stools?', 'coughing (up )?blood'] },
  { id: 'persistent_vomiting', level: 'urgent', zh: ['一直吐', '吐了*次', '喝水都吐', '吃什么吐什么', '吐个不停', '不停地吐'], en: ["can'?t keep (anything|water|fluids|food) down", 'vomiting (all|non-?stop|repeatedly)', 'keeps? (throwing up|vomiting)'] },
  { id: 'fracture_signs', level: 'urgent', zh: ['骨折', '变形', '不能走路', '走不了路', '不能着地', '骨头*露', '动不了'], en: ['broken', 'fractur(e|ed)', 'deformed', "can'?t (walk|move it|put weight|bear weight)", 'bone sticking out'] },
  { id: 'deep_wound', level: 'urgent', zh: ['伤口*深', '缝针', '伤口*很大', '裂开*口子', '见骨'], en: ['deep (cut|wound|gash)', 'needs? stitches', 'gaping', "won'?t close"] },
  { id: 'animal_bite', level: 'urgent', zh: ['狗咬', '被狗', '猫抓', '猫咬', '被猫', '狂犬', '蝙蝠', '猴子*咬', '狗*咬'], en: ['(dog|cat|bat|monkey|animal) (bite|bit|scratch)', 'bitten by a (dog|cat|bat|monkey|stray)', 'rabies'] },
  { id: 'urinary_retention', level: 'urgent', zh: ['尿不出', '排不出尿', '憋*尿*出不来'], en: ["can'?t (pee|urinate)", 'unable to (pee|urinate)'] },
  { id: 'eye_injury', level: 'urgent', zh: ['眼睛*进了', '化学*眼睛', '眼睛*被*打', '眼睛*溅', '眼*外伤'], en: ['chemical in (my |his |her )?eye', 'something in (my |his |her )?eye', 'eye injury', 'hit in the eye', 'splash(ed)? in (my |the )?eye'] },
  { id: 'reduced_fetal_movement', level: 'urgent', zh: ['胎动*少', '胎动减少', '胎动*弱'], en: ['baby (is )?moving less', 'fewer (kicks|movements)', 'reduced (fetal )?movements?'] },
  { id: 'seizure', level: 'urgent', zh: ['抽搐', '惊厥', '抽风', '癫痫发作'], en: ['seizures?', 'convuls(ion|ions|ing)', 'had a fit'] },
  { id: 'fainted', level: 'urgent', zh: ['晕倒', '昏倒', '晕厥', '晕过去', '昏过去'], en: ['faint(ed)?', 'passed out', 'blacked out', 'collapsed'] },
  { id: 'severe_abdominal', level: 'urgent', zh: ['痛得*打滚', '剧烈腹痛', '肚子*硬', '腹部*硬'], en: ['rigid (stomach|belly|abdomen)', 'doubled over'] },
  { id: 'worsening', level: 'context', zh: ['红肿*扩散', '越来越肿', '红线', '流脓', '化脓', '越来越严重', '越来越重'], en: ['spreading (redness|red)', 'red streaks?', 'pus', 'oozing', 'getting worse'] },
  { id: 'minor_cold', level: 'minor', zh: ['感冒', '流鼻涕', '鼻塞', '打喷嚏', '着凉'], en: ['(a|the|common|head) cold', 'runny nose', 'stuffy nose', 'sniffles', 'sneezing'] },
  { id: 'mild_sore_throat', level: 'minor', zh: ['嗓子*痛', '喉咙*痛', '嗓子*不舒服', '喉咙*干', '嗓子干'], en: ['sore throat', 'scratchy throat'] },
  { id: 'small_cut', level: 'minor', zh: ['小伤口', '划了*口子', '划破', '擦伤', '擦破', '小口子', '割了*小口', '纸*划'], en: ['(small|minor|little|tiny) (cut|scrape|graze)', 'paper cut', 'scraped (my |his |her )?(knee|elbow|hand)', 'grazed'] },
  { id: 'insect_bite', level: 'minor', zh: ['蚊子*咬', '虫*咬', '被*叮', '蚊子包', '蜜蜂*蛰'], en: ['(mosquito|bug|insect|gnat|flea) bites?', 'bee sting', 'stung by'] },
  { id: 'minor_burn', level: 'minor', zh: ['烫了一下', '轻微烫伤', '烫红了', '小面积*烫'], en: ['(small|minor|little|mild|tiny) burn', 'burn(ed|t) my (finger|hand)'] },
  { id: 'mild_sunburn', level: 'minor', zh: ['晒伤', '晒红'], en: ['sunburn(ed|t)?'] },
  { id: 'bruise', level: 'minor', zh: ['淤青', '青了一块', '撞*青', '磕*青'], en: ['bruise[ds]?'] },
  { id: 'mouth_ulcer', level: 'minor', zh: ['口腔溃疡', '口疮', '嘴里*溃疡'], en: ['mouth ulcers?', 'canker sores?'] },
  { id: 'hiccups', level: 'minor', zh: ['打嗝'], en: ['hiccups?'] },
  { id: 'travel_sickness', level: 'minor', zh: ['晕车', '晕船', '宿醉', '倒时差'], en: ['hangover', 'motion sickness', 'car ?sick', 'jet ?lag'] },
  { id: 'dandruff', level: 'minor', zh: ['头皮屑'], en: ['dandruff'] }
]

const entrySchema = z.object({
  id: z.string().regex(/^[a-z_]+$/u),
  level: z.enum(['emergency', 'urgent', 'context', 'minor']),
  zh: z.array(z.string().min(1)).min(1),
  en: z.array(z.string().min(1)).min(1)
})

/** The triage signal lexicon, validated when it loads. */
export const TRIAGE_SIGNALS: readonly SignalEntry[] = Object.freeze(z.array(entrySchema).parse(ENTRIES) as SignalEntry[])
