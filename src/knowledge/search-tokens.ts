// Chinese has no spaces and PostgreSQL's 'simple' parser keeps a run of Han characters as one
// word, so the app makes the tokens: lowercased Latin words and digits, plus every Han character
// and every pair of neighbouring Han characters. The same function tokenizes stored text and queries.

const HAN = /\p{Script=Han}/u
const WORD_OR_HAN_RUN = /[\p{Script=Han}]+|[\p{L}\p{N}]+/gu

// Function words that match almost every text; dropped from queries so ranking stays cheap and sharp.
const QUERY_STOPWORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'can', 'do', 'does', 'for', 'how', 'i', 'if', 'in', 'is', 'it',
  'me', 'my', 'of', 'on', 'or', 'the', 'to', 'what', 'when', 'where', 'which', 'with', 'you', 'your', 'we', 'our',
  '的', '了', '吗', '呢', '我', '是', '在', '有', '要', '吧', '啊', '么', '你', '们', '和', '就', '都', '也', '请', '问'
])

/** A function word that carries no meaning for search. */
export const isStopword = (token: string) => QUERY_STOPWORDS.has(token)

export type TokenOptions = {
  /** Include single Han characters (stored text: yes; queries: only when no bigram is left). */
  hanUnigrams?: boolean
}

/** Lowercased search tokens of a text: Latin words, Han characters and Han character bigrams. */
export function searchTokens (text: string, options: TokenOptions = {}): string[] {
  const { hanUnigrams = true } = options
  const tokens: string[] = []
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(WORD_OR_HAN_RUN)) {
    const run = match[0]
    if (!HAN.test(run)) {
      tokens.push(stem(run))
      continue
    }
    const characters = [...run]
    if (hanUnigrams || characters.length === 1) tokens.push(...characters)
    for (let index = 0; index + 1 < characters.length; index++) tokens.push(characters[index]! + characters[index + 1]!)
  }
  return tokens
}

/** Distinct, stopword-free tokens of a patient question or an agent's search words. */
export function queryTokens (text: string): string[] {
  const all = new Set(searchTokens(text, { hanUnigrams: false }))
  const meaningful = [...all].filter((token) => !QUERY_STOPWORDS.has(token) && !isStopBigram(token))
  return meaningful.length > 0 ? meaningful : [...all]
}

function isStopBigram (token: string): boolean {
  const characters = [...token]
  return characters.length === 2 && characters.every((character) => QUERY_STOPWORDS.has(character))
}

/** A light English stemmer: enough to make "appointments" meet "appointment". */
export function stem (word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word
  if (word.endsWith('ies') && word.length > 4) return word.slice(0, -3) + 'y'
  if (word.endsWith('sses')) return word.slice(0, -2)
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word
  if (word.endsWith('s')) return word.slice(0, -1)
  return word
}

/** Tokens joined for to_tsvector('simple', …): tokens contain only letters, digits and Han. */
export function tokenDocument (text: string): string {
  return searchTokens(text).join(' ')
}

/**
 * An OR query for to_tsquery('simple', …). Tokens are quoted, so no token can inject operators;
 * the last one may be a prefix (quick replies typed as you go).
 */
export function orQuery (tokens: string[], options: { prefixLast?: boolean } = {}): string {
  return tokens.map((token, index) => {
    const quoted = `'${token.replaceAll("'", '')}'`
    return options.prefixLast && index === tokens.length - 1 && !HAN.test(token) ? `${quoted}:*` : quoted
  }).join(' | ')
}
