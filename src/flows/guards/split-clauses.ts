// Sentence ends (a dot inside "38.5" is not one), line breaks, and contrastive conjunctions:
// "no fever but crushing chest pain" must not let "no" reach past "but". 不过 is "but" only at a
// clause start; inside a verb (喘不过气, 熬不过) it is a complement.
const CLAUSE_BREAK = /(?:\.(?!\d)|[!?;。！？；\n]|(?<![a-z])(?:but|however|although|though|except)(?![a-z])|但是|但|可是|(?<=^|[,\s])不过|然而|只是|就是)/u

/** Splits normalised text into clauses, the scope of a negation. */
export function splitClauses (text: string): string[] {
  return text.split(CLAUSE_BREAK).map((clause) => clause.trim()).filter((clause) => clause.length > 0)
}

/** The comma-separated segment of a clause around a position, the scope of a time marker. */
export function segmentAround (clause: string, index: number): string {
  const start = clause.lastIndexOf(',', index - 1) + 1
  const nextComma = clause.indexOf(',', index)
  return clause.slice(start, nextComma === -1 ? undefined : nextComma)
}
