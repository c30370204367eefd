/**
 * The tokens, in the order given, while their summed document frequencies fit the budget (always
 * at least the first): bounds how many rows a match on them can touch.
 */
export function tokensWithinBudget (tokens: Array<{ token: string, documents: number }>, budget: number): string[] {
  const chosen: string[] = []
  let documents = 0
  for (const { token, documents: count } of tokens) {
    if (chosen.length > 0 && documents + count > budget) break
    chosen.push(token)
    documents += count
  }
  return chosen
}
