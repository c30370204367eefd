import type { FlowHandler } from '../flow-context.ts'
import { MAIN_MENU, quickReplies } from '../quick-replies-menu.ts'
import type { FlowOutcome } from '../turn-types.ts'
import { isStandaloneAnswer } from '../standalone-answer.ts'
import { ANSWER_SCORE_THRESHOLDS } from '../answer-thresholds.ts'

const MEDICAL_CATEGORIES = new Set(['triage', 'medication'])
// Phrases that answer a question on their own; process phrases (booking steps, handoff notices) never do.
const STANDALONE_CATEGORIES = ['info', 'insurance', 'billing', 'medication']

/** Greetings, thanks, and anything no flow claims: answered from the corpus when it clearly fits. */
export const smalltalkFlow: FlowHandler = {
  async handle (context) {
    const menu = quickReplies(context.locale, MAIN_MENU)
    if (context.understanding.intent === 'greeting') return { replies: [{ kind: 'info', key: 'smalltalk.greeting', quickReplies: menu }], next: null }
    if (context.understanding.intent === 'thanks') return { replies: [{ kind: 'info', key: 'smalltalk.thanks' }], next: null }
    const results = await context.services.corpus.search({ clinicId: context.clinic.id, locale: context.locale, text: context.text, categories: STANDALONE_CATEGORIES, limit: 3 })
    const best = results.find((result) => isStandaloneAnswer(result.group))
    if (best && best.score >= ANSWER_SCORE_THRESHOLDS.unclaimed && best.category !== 'safety') {
      return { replies: [{ kind: 'answer', passage: best, medical: MEDICAL_CATEGORIES.has(best.category) }], next: null }
    }
    return cannotHandle(context.locale)
  },
  async reprompt () {
    return { replies: [], next: null }
  }
}

export function cannotHandle (locale: string): FlowOutcome {
  return { replies: [{ kind: 'info', key: 'smalltalk.cannot_handle', quickReplies: quickReplies(locale, MAIN_MENU) }], next: null }
}
