const ENGLISH_NAME = /\b(?:my name is|my name's|name:|call me|this is)\s+([A-Z][a-zA-Z'-]+(?:\s+[A-Z][a-zA-Z'-]+){0,2})/u
const ENGLISH_NAME_ANY_CASE = /\b(?:my name is|my name's)\s+([a-z][a-z'-]+(?:\s+[a-z][a-z'-]+)?)\b/iu
// A Chinese name is 2–4 characters; stop before words that usually follow one (今年, 想, 电话…).
const CHINESE_NAME = /(?:我叫|我的名字(?:是|叫)|我名字(?:是|叫)|姓名[:：]?|名字[:：])\s*([\u4e00-\u9fff·]{2,4}?)(?=$|[\s,，。.!！;；、]|今年|想|要|在|是|的|电话|手机|预约|挂号|身份证)/u
const CHINESE_SURNAME_ONLY = /我姓([\u4e00-\u9fff]{1,2}?)(?=$|[\s,，。.!！]|名|叫)/u
const NOT_NAMES = /^(not|a|an|the|sick|pregnant|in|having|feeling|dr|doctor|here)$/iu

/** The patient's name when they introduce themselves: "my name is Anna Lee", "我叫张伟". */
export function extractPersonName (text: string): string | null {
  const chinese = text.match(CHINESE_NAME)?.[1] ?? text.match(CHINESE_SURNAME_ONLY)?.[1]
  if (chinese !== undefined) return chinese
  const english = (text.match(ENGLISH_NAME) ?? text.match(ENGLISH_NAME_ANY_CASE))?.[1]?.trim()
  if (english === undefined || NOT_NAMES.test(english.split(/\s+/u)[0] ?? '')) return null
  return english
}
