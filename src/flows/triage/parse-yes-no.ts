export type YesNoAnswer = 'yes' | 'no' | 'unknown'

// Checked first: "不知道" contains 不 and "not sure" contains not.
const UNKNOWN = /^没有了[，,。\s]*(?:就|$)|就(?:是)?(?:我)?(?:刚才)?说的(?:这些|那些)|就这些|\b(?:that'?s|thats) (?:all|everything)\b|\btold you everything\b|\bnothing (?:else|more)\b|不知道|不清楚|不确定|说不好|说不清|不好说|不晓得|搞不清|没注意|^(可能|也许|大概)|\b(i )?(don'?t|do not|dont) know\b|\bnot sure\b|\bunsure\b|\bno idea\b|\bdunno\b|\bmaybe\b|\bperhaps\b|\bcan'?t tell\b|\bnot certain\b|\bidk\b/iu
const NO = /^(不是|不|没有|没|无|否|都没有|没有的|不会|不用|还好|没呢)|^(no|nope|nah|n|not really|none|never|neither|negative)\b|\b(i'?m not|it'?s not|he'?s not|she'?s not|isn'?t|doesn'?t|don'?t|didn'?t|hasn'?t|haven'?t|no,)\b/iu
const YES = /^(是|是的|对|对的|嗯|有|有的|会|确实|没错|好像是|好像有|yes)|\b(yes|yeah|yep|yup|y|sure|correct|right|definitely|absolutely|indeed|i am|i do|it is|it does|he is|she is|he does|she does|it did|true)\b/iu

/** A plain yes / no / don't-know reply in Chinese or English; null when it is neither. */
export function parseYesNo (text: string): YesNoAnswer | null {
  const trimmed = text.trim().toLowerCase()
  if (UNKNOWN.test(trimmed)) return 'unknown'
  if (NO.test(trimmed)) return 'no'
  if (YES.test(trimmed)) return 'yes'
  return null
}
