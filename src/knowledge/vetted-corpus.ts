import type { VettedCorpus } from '../flows/turn-services.ts'
import type { Retriever } from './retrieval.ts'

/** The knowledge base as the dialogue sees it: approved phrases by key, and retrieval with citations. */
export function createVettedCorpus (retriever: Retriever): VettedCorpus {
  return {
    async phrase ({ clinicId, locale, group }) {
      const phrase = await retriever.getApprovedPhrase({ clinicId, locale, group })
      return phrase ? { id: phrase.id, group: phrase.group, version: phrase.version, title: phrase.title, body: phrase.body, category: phrase.category } : null
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
