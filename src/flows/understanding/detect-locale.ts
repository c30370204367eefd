import type { MessageLocale } from './understanding-types.ts'

// Scripts that are never zh-CN or English. Japanese is recognised by kana, since it also uses Han.
const OTHER_SCRIPTS = [
  /[\u3040-\u30ff]/gu, // Japanese kana
  /[\uac00-\ud7af\u1100-\u11ff]/gu, // Korean Hangul
  /[\u0600-\u06ff]/gu, // Arabic
  /[\u0400-\u04ff]/gu, // Cyrillic
  /[\u0590-\u05ff]/gu, // Hebrew
  /[\u0e00-\u0e7f]/gu, // Thai
  /[\u0900-\u097f]/gu, // Devanagari
  /[\u0370-\u03ff]/gu // Greek
]

const ENGLISH_WORDS = new Set([
  'the', 'and', 'i', 'my', 'is', 'it', 'to', 'of', 'a', 'have', 'has', 'in', 'for', 'with', 'you', 'me', 'am',
  'are', 'was', 'what', 'can', 'do', 'does', 'not', 'no', 'yes', 'hi', 'hello', 'please', 'thanks', 'thank',
  'pain', 'since', 'days', 'be', 'been', 'this', 'that', 'how', 'when', 'feel', 'hurts', 'want', 'need', 'ok',
  'okay', 'appointment', 'book', 'hey', 'help', 'doctor', 'from', 'at', 'on', 'there', 'an', 'bad', 'sick'
])

const OTHER_LATIN_WORDS = new Set([
  // Spanish / Portuguese / Italian
  'el', 'la', 'los', 'las', 'que', 'de', 'y', 'es', 'por', 'para', 'con', 'una', 'un', 'tengo', 'dolor', 'hola',
  'gracias', 'mi', 'muy', 'estoy', 'cabeza', 'não', 'nao', 'eu', 'tenho', 'obrigado', 'olá', 'uma', 'sono', 'ho',
  'il', 'di', 'che', 'ciao', 'grazie', 'buenos', 'dias', 'días', 'pero', 'como', 'cómo', 'desde', 'hace',
  // French
  'le', 'les', 'des', 'et', 'je', 'suis', 'est', 'une', 'mal', 'bonjour', 'merci', 'avec', 'pour', 'pas', "j'ai", 'depuis',
  // German / Dutch
  'der', 'die', 'das', 'und', 'ich', 'habe', 'nicht', 'ist', 'ein', 'eine', 'mit', 'hallo', 'danke', 'seit', 'kopfschmerzen',
  'het', 'een', 'niet', 'ik', 'heb',
  // Indonesian / Malay / Vietnamese (unaccented forms)
  'saya', 'sakit', 'dan', 'tidak', 'yang', 'terima', 'kasih', 'toi', 'khong'
])

const NON_ENGLISH_LATIN_LETTERS = /[ñ¿¡ãõçßäöüœæøåàèìòùâêîôûáíóúéăđơư]/giu

function countMatches (text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0
}

function latinWords (text: string): string[] {
  return text.toLowerCase().match(/[a-zà-ÿăđơư']+/gu) ?? []
}

function isOtherLatin (text: string, words: string[]): boolean {
  let english = 0
  let other = 0
  for (const word of words) {
    if (ENGLISH_WORDS.has(word)) english += 1
    if (OTHER_LATIN_WORDS.has(word)) other += 1
  }
  other += countMatches(text, NON_ENGLISH_LATIN_LETTERS)
  // Words shared by several languages ("a", "no", "me") sit in both lists; demand a clear lead.
  return other > english && (other >= 2 || words.length <= 2)
}

/**
 * The language of one message. Mixed Chinese and English counts as zh-CN when Han characters are
 * a substantial part of it (patients often write "我想book一个appointment"). Text with no letters at all
 * (digits, emoji, "8/10") gets the fallback, normally the conversation's locale.
 */
export function detectLocale (text: string, fallback: MessageLocale = 'en'): MessageLocale {
  const otherScript = OTHER_SCRIPTS.reduce((sum, pattern) => sum + countMatches(text, pattern), 0)
  const han = countMatches(text, /\p{Script=Han}/gu)
  const words = latinWords(text)
  const latinLetters = words.join('').length
  if (otherScript > 0 && otherScript >= han / 2) return 'other'
  // One Han character carries about as much as four Latin letters.
  if (han > 0 && (han >= 2 || words.length === 0) && han * 4 >= latinLetters) return 'zh-CN'
  if (words.length === 0) return han > 0 ? 'zh-CN' : fallback
  return isOtherLatin(text, words) ? 'other' : 'en'
}
