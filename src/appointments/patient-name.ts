// Letters of any script (Han included), combining marks, spaces, and the punctuation names use:
// dot, hyphen, apostrophe, and the middle dot of transliterated names (阿卜杜拉·买买提).
const NAME_CHARACTERS = /^[\p{L}\p{M} .'’\-·]+$/u
const HAS_LETTER = /\p{L}/u

/** The patient's name, trimmed with inner spaces collapsed, or null when it is not a plausible name. */
export function normalisePatientName (input: string): string | null {
  const name = input.normalize('NFKC').trim().replace(/\s+/g, ' ')
  if ([...name].length < 1 || [...name].length > 60) return null
  return NAME_CHARACTERS.test(name) && HAS_LETTER.test(name) ? name : null
}
