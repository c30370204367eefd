import type { FastifyInstance } from 'fastify'
import { startDriverConversation, type TurnResponse } from '../conversations/conversation-driver.ts'

/** What a patient who has nothing to add says to every follow-up question (issue 11's protocol). */
export const NEUTRAL_ANSWERS: Record<string, string> = {
  en: "I'm not sure, I've told you everything I know",
  'zh-CN': '没有了，就是我说的这些。'
}

const MAX_FOLLOW_UPS = 4

export type PlayedCase = {
  /** The last triage the conversation reported, if any. */
  triage: TurnResponse['triage'] | null
  /** Every vetted phrase key the bot answered with, in order. */
  phraseKeys: string[]
  followUps: number
  handoff: boolean
}

/**
 * Plays one patient message through the whole turn (HTTP API: guards, understanding, flows), then
 * answers each follow-up question neutrally until the bot stops asking.
 */
export async function playCase (app: FastifyInstance, input: { locale: string, text: string }): Promise<PlayedCase> {
  const conversation = await startDriverConversation(app, input.locale)
  const neutral = NEUTRAL_ANSWERS[input.locale] ?? NEUTRAL_ANSWERS.en!
  let response = await conversation.say(input.text)
  const phraseKeys: string[] = []
  let triage = response.triage ?? null
  let handoff = response.handoff !== undefined
  let followUps = 0
  for (;;) {
    phraseKeys.push(...response.messages.map((message) => message.phraseKey ?? `(${message.kind})`))
    const last = response.messages.at(-1)
    if (!last || last.kind !== 'question' || followUps >= MAX_FOLLOW_UPS || triage) break
    followUps += 1
    response = await conversation.say(neutral)
    triage = response.triage ?? triage
    handoff ||= response.handoff !== undefined
  }
  return { triage, phraseKeys, followUps, handoff }
}
