import type { ApprovedPhrase, VettedCorpus } from '../flows/turn-services.ts'
import type { PhraseVersion } from './corpus-types.ts'
import type { PhraseStore } from './phrase-store.ts'
import type { Retriever } from './retrieval.ts'

const toApproved = (phrase: PhraseVersion): ApprovedPhrase => ({ id: phrase.id, group: phrase.group, version: phrase.version, title: phrase.title, body: phrase.body, category: phrase.category })

/** The knowledge base as the dialogue sees it: approved phrases by key, and retrieval with citations. */
export function createVettedCorpus ({ retriever, phrases, now }: { retriever: Retriever, phrases: PhraseStore, now: () => Date }): VettedCorpus {
  return {
    async phrases ({ clinicId, locale, groups }) {
      const found = await phrases.approvedPhrases(clinicId, locale, [...new Set(groups)], now())
      return new Map([...found].map(([group, phrase]) => [group, toApproved(phrase)]))
    },
    async search (input) {
      const items = await retriever.retrieve(input)
      return items.map((item) => ({
        kind: item.kind,
        id: item.id,
        version: item.version,
        title: item.sectionPath ? `${item.title} › ${item.sectionPath}` : item.title,
        body: item.body,
        group: item.group ?? null,
        score: item.score,
        category: item.category
      }))
    }
  }
}
