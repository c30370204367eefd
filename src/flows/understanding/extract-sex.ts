import type { Sex } from './understanding-types.ts'

// Who the patient is, not who is writing: "my wife has…" is about a woman. Self-descriptions first.
const FEMALE = /(?:^|[\s#,(，])女(?:\s*[,，/]?\s*\d{1,3}\s*岁|性|士|生(?!殖)|,|，|\s|$)|我是(?:女|个女|一个女|一名女)|女患者|我老婆|我妻子|我媳妇|我太太|我妈|我母亲|我奶奶|我外婆|我姥姥|我姐|我妹|我女儿|我女朋友|\b(?:i'?m|i am) (?:a )?(?:woman|female|girl|lady)\b|\bfemale\b|\bmy (?:wife|mother|mom|mum|daughter|sister|girlfriend|grandmother|grandma|aunt)\b|\b(?:she|her)\b/iu
const MALE = /(?:^|[\s#,(，])男(?:\s*[,，/]?\s*\d{1,3}\s*岁|性|士|生|,|，|\s|$)|我是(?:男|个男|一个男|一名男)|男患者|我老公|我丈夫|我先生|我爸|我父亲|我爷爷|我外公|我姥爷|我哥|我弟|我儿子|我男朋友|\b(?:i'?m|i am) (?:a )?(?:man|male|guy|boy)\b|\bmale\b|\bmy (?:husband|father|dad|son|brother|boyfriend|grandfather|grandpa|uncle)\b|\b(?:he|his|him)\b/iu

/** The patient's sex when the message states or clearly implies it; null when unclear or both. */
export function extractSex (text: string): Sex | null {
  const female = FEMALE.test(text)
  const male = MALE.test(text)
  if (female === male) return null
  return female ? 'female' : 'male'
}
