// APT- plus six Crockford base32 characters (0-9, A-Z without I, L, O, U), as issued by the booking store.
const BOOKING_REFERENCE = /(?<![A-Za-z0-9])APT[-\s]?([0-9A-HJKMNP-TV-Z]{6})(?![A-Za-z0-9])/iu
const EVERY_BOOKING_REFERENCE = new RegExp(BOOKING_REFERENCE.source, 'giu')

/** A booking reference such as APT-7K2M9Q, normalised to upper case with the hyphen. */
export function extractBookingReference (text: string): string | null {
  const match = text.match(BOOKING_REFERENCE)
  return match?.[1] === undefined ? null : `APT-${match[1].toUpperCase()}`
}

/**
 * The text with its booking references blanked out: a reference is a random code, so the "ER" in
 * APT-ER5GFP is no emergency department and its letters are no words for the other extractors.
 */
export function withoutBookingReferences (text: string): string {
  return text.replace(EVERY_BOOKING_REFERENCE, ' ')
}
