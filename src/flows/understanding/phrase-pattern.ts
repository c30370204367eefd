// Chinese patients write 疼 and 痛 interchangeably (and a few traditional forms); fold them before matching.
const FOLDS: Array<[RegExp, string]> = [
  [/疼/gu, '痛'],
  [/頭/gu, '头'],
  [/腸/gu, '肠'],
  [/脹/gu, '胀'],
  [/燒/gu, '烧'],
  [/喉嚨/gu, '喉咙'],
  [/瀉/gu, '泻'],
  [/癢/gu, '痒'],
  [/膚/gu, '肤'],
  [/醫/gu, '医'],
  [/腫/gu, '肿']
]

/** Lower-cases and folds Chinese variants so that lexicon phrases match patient wording. */
export function normalizeText (text: string): string {
  return FOLDS.reduce((folded, [pattern, replacement]) => folded.replace(pattern, replacement), text.toLowerCase())
}

const HAN = /\p{Script=Han}/u
// A "*" in a Chinese phrase is a short gap inside one clause: 胃*痛 matches 胃痛, 胃部痛, 胃有点痛.
const CLAUSE_GAP = '[^，。,.!?！？；;\\s]{0,4}'

function escapeForRegExp (text: string): string {
  return text.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')
}

/**
 * Compiles one lexicon phrase. Chinese phrases are literal text with "*" gaps; English phrases are
 * regular-expression sources matched on word boundaries ("cough(ing)?", "sore throat").
 */
export function compilePhrase (phrase: string): RegExp {
  const normalized = normalizeText(phrase)
  if (HAN.test(normalized)) {
    return new RegExp(normalized.split('*').map(escapeForRegExp).join(CLAUSE_GAP), 'gu')
  }
  return new RegExp(`(?<![a-z])(?:${normalized})(?![a-z])`, 'giu')
}

const CHINESE_NEGATION = /(没有|沒有|没|沒|无|無|不|否认|未|并非|并不)[^，。,.!?！？]{0,1}$/u
const ENGLISH_NEGATION = /\b(no|not|never|without|denies|deny|don'?t have|doesn'?t have|haven'?t had|hasn'?t had|isn'?t|wasn'?t|free of)\b[^,.;!?]{0,14}$/iu

/** Whether the phrase matched at `index` is denied just before it ("没有发烧", "no fever"). */
export function isNegatedAt (text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 20), index)
  return CHINESE_NEGATION.test(before.slice(-3)) || ENGLISH_NEGATION.test(before)
}

/** The positions where a compiled phrase occurs without being denied. */
export function affirmedMatches (text: string, pattern: RegExp): RegExpExecArray[] {
  return [...text.matchAll(pattern)].filter((match) => !isNegatedAt(text, match.index))
}
