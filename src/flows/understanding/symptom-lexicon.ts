import { z } from 'zod'

import type { BodySite } from './understanding-types.ts'

/** Bump on every reviewed change; tests and eval reports name the version they ran against. */
export const SYMPTOM_LEXICON_VERSION = '2026-11-18.1'

type SymptomEntry = { id: string, site: BodySite | null, zh: string[], en: string[] }

// Chinese phrases: literal, "*" = short gap in one clause, 疼 folded to 痛. English: regex sources on word boundaries.
const ENTRIES: SymptomEntry[] = [
  { id: 'chest_pain', site: 'chest', zh: ['胸痛', '胸口痛', '胸*痛', '胸闷', '胸口闷', '胸口压', '胸口*压', '胸口*石头', '心口痛', '胸口发紧', '心前区'], en: ['chest (pain|tightness|pressure|discomfort|hurts?)', 'chest[a-z \',]{0,24}(tight|heavy|hurts?|pain|aching|pressure)', '(pain|ache|pressure|tightness|discomfort)[a-z \',]{0,24}chest', 'tight chest', 'crushing chest'] },
  { id: 'breathing_difficulty', site: 'chest', zh: ['呼吸困难', '喘不上气', '喘不过气', '气短', '气促', '憋气', '透不过气', '上不来气', '气喘', '喘'], en: ['short(ness)? of breath', "can'?t breathe", 'breathless(ness)?', 'trouble breathing', 'difficulty breathing', 'hard to breathe', 'wheez(e|ing)', 'out of breath'] },
  { id: 'palpitations', site: 'chest', zh: ['心慌', '心悸', '心跳快', '心跳加速', '心跳很快', '心跳不齐', '早搏'], en: ['palpitations?', 'heart (is )?(racing|pounding|fluttering)', 'racing heart', 'irregular heartbeat', 'skipped beats?'] },
  { id: 'headache', site: 'head', zh: ['头痛', '头*痛', '偏头痛', '头胀', '脑袋痛'], en: ['headaches?', 'migraines?', 'head (hurts|pain|is pounding)', 'pounding head'] },
  { id: 'dizziness', site: 'head', zh: ['头晕', '头昏', '眩晕', '晕乎', '天旋地转'], en: ['dizz(y|iness)', 'light-?headed', 'vertigo', 'room (is )?spinning'] },
  { id: 'fainting', site: 'whole_body', zh: ['晕倒', '昏倒', '晕厥', '昏迷', '失去意识', '不省人事', '叫不醒'], en: ['faint(ed|ing)?', 'passed out', 'blacked out', 'unconscious', 'unresponsive', 'collapsed'] },
  { id: 'fever', site: 'whole_body', zh: ['发烧', '发热', '高烧', '低烧', '烧到', '体温', '烫手', '度多', '三十九度', '三十八度', '四十度'], en: ['fever(ish)?', 'high temperature', 'temp(erature)? of', 'running a temp', 'burning up', '3[89](\\.\\d)? ?°?c', '10[0-4](\\.\\d)? ?°?f'] },
  { id: 'cough', site: 'chest', zh: ['咳嗽', '咳', '咳痰', '有痰', '干咳'], en: ['cough(ing|s)?', 'phlegm', 'sputum', 'mucus'] },
  { id: 'sore_throat', site: 'throat', zh: ['嗓子痛', '喉咙痛', '咽喉痛', '嗓子*痛', '喉咙*痛', '咽痛', '嗓子哑', '声音嘶哑', '扁桃体'], en: ['sore throat', 'throat (hurts|is sore|pain)', 'tonsils?', 'hoarse'] },
  { id: 'runny_nose', site: 'nose', zh: ['流鼻涕', '鼻涕', '鼻塞', '打喷嚏', '鼻子不通'], en: ['runny nose', 'stuffy nose', 'blocked nose', 'congest(ed|ion)', 'sneez(e|ing)', 'sniffles'] },
  { id: 'common_cold', site: 'whole_body', zh: ['感冒', '着凉', '伤风'], en: ['(a |the )?cold', 'flu', 'influenza'] },
  { id: 'ear_problem', site: 'ear', zh: ['耳朵痛', '耳*痛', '耳鸣', '听力下降', '听不清', '耳朵流脓', '中耳炎'], en: ['ear ?ache', 'ear (pain|hurts|infection)', 'tinnitus', 'ringing in (my|the) ears?', 'hearing loss'] },
  { id: 'eye_problem', site: 'eye', zh: ['眼睛*痛', '眼睛红', '眼红', '眼睛痒', '视力下降', '看不清', '视物模糊', '眼睛模糊', '眼屎', '结膜炎', '飞蚊'], en: ['eyes? (pain|hurts?|red|itchy|swollen)', 'red eyes?', 'pink ?eye', 'blurr(y|ed) vision', 'vision (loss|problem)', 'conjunctivitis', 'floaters'] },
  { id: 'toothache', site: 'teeth', zh: ['牙痛', '牙*痛', '牙龈', '蛀牙', '智齿', '牙齿松动', '牙出血'], en: ['tooth ?ache', 'teeth hurt', 'tooth (pain|hurts)', 'gums?', 'wisdom tooth', 'cavity'] },
  { id: 'mouth_ulcer', site: 'mouth', zh: ['口腔溃疡', '嘴里*溃疡', '口疮', '嘴巴*起泡'], en: ['mouth ulcers?', 'canker sores?', 'cold sores?'] },
  { id: 'abdominal_pain', site: 'abdomen', zh: ['肚子痛', '肚子*痛', '腹痛', '腹*痛', '胃痛', '胃*痛', '小腹痛', '肚脐*痛', '绞痛', '胃不舒服', '肚子不舒服'], en: ['(stomach|tummy|belly|abdominal) ?(ache|pain|cramps?|hurts?)', 'abdominal pain', 'pain in (my|the) (stomach|belly|abdomen)', 'cramps'] },
  { id: 'nausea_vomiting', site: 'abdomen', zh: ['恶心', '呕吐', '想吐', '吐了', '干呕', '反胃'], en: ['nause(a|ous)', 'vomit(ing|ed)?', 'throw(ing)? up', 'threw up', 'sick to my stomach'] },
  { id: 'diarrhea', site: 'abdomen', zh: ['拉肚子', '腹泻', '拉稀', '水样便', '大便稀'], en: ['diarrh(o)?ea', 'loose stools?', 'the runs'] },
  { id: 'constipation', site: 'abdomen', zh: ['便秘', '大便干', '排便困难', '几天没大便'], en: ['constipat(ed|ion)', "can'?t poop"] },
  { id: 'heartburn', site: 'chest', zh: ['反酸', '烧心', '胃灼热', '反流'], en: ['acid reflux', 'reflux', 'heartburn', 'indigestion'] },
  { id: 'rectal_bleeding', site: 'anus', zh: ['便血', '大便带血', '黑便', '拉血', '痔疮', '肛门*痛'], en: ['blood in (my|the) stool', 'bloody stools?', 'rectal bleeding', 'black stools?', 'hemorrhoids?', 'piles'] },
  { id: 'rash', site: 'skin', zh: ['皮疹', '疹子', '起疹', '红疹', '湿疹', '荨麻疹', '风团', '起包', '红点', '脱皮'], en: ['rash(es)?', 'hives', 'eczema', 'spots', 'welts', 'bumps on (my|the) skin'] },
  { id: 'itching', site: 'skin', zh: ['痒', '瘙痒'], en: ['itch(y|ing)?'] },
  { id: 'acne', site: 'skin', zh: ['痘', '粉刺', '青春痘', '闭口'], en: ['acne', 'pimples?', 'breakouts?', 'zits?'] },
  { id: 'wound', site: 'skin', zh: ['伤口', '划伤', '割伤', '划破', '擦伤', '口子', '出血'], en: ['cuts?', 'wounds?', 'scrape[ds]?', 'graze[ds]?', 'bleeding', 'gash'] },
  { id: 'burn', site: 'skin', zh: ['烫伤', '烧伤', '晒伤'], en: ['burn(ed|t)?', 'scald(ed)?', 'sunburn'] },
  { id: 'insect_bite', site: 'skin', zh: ['蚊子咬', '虫咬', '被*咬', '蜜蜂蛰', '蜇'], en: ['(mosquito|bug|insect) bites?', 'bee sting', 'stung', 'bitten'] },
  { id: 'back_pain', site: 'back', zh: ['腰痛', '腰*痛', '背痛', '背*痛', '腰酸', '腰椎', '腰间盘'], en: ['back ?(pain|ache|hurts)', 'lower back', 'sciatica', 'slipped disc'] },
  { id: 'neck_pain', site: 'neck', zh: ['脖子痛', '脖子*痛', '颈椎', '落枕', '颈部僵硬', '脖子僵'], en: ['neck (pain|hurts|is stiff)', 'stiff neck', 'sore neck'] },
  { id: 'joint_pain', site: 'joint', zh: ['关节痛', '关节*痛', '膝盖*痛', '膝*痛', '肩膀*痛', '肩*痛', '手腕*痛', '脚踝*痛', '关节肿'], en: ['joints? (pain|hurt|ache|swollen)', '(knee|shoulder|hip|ankle|wrist|elbow) (pain|hurts?)', 'arthritis'] },
  { id: 'injury', site: null, zh: ['摔伤', '摔倒', '扭伤', '崴脚', '崴了', '骨折', '撞伤', '车祸', '砸伤', '拉伤'], en: ['sprain(ed)?', 'twisted (my )?ankle', 'fell (down|off)', 'broke(n)? (my )?', 'fracture', 'injur(y|ed)', 'car (accident|crash)'] },
  { id: 'numbness_weakness', site: null, zh: ['麻木', '手麻', '脚麻', '发麻', '没力气', '无力', '半边身子', '口角歪斜', '嘴歪', '说话不清'], en: ['numb(ness)?', 'tingling', 'weak(ness)? (in|on) (my|one|the)', 'face (is )?droop', 'slurred speech', "can'?t lift (my )?arm"] },
  { id: 'seizure', site: null, zh: ['抽搐', '惊厥', '癫痫发作', '口吐白沫'], en: ['seizures?', 'convuls(ion|ions|ing)', 'fit(ting)?'] },
  { id: 'urinary_problem', site: 'urinary', zh: ['尿频', '尿急', '尿痛', '尿血', '排尿*痛', '小便*痛', '尿不出', '尿不尽', '血尿', '肾结石', '结石'], en: ['burning (when|while) (i )?pee', 'pain(ful)? (when )?urinat(e|ing|ion)', 'peeing (a lot|often)', 'frequent urination', 'blood in (my )?urine', 'kidney stones?', 'uti', "can'?t pee"] },
  { id: 'menstrual_problem', site: 'genital', zh: ['月经', '例假', '大姨妈', '痛经', '经期', '闭经'], en: ['periods?', 'menstrua(l|tion)', 'cramps during (my )?period'] },
  { id: 'vaginal_symptom', site: 'genital', zh: ['白带', '阴道', '外阴', '下体'], en: ['vaginal', 'discharge'] },
  { id: 'male_genital', site: 'genital', zh: ['阳痿', '早泄', '勃起', '睾丸', '阴囊', '龟头', '包皮', '前列腺'], en: ['erectile', 'erection', 'testic(le|les|ular)', 'scrotum', 'prostate', 'premature ejaculation'] },
  { id: 'insomnia', site: null, zh: ['失眠', '睡不着', '入睡困难', '早醒', '多梦'], en: ['insomnia', "can'?t sleep", 'trouble sleeping', 'sleepless'] },
  { id: 'low_mood', site: null, zh: ['抑郁', '情绪低落', '不开心', '没兴趣', '想哭', '焦虑', '紧张', '恐慌', '压力大'], en: ['depress(ed|ion)', 'anxi(ety|ous)', 'panic attacks?', 'low mood', 'stressed', 'hopeless'] },
  { id: 'fatigue', site: 'whole_body', zh: ['乏力', '疲劳', '疲倦', '没精神', '累'], en: ['tired(ness)?', 'fatigue', 'exhausted', 'no energy'] },
  { id: 'swelling', site: null, zh: ['肿', '水肿', '浮肿'], en: ['swollen', 'swelling', 'puffy'] },
  { id: 'allergic_reaction', site: 'whole_body', zh: ['过敏', '花粉'], en: ['allerg(y|ic|ies)', 'hay ?fever', 'pollen'] },
  { id: 'unwell', site: 'whole_body', zh: ['不舒服', '难受', '身体不适'], en: ['(feel(ing)?|felt) (sick|unwell|ill|awful|terrible)', 'not feeling well', 'sick'] }
]

const symptomEntrySchema = z.object({
  id: z.string().regex(/^[a-z_]+$/u),
  site: z.string().nullable(),
  zh: z.array(z.string().min(1)).min(1),
  en: z.array(z.string().min(1)).min(1)
})

/** The symptom lexicon, validated when it loads. */
export const SYMPTOM_LEXICON: readonly SymptomEntry[] = Object.freeze(
  z.array(symptomEntrySchema).parse(ENTRIES) as SymptomEntry[]
)
