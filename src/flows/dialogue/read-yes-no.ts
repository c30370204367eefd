// Short replies to a yes/no question, in both languages; the whole message must be the answer
// (with filler words around it), so "no fever but a cough" is not a "no".
const FILLER = /^(?:ok(?:ay)?|well|um+|uh+|hmm+|嗯+|哦|噢|呃|那个)[\s,，.。!！]*/iu
const DONE = /^(?:no,?\s*(?:that'?s|thats|that is) (?:all|it|everything)|that'?s all|nothing else|no more|没有了|没了|没有别的了?|就这些|就是这些|没其他的?了?)/iu
const YES_WORD = "y|yes|yeah|yep|yup|sure|ok|okay|please|please do|go ahead|yes please|of course|sounds good|that works|correct|right|that'?s right|do it|book it|let'?s do it|是|是的|对|对的|好|好的|好啊|行|可以|可以的|嗯|嗯嗯|要|需要|麻烦了|麻烦你了|确认|没问题|没错|帮我约|约吧"
const NO_WORD = "n|no|nope|nah|no thanks|no thank you|not now|not really|don'?t|not yet|maybe later|否|不|不是|不用|不用了|不要|不需要|先不用|暂时不用|算了|不了|没有|没|没有呢"
const TAIL = 'please|thanks|thank you|谢谢|麻烦了|吧|啊|呀|的|了'
const YES = new RegExp(`^(?:${YES_WORD})(?:[\\s,，.。!！~]*(?:${YES_WORD}|${TAIL}))*[.!。！~]*$`, 'iu')
const NO = new RegExp(`^(?:${NO_WORD})(?:[\\s,，.。!！~]*(?:${NO_WORD}|${TAIL}))*[.!。！~]*$`, 'iu')
const UNKNOWN = /^(?:i (?:don'?t|do not) know|dunno|not sure|no idea|i'?m not sure|unsure|don'?t know|不知道|不清楚|不确定|说不清|不好说|不太清楚|我也不知道)[\s,，.。!！~]*$/iu

export type YesNoReading = { kind: 'yes' } | { kind: 'no', done: boolean } | { kind: 'unknown' } | null

/** "yes"/"好的"/"可以", "no"/"不用了", "no, that's all"/"没有了，就是这些", "I don't know"/"不清楚". */
export function readYesNo (text: string): YesNoReading {
  const whole = text.trim()
  const trimmed = whole.replace(FILLER, '').trim() || whole
  if (trimmed === '') return null
  if (DONE.test(trimmed)) return { kind: 'no', done: true }
  if (UNKNOWN.test(trimmed)) return { kind: 'unknown' }
  if (NO.test(trimmed)) return { kind: 'no', done: false }
  if (YES.test(trimmed)) return { kind: 'yes' }
  return null
}
