import type { Severity } from './understanding-types.ts'

// Word scales, strongest first; the first that matches wins. Values follow a 0–10 pain scale.
const SEVERITY_WORDS: Array<[RegExp, number]> = [
  [/worst (pain|headache)|unbearable|excruciating|agoni[sz]ing|can'?t (stand|bear) (it|the pain)|疼死|痛死|要命|受不了|难以忍受|無法忍受|无法忍受|痛不欲生|剧痛|劇痛|剧烈|劇烈/iu, 9],
  [/\bsevere(ly)?\b|\bterrible\b|\bhorrible\b|\bintense\b|really bad|very bad|so bad|疼得厉害|痛得厉害|疼的厉害|痛的厉害|很厉害|非常厉害|特别厉害|厉害得很|严重|嚴重|疼得睡不着|痛得睡不着/iu, 8],
  [/very (painful|sore)|really (hurts|painful|sore)|hurts a lot|非常[疼痛]|特别[疼痛]|很[疼痛]|好[疼痛]|挺[疼痛]|比较[疼痛]|蛮[疼痛]/iu, 7],
  [/\bmoderate\b|\bquite (painful|sore)\b|\bpretty (painful|sore|bad)\b|还好吧|中等/iu, 5],
  [/\bmild(ly)?\b|\bslight(ly)?\b|\ba (little|bit)\b|\bminor\b|\bnot (too|that|very) bad\b|有点|有一点|有些|稍微|轻微|輕微|隐隐|隱隱|一点点|不太[疼痛]|不是很[疼痛]/iu, 3]
]

function scaleValue (text: string): number | null {
  const patterns = [
    /(?<![\d.])(\d{1,2}(?:\.\d)?)\s*(?:\/|out of|of)\s*10\b/iu,
    /(?:pain|severity|level|rate it|rated|score)\D{0,12}?(?<![\d.])(\d{1,2})(?![\d.%]|\s*(?:days?|hours?|weeks?|years?|am|pm))/iu,
    /(?:疼痛?|痛)(?:程度|评分|打分)?(?:有|是|打)?\s*(\d{1,2})\s*分/u,
    /(\d{1,2})\s*分(?:的)?(?:疼|痛)/u,
    /(?:十分之|10分之)(\d{1,2})/u
  ]
  for (const pattern of patterns) {
    const value = Number(text.match(pattern)?.[1])
    if (Number.isFinite(value) && value >= 0 && value <= 10) return value
  }
  return null
}

/** Pain or symptom severity on 0–10: "pain is 8/10" → 8, "疼得厉害" → 8, "有点" → 3. */
export function extractSeverity (text: string): Severity | null {
  const scale = scaleValue(text)
  if (scale !== null) return { value: scale, source: 'scale' }
  for (const [pattern, value] of SEVERITY_WORDS) {
    if (pattern.test(text)) return { value, source: 'words' }
  }
  return null
}
