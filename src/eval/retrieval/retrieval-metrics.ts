export type EvalQuery = { id: string, locale: string, query: string, expected: string, category?: string }

export type LocaleMetrics = { locale: string, queries: number, hitAt1: number, hitAt3: number, mrr: number }

/** Rank (1-based) of the first result matching the expected key, or null when absent. */
export function rankOf (resultKeys: string[], expected: string): number | null {
  const index = resultKeys.indexOf(expected)
  return index === -1 ? null : index + 1
}

/** hit@1, hit@3 and mean reciprocal rank per locale (ranks beyond the list count as misses). */
export function summarize (ranks: Array<{ locale: string, rank: number | null }>): LocaleMetrics[] {
  const locales = [...new Set(ranks.map((entry) => entry.locale))].sort()
  const round = (value: number) => Math.round(value * 1000) / 1000
  return [...locales, 'all'].map((locale) => {
    const subset = locale === 'all' ? ranks : ranks.filter((entry) => entry.locale === locale)
    const count = subset.length || 1
    return {
      locale,
      queries: subset.length,
      hitAt1: round(subset.filter((entry) => entry.rank === 1).length / count),
      hitAt3: round(subset.filter((entry) => entry.rank !== null && entry.rank <= 3).length / count),
      mrr: round(subset.reduce((sum, entry) => sum + (entry.rank ? 1 / entry.rank : 0), 0) / count)
    }
  })
}
