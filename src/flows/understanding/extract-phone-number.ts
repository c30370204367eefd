/** A phone number in E.164 form: CN mobiles (1[3-9]xxxxxxxxx, +86…) and international +CC numbers. */
export function extractPhoneNumber (text: string): string | null {
  const candidates = text.match(/(?:\+|00)?\d[\d\s\-().]{6,20}\d/gu) ?? []
  for (const candidate of candidates) {
    const international = candidate.trim().startsWith('+') || candidate.trim().startsWith('00')
    const digits = candidate.replace(/\D/gu, '').replace(/^00/u, '')
    if (!international && /^1[3-9]\d{9}$/u.test(digits)) return `+86${digits}`
    if (!international && /^861[3-9]\d{9}$/u.test(digits)) return `+${digits}`
    if (international && /^[1-9]\d{7,14}$/u.test(digits)) return `+${digits}`
  }
  return null
}
