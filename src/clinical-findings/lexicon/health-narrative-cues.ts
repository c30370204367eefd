// Reviewed cue data: a message that tells of something happening to a body, in words the concept
// lexicon may not know ("the towel is sodden", "his toes feel like they belong to someone else",
// "鼻子还在滴"). Such a message is a health story and goes to triage even when no finding is named:
// a patient's words must never be answered by a booking, a reminder or "I can't help with that"
// because our lexicon lacked the phrase. Written for this project; the words are ours.
//
// A story needs a body word and a happening word in the same sentence (English on word
// boundaries, Chinese as characters), or one of the self-sufficient event phrases.

const BODY_EN = [
  'head', 'face', 'forehead', 'cheeks?', 'scalp', 'sleep', 'mood', 'eyes?', 'eyelids?', 'ears?', 'nose', 'mouth', 'lips?', 'tongue', 'teeth', 'tooth', 'jaw', 'gums?',
  'throat', 'neck', 'shoulders?', 'chest', 'ribs?', 'breasts?', 'back', 'spine', 'arms?', 'elbows?', 'wrists?', 'hands?', 'fingers?',
  'thumbs?', 'nails?', 'hips?', 'legs?', 'knees?', 'shins?', 'calf', 'calves', 'ankles?', 'feet', 'foot', 'toes?', 'heels?',
  'skin', 'belly', 'tummy', 'stomach', 'bladder', 'bowels?', 'bum', 'bottom', 'groin', 'testicles?', 'balls?', 'nuts?',
  'vagina', 'penis', 'heart', 'lungs?', 'breathing', 'breath', 'pee', 'wee', 'urine', 'poo', 'stool', 'sick', 'vomit',
  'temperature', 'temp', 'sugar', 'bp', 'pulse', 'oxygen', 'sats', 'bump', 'baby', 'labour'
]
const HAPPENING_EN = [
  'hurts?', 'hurting', 'pain\\w*', 'ache\\w*', 'aching', 'sore', 'killing', 'throb\\w*', 'sting\\w*', 'burn\\w*', 'bleed\\w*', 'bled',
  'blood\\w*', 'swell\\w*', 'swollen', 'puffy', 'lump', 'bump', 'bruis\\w*', 'cut', 'gash\\w*', 'graze\\w*', 'broke', 'broken',
  'bent', 'bend', 'crack\\w*', 'snapp\\w*', 'numb', 'tingl\\w*', 'rash', 'itch\\w*', 'spots?', 'blisters?', 'oozing', 'pus',
  'red', 'purple', 'blue', 'grey', 'gray', 'white', 'pale', 'dusky', 'colou?r', 'cold', 'hot', 'floppy', 'limp', 'stiff', 'weak',
  'shak\\w*', 'twitch\\w*', 'jerk\\w*', 'fitting', 'faint\\w*', 'dizzy', 'woozy', 'wobbly', 'sick', 'vomit\\w*', 'puk\\w*',
  'threw up', 'throwing up', 'fever\\w*', 'high', 'low', 'racing', 'pounding', 'fluttering', 'tight', 'pressure', 'heavy',
  'crushing', 'gasping', 'wheez\\w*', 'cough\\w*', 'choking', 'rigid', 'groan\\w*', 'moving less', 'not moving', 'wont stop',
  'keeps', 'wrong', 'funny', 'weird', 'strange', 'different', 'worse', 'welling', 'dripping', 'sodden', 'soaked', 'gone into',
  'went into', 'stuck in', 'awake', 'down', 'anxious', 'panic\\w*', 'sliced', 'stabbed', 'punctured', 'spin\\w*', 'flop\\w*'
]
const EVENTS_EN = [
  'fell (?:off|over|down|from)', 'came off', 'knocked (?:over|down|off)', 'hit by', 'ran into', 'walked into', 'bitten', 'stung',
  'swallowed', 'overdos\\w*', 'took (?:a|an|the|all|too many|\\d+) (?:pills|tablets)', 'passed out', 'collapsed', 'wont wake',
  'scalded', 'electric shock', 'went over on', 'twisted (?:my|his|her)', 'trapped (?:my|his|her)',
  '(?:feel\\w*|felt|got|getting|went|gone|going|looks?|looking|seems?) (?:a bit |really |very |so |all |quite )?(?:hot|cold|wobbly|faint|dizzy|sick|shaky|weak|awful|terrible|rough|unwell|ill|funny|strange|clammy|sweaty|confused|drowsy|pale|grey|gray|blue|floppy|breathless|muddled|vague)',
  '(?:room|world|ceiling|everything) (?:\\w+ ){0,3}spin\\w*', 'hypos?', '(?:readings?|sugars?|glucose|bm) (?:of |at |around |was |is )?\\d', '(?:waking|woke|wake) up (?:\\w+ )?(?:sweaty|drenched|soaked|shaky|gasping|choking)'
]
const BODY_ZH = '头|脸|额头|眼|耳|鼻|嘴|唇|舌|牙|下巴|喉|嗓|脖|颈|肩|胸|心口|心脏|乳|背|腰|胳膊|手|肘|腕|手指|脚趾|指甲|腿|膝|脚|踝|趾|皮|肚|腹|胃|肛|屁股|尿|大便|睾丸|蛋蛋|阴道|小臂|大臂|胎|体温|血压|血糖|血氧|心跳|呼吸|喘'
const HAPPENING_ZH = '疼|痛|酸|胀|麻|木|痒|肿|红|紫|青|白|黑|烫|凉|冰|硬|僵|抖|抽|晕|吐|呕|拉|烧|伤|破|裂|断|歪|血|脓|泡|包|疙瘩|疹|斑|点子|滴|流|渗|冒|喘|咳|憋|闷|紧|压|堵|不动|不对|不对劲|没反应|叫不醒|不舒服|难受|厉害|不行'
const EVENTS_ZH = ['摔', '跌', '磕', '撞', '被(?:\\S{0,6})(?:咬|蜇|叮|烫|电|砸|夹|割|扎)', '烫(?:到|伤|了)', '(?:误|吞|咽)(?:了|下)', '吃了(?:\\S{0,6})(?:片|粒|瓶)', '晕倒', '昏倒', '抽搐', '触电', '熏']

const wordsPattern = (words: readonly string[]) => new RegExp(`(?<![a-z])(?:${words.join('|')})(?![a-z])`, 'u')

const BODY_EN_PATTERN = wordsPattern(BODY_EN)
const HAPPENING_EN_PATTERN = wordsPattern(HAPPENING_EN)
const EVENT_EN_PATTERN = wordsPattern(EVENTS_EN)
const BODY_ZH_PATTERN = new RegExp(`(?:${BODY_ZH})`, 'u')
const HAPPENING_ZH_PATTERN = new RegExp(`(?:${HAPPENING_ZH})`, 'u')
const EVENT_ZH_PATTERN = new RegExp(`(?:${EVENTS_ZH.join('|')})`, 'u')

/** Whether one sentence tells of something happening to a body, in either language. */
function tellsOfABody (sentence: string): boolean {
  if (EVENT_EN_PATTERN.test(sentence) || EVENT_ZH_PATTERN.test(sentence)) return true
  if (BODY_EN_PATTERN.test(sentence) && HAPPENING_EN_PATTERN.test(sentence)) return true
  return BODY_ZH_PATTERN.test(sentence) && HAPPENING_ZH_PATTERN.test(sentence)
}

/** A health story: at least one sentence that tells of something happening to a body. */
export function isHealthNarrative (text: string): boolean {
  return text.toLowerCase().replace(/['’]/gu, '').split(/[.!?。！？；;\n]+/u).some((sentence) => tellsOfABody(sentence))
}
