const CHINA_MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/
const E164 = /^\+[1-9]\d{7,14}$/

/**
 * A phone number in E.164 (`+8613812345678`), or null. Accepts a Chinese mobile number with or
 * without +86/86, or any international number written with `+` (or `00`) and 8–15 digits.
 * Full-width digits and the usual separators (spaces, dashes, dots, brackets) are allowed.
 */
export function normalisePhone (input: string): string | null {
  const compact = input.normalize('NFKC').replace(/[\s\-.()]/g, '').replace(/^00/, '+')
  const mobile = CHINA_MOBILE.exec(compact)
  if (mobile) return `+86${mobile[1]}`
  return E164.test(compact) ? compact : null
}

/** `+86138****5678`: enough for staff to recognise a number without showing all of it. */
export function maskPhone (e164: string): string {
  if (e164.length <= 8) return `${e164.slice(0, 3)}****`
  return `${e164.slice(0, e164.length - 8)}****${e164.slice(-4)}`
}
