import type { FlowHandler } from '../flow-context.ts'
import { cannotHandle } from './smalltalk-flow.ts'
import { isStandaloneAnswer } from '../standalone-answer.ts'
import { ANSWER_SCORE_THRESHOLDS } from '../answer-thresholds.ts'

/** Hours, address, directions, what to bring, visiting rules: one vetted answer per question. */
export const clinicInfoFlow: FlowHandler = {
  async handle (context) {
    const results = await context.services.corpus.search({ clinicId: context.clinic.id, locale: context.locale, text: context.text, categories: ['info'], limit: 3 })
    const best = results.find((result) => isStandaloneAnswer(result.group))
    if (!best || best.score < ANSWER_SCORE_THRESHOLDS.recognisedIntent) return cannotHandle(context.locale)
    return { replies: [{ kind: 'answer', passage: best }], next: null }
  },
  async reprompt () {
    return { replies: [], next: null }
  }
}
