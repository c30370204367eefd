import type { Channel, ConversationRecord } from '../conversations/conversation-store.ts'
import type { ClinicProfile } from '../clinics/clinic-directory.ts'
import { requestHandoff, type HandoffEvent } from '../handoff/handoff-status.ts'
import { composeReply, type ComposedMessage } from './compose-reply.ts'
import { commonVariables, missingVariablePolicy } from './common-variables.ts'
import { respondToGuardVerdict } from './safety-responses.ts'
import { applyOutputGuard } from './apply-output-guard.ts'
import { persistTurn } from './persist-turn.ts'
import { routeToFlow, type FlowRegistry } from './route-to-flow.ts'
import { belongsToTriage } from './understanding/route-clinical-messages.ts'
import { chooseReplyLocale } from './choose-reply-locale.ts'
import type { TurnServices } from './turn-services.ts'
import { checkInputTexts, translateInbound, translateReplies } from './translation/translate-turn.ts'
import { readConversationState, type AppointmentOutcome, type FlowOutcome, type TriageOutcome } from './turn-types.ts'

export type InboundMessage = {
  conversation: ConversationRecord
  text: string
  /** An inbound message with an external id: its answer is stored with the turn, for retries. */
  receipt?: { channel: Channel, externalId: string, render: (result: TurnResult) => unknown } | undefined
}

export type TurnResult = {
  messages: Array<ComposedMessage & { id: string }>
  conversation: ConversationRecord
  triage?: TriageOutcome
  appointment?: AppointmentOutcome
  handoffEvent?: HandoffEvent
}

/**
 * One patient turn, end to end: input guard, understanding and flow, composition from the vetted
 * corpus, output guard, and one transaction that stores it all. Guards run on every turn, in
 * every conversation status and on every channel.
 */
export async function runTurn (services: TurnServices & { flows: FlowRegistry }, inbound: InboundMessage): Promise<TurnResult> {
  const now = services.clock.now()
  const clinic = await requireClinic(services, inbound.conversation.clinicId)
  const detected = chooseReplyLocale(inbound.text, inbound.conversation.locale, readConversationState(inbound.conversation).active?.pending)
  // Another language: with a model configured the turn runs on an English translation and the
  // vetted English replies go back translated; guards see both the original and the translation.
  const translation = detected.unsupported ? await translateInbound(services.translator, inbound.text, services.logger) : null
  const locale = translation ? { ...detected, replyLocale: 'en', unsupported: false } : detected
  const verdict = checkInputTexts(services.guards, translation ? [inbound.text, translation.english] : [inbound.text])
  const started = { ...inbound.conversation, locale: locale.conversationLocale, turnCount: inbound.conversation.turnCount + 1, lastActivityAt: now }
  const outcome = await decideOutcome({ services, conversation: started, previousActivity: inbound.conversation.lastActivityAt, verdict, text: translation?.english ?? inbound.text, locale, clinic, now })
  const { conversation, handoffEvent } = applyOutcomeToConversation(started, outcome, now)
  const variables = commonVariables(clinic, locale.replyLocale, services)
  const composed = await Promise.all(outcome.replies.map((reply) => composeReply({ corpus: services.corpus, clinic, locale: locale.replyLocale, reply, commonVariables: variables, onMissingVariable: missingVariablePolicy(services) })))
  const guarded = await applyOutputGuard({ services, clinic, locale: locale.replyLocale, messages: composed, commonVariables: variables })
  const replies = translation && services.translator
    ? await translateReplies({ translator: services.translator, guards: services.guards, messages: guarded.messages, language: translation.language, logger: services.logger })
    : guarded.messages
  const result = (messages: TurnResult['messages'], saved: ConversationRecord): TurnResult => ({
    messages,
    conversation: saved,
    ...(outcome.triage ? { triage: outcome.triage } : {}),
    ...(outcome.appointment ? { appointment: outcome.appointment } : {}),
    ...(handoffEvent ? { handoffEvent } : {})
  })
  const { receipt } = inbound
  const stored = await persistTurn({
    services,
    conversation,
    expectedVersion: inbound.conversation.version,
    inboundText: inbound.text,
    replies,
    verdict,
    outputProblems: guarded.problems,
    now,
    receipt: receipt && { channel: receipt.channel, externalId: receipt.externalId, response: (messages, saved) => receipt.render(result(messages, saved)) }
  })
  return result(stored.messages, stored.conversation)
}

type DecideInput = {
  services: TurnServices & { flows: FlowRegistry }
  conversation: ConversationRecord
  previousActivity: Date
  verdict: ReturnType<TurnServices['guards']['checkInput']>
  text: string
  locale: ReturnType<typeof chooseReplyLocale>
  clinic: ClinicProfile
  now: Date
}

async function decideOutcome (input: DecideInput): Promise<FlowOutcome> {
  const { conversation, verdict } = input
  const urgent = verdict.verdict === 'emergency' || verdict.verdict === 'crisis'
  if (urgent) return respondToGuardVerdict(verdict)!
  // Reminder words ("stop", "退订", "taken", "snooze 30 min") and check-in readings work in every
  // flow and state; a reading outside the clinic's range escalates like a guard verdict.
  const reminderOutcome = await input.services.reminders?.handleTurn({ conversation, clinic: input.clinic, text: input.text, locale: input.locale.replyLocale, now: input.now })
  if (reminderOutcome) return reminderOutcome
  // With a human in charge the bot stays silent; the agent sees the message in the queue.
  if (conversation.status === 'waiting_agent' || conversation.status === 'with_agent') return { replies: [], next: readConversationState(conversation).active }
  const guardOutcome = respondToGuardVerdict(verdict)
  // A request for a diagnosis or a dose is refused, and the story or question is still triaged:
  // the patient learns how soon and where to be seen.
  if (guardOutcome && verdict.verdict === 'medical_advice' && isClinical(input)) {
    const triaged = await routeToFlow({ ...input, idleMinutes: input.services.idleMinutes, forceTriage: true })
    return { ...triaged, replies: [...guardOutcome.replies, ...triaged.replies] }
  }
  // A story of symptoms is triaged even when it also asks to "speak to someone" or trips an
  // injection pattern ("do I need to do anything now?"): the patient is told how soon and where to
  // be seen, and a request for a person is still handed off once triage has an answer.
  if (guardOutcome && (verdict.verdict === 'injection' || isHumanRequest(verdict)) && isClinical(input)) {
    const triaged = await routeToFlow({ ...input, idleMinutes: input.services.idleMinutes, forceTriage: true })
    if (verdict.verdict === 'injection') return triaged
    if (triaged.triage) return { ...triaged, replies: [...triaged.replies, ...guardOutcome.replies], next: null, handoff: guardOutcome.handoff! }
  }
  if (guardOutcome) return { ...guardOutcome, next: readConversationState(conversation).active }
  if (input.locale.unsupported) return { replies: [{ kind: 'info', key: 'smalltalk.language_unsupported' }], next: readConversationState(conversation).active }
  return routeToFlow({ ...input, idleMinutes: input.services.idleMinutes })
}

function isHumanRequest (verdict: DecideInput['verdict']): boolean {
  return verdict.verdict === 'sensitive' && verdict.matches.every((match) => match.category !== 'sensitive' || match.subtype === 'human_request')
}

function isClinical (input: DecideInput): boolean {
  return belongsToTriage({ reading: input.services.findings.read(input.text), text: input.text, intent: 'other', confidence: 0 })
}

function applyOutcomeToConversation (conversation: ConversationRecord, outcome: FlowOutcome, now: Date): { conversation: ConversationRecord, handoffEvent?: HandoffEvent } {
  // An offer lives for one turn: a reply that did not go through the flows drops it.
  const { offer: _offer, ...state } = readConversationState(conversation)
  const nextState = outcome.stateOverride
    ? { ...(state.lastTriage ? { lastTriage: state.lastTriage } : {}), ...outcome.stateOverride }
    : { ...state, active: outcome.next, ...(outcome.triage ? { lastTriage: outcome.triage } : {}) }
  const updated: ConversationRecord = { ...conversation, state: nextState, flow: nextState.active?.flow ?? null }
  if (!outcome.handoff) return { conversation: updated }
  const handed = requestHandoff(updated, { ...outcome.handoff, now })
  return { conversation: handed.conversation, handoffEvent: handed.event }
}

async function requireClinic (services: TurnServices, clinicId: string): Promise<ClinicProfile> {
  const clinic = await services.clinics.find(clinicId)
  if (!clinic) throw new Error(`clinic ${clinicId} does not exist`)
  return clinic
}
