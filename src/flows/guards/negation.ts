// A negation cue, optional filler words, then optionally a list of other negated items whose
// last separator is "or"/"nor" ("no fever or chest pain"). "No fever, crushing chest pain" and
// "no fever and I have chest pain" stay affirmed: when in doubt, the symptom counts.
const ENGLISH_CUE = '(?:no|not|without|denies|denied|deny|denying|never|nor|neither|negative for|free of|none of|dont|doesnt|didnt|havent|hasnt|hadnt|isnt|arent|wasnt|werent)'
const ENGLISH_FILLER = '(?:done anything to|do anything to|want to|wanna|intend to|mean to|any|really|much|some|signs? of|thoughts? of|ideas? of|plans? to|intention of|urge to|talking about|said anything about|mentioned|have|has|had|having|get|got|getting|feel|felt|feeling|notice|noticed|experience|experienced|experiencing|a|an|the|my|his|her|their|obvious|significant|major|more|other|further|been|with|complain of|complaining of|report|reported|on|taking|take|taken|using|use|used)'
const ENGLISH_ITEM = '[a-z0-9]+(?: [a-z0-9]+){0,3}'
const ENGLISH_LIST = `(?: ${ENGLISH_ITEM}(?:,| or| and| nor|/))* ${ENGLISH_ITEM},? (?:or|nor)(?: ${ENGLISH_FILLER})*`
const ENGLISH_SCOPE = new RegExp(`(?:^|[^a-z])${ENGLISH_CUE}(?: ${ENGLISH_FILLER})*(?:${ENGLISH_LIST})? ?$`, 'u')

// Chinese: 没有/无/否认/未/不是 with fillers and an 、/和/或 list, never across a comma.
// A bare 不 negates only when it touches the symptom ("不胸痛"), so "我不知道为什么胸痛" stays affirmed.
// Questions are not negations: 是不是 (is it), 有没有 (is there).
const CHINESE_CUE = '(?:(?<!有)没有|(?<!有)没|无(?!法|力|论|聊)|否认|未曾|未|并无|从未|从来没有?|(?<!是)不是)'
const CHINESE_FILLER = '(?:发现|看到|注意到|见|那种|那样|这种|有|出现|感到|感觉|觉得|任何|什么|明显|过|再|也|还|发生|伴有|伴|想|打算|要|会|在|吃|服用|服|用|打|说|说过|提|提过|讲过|怎么|太)'
const CHINESE_LIST = `(?:[\\p{Script=Han}]{1,6}(?:和|或者|或|、|及|跟|与|也没有|也没|也无))+${CHINESE_FILLER}*`
const CHINESE_SCOPE = new RegExp(`(?:${CHINESE_CUE}${CHINESE_FILLER}*(?:${CHINESE_LIST})?|不)$`, 'u')

const ENGLISH_WINDOW = 60
const CHINESE_WINDOW = 16

/** True when the text just before a match (same clause) negates it. */
export function isNegated (prefix: string): boolean {
  return ENGLISH_SCOPE.test(lastWords(prefix, ENGLISH_WINDOW)) ||
    CHINESE_SCOPE.test(prefix.replace(/ /g, '').slice(-CHINESE_WINDOW))
}

// A bounded window keeps the anchored regex cheap on long clauses; it starts at a word start.
function lastWords (prefix: string, length: number): string {
  if (prefix.length <= length) return prefix
  const window = prefix.slice(-length)
  const firstSpace = window.indexOf(' ')
  return firstSpace === -1 ? window : window.slice(firstSpace)
}
