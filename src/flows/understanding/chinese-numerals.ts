const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9
}

const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/** Characters that may appear in a Chinese numeral; use it to build regular expressions. */
export const CHINESE_NUMERAL_CHARACTERS = '零〇一二两俩三四五六七八九十百千万'

const ENGLISH_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  couple: 2,
  few: 3,
  several: 3
}

/** English number words that `parseNumberWord` understands, as a regular-expression alternation. */
export const ENGLISH_NUMBER_WORDS = Object.keys(ENGLISH_NUMBERS).sort((first, second) => second.length - first.length).join('|')

function parseBelowTenThousand (text: string): number | null {
  let total = 0
  let pending: number | null = null
  for (const character of text) {
    const digit = DIGITS[character]
    const unit = UNITS[character]
    if (digit !== undefined) {
      pending = digit
    } else if (unit !== undefined) {
      // "十二" starts with a unit: an implicit one.
      total += (pending ?? 1) * unit
      pending = null
    } else {
      return null
    }
  }
  return total + (pending ?? 0)
}

/** Parses Chinese numerals such as 三, 十二, 二十五, 两百, 一万二千 (no decimals). */
export function parseChineseNumber (text: string): number | null {
  if (text === '') return null
  const parts = text.split('万')
  if (parts.length > 2) return null
  if (parts.length === 2) {
    const high = parts[0] === '' ? 1 : parseBelowTenThousand(parts[0] ?? '')
    const low = parts[1] === '' ? 0 : parseBelowTenThousand(parts[1] ?? '')
    return high === null || low === null ? null : high * 10000 + low
  }
  return parseBelowTenThousand(text)
}

/**
 * Parses a number written with digits ("12", "1,200", "1.5"), Chinese numerals ("十二", "两"),
 * or English words ("twelve", "twenty five", "a couple"). Returns null when it is not a number.
 */
export function parseNumberWord (text: string): number | null {
  const trimmed = text.trim().toLowerCase()
  if (/^\d[\d,]*(\.\d+)?$/.test(trimmed)) return Number(trimmed.replaceAll(',', ''))
  if (/^[零〇一二两俩三四五六七八九十百千万]+$/.test(trimmed)) return parseChineseNumber(trimmed)
  const words = trimmed.replace(/^a\s+(couple|few)(\s+of)?$/, '$1').split(/[\s-]+/)
  let total = 0
  for (const word of words) {
    const value = ENGLISH_NUMBERS[word]
    if (value === undefined) return null
    total += value
  }
  return words.length > 0 ? total : null
}
