import { fill, type UiText } from './locales.ts'
import type { ConversationStatus } from './types.ts'

export const HANDED_OFF: ConversationStatus[] = ['waiting_agent', 'with_agent']

/** The notice a patient sees when the conversation changes hands; null when there is nothing to say. */
export function statusNotice (previous: ConversationStatus, next: ConversationStatus, text: UiText, agentName?: string): string | null {
  if (previous === next) return null
  if (next === 'waiting_agent') return text.waitingAgent
  if (next === 'with_agent') return agentName ? fill(text.agentJoined, { name: agentName }) : text.agentJoinedNoName
  if (next === 'closed') return text.closed
  return HANDED_OFF.includes(previous) ? text.backToBot : null
}
