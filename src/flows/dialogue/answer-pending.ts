import type { FlowState } from '../turn-types.ts'
import type { PendingOffer, ReplyAnswer } from './pending-question.ts'
import { readReply, type ReadContext } from './read-reply.ts'

export type PendingAnswer =
  | { to: 'active', answer: ReplyAnswer }
  | { to: 'offer', answer: ReplyAnswer, offer: PendingOffer }

/**
 * Reads the reply against the active flow's pending question, or, with no flow active, against
 * the offer the last reply made. null when nothing was pending or the reply did not answer it.
 */
export function readPendingAnswer (input: { active: FlowState | null, offer: PendingOffer | undefined, text: string } & ReadContext): PendingAnswer | null {
  const { active, offer, text } = input
  if (active?.pending) {
    const answer = readReply(active.pending, text, input)
    return answer ? { to: 'active', answer } : null
  }
  if (!active && offer) {
    const answer = readReply(offer, text, input)
    return answer && answer.kind !== 'unknown' ? { to: 'offer', answer, offer } : null
  }
  return null
}
