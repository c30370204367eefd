import { randomBytes } from 'node:crypto'

// Crockford base32: no I, L, O or U, so a reference read aloud or retyped is hard to get wrong.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CODE_LENGTH = 6
const PREFIX = 'APT-'

/** A new random reference such as `APT-7K2M9Q` (32^6, about a billion, values). */
export function generateReference (random: (size: number) => Uint8Array = randomBytes): string {
  // 256 is a multiple of 32, so masking a byte keeps every character equally likely.
  const code = [...random(CODE_LENGTH)].map((byte) => CROCKFORD[byte & 31]).join('')
  return `${PREFIX}${code}`
}

/**
 * The canonical form of a reference a patient typed, or null. Case, spaces, dashes and the `APT`
 * prefix are optional, and the look-alikes O, I and L read as 0, 1 and 1 (Crockford decoding).
 */
export function normaliseReference (input: string): string | null {
  let code = input.normalize('NFKC').toUpperCase().replace(/[\s\-_]/g, '')
  if (code.length === CODE_LENGTH + 3 && code.startsWith('APT')) code = code.slice(3)
  code = code.replace(/O/g, '0').replace(/[IL]/g, '1')
  if (code.length !== CODE_LENGTH || [...code].some((character) => !CROCKFORD.includes(character))) return null
  return `${PREFIX}${code}`
}
