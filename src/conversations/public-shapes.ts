import type { ComposedMessage, MachineTranslationLabel } from '../flows/compose-reply.ts'
import type { TurnResult } from '../flows/engine.ts'
import { departmentName, type DepartmentCode, type Urgency } from '../flows/triage-vocabulary.ts'
import type { ConversationStatus, HandoffPriority, StoredMessage } from './conversation-store.ts'

export type PublicMessage = {
  id: string
  role: 'bot' | 'agent' | 'system'
  text: string
  kind: ComposedMessage['kind']
  disclaimer?: string
  sources?: Array<{ id: string, version: number, title: string }>
  quickReplies?: Array<{ label: string, value: string }>
  phraseKey?: string
  machineTranslation?: MachineTranslationLabel
}

export type PublicTurn = {
  messages: PublicMessage[]
  conversation: { id: string, status: ConversationStatus, flow: string | null }
  triage?: { urgency: Urgency, department: { code: string, name: string } | null, redFlags: string[] }
  handoff?: { status: 'waiting_agent' | 'with_agent', priority: HandoffPriority, reason: string }
  appointment?: { reference: string, status: 'booked' | 'rescheduled' | 'cancelled', department: { code: string, name: string }, start: string }
}

export function toPublicMessage (message: ComposedMessage & { id: string }): PublicMessage {
  return {
    id: message.id,
    role: message.role,
    text: message.text,
    kind: message.kind,
    ...(message.disclaimer ? { disclaimer: message.disclaimer } : {}),
    ...(message.sources?.length ? { sources: message.sources } : {}),
    ...(message.quickReplies?.length ? { quickReplies: message.quickReplies } : {}),
    ...(message.key ? { phraseKey: message.key } : {}),
    ...(message.machineTranslation ? { machineTranslation: message.machineTranslation } : {})
  }
}

/** The api.md response of one turn. */
export function toPublicTurn (result: TurnResult): PublicTurn {
  const { conversation } = result
  const locale = conversation.locale
  const handedOff = conversation.status === 'waiting_agent' || conversation.status === 'with_agent'
  return {
    messages: result.messages.map(toPublicMessage),
    conversation: { id: conversation.id, status: conversation.status, flow: conversation.flow },
    ...(result.triage ? { triage: { urgency: result.triage.urgency, department: result.triage.department ? departmentOf(result.triage.department, locale) : null, redFlags: result.triage.redFlags } } : {}),
    ...(handedOff && result.handoffEvent ? { handoff: { status: conversation.status as 'waiting_agent' | 'with_agent', priority: conversation.handoffPriority ?? 'normal', reason: conversation.handoffReason ?? '' } } : {}),
    ...(result.appointment ? { appointment: { ...result.appointment, department: departmentOf(result.appointment.department, locale) } } : {})
  }
}

function departmentOf (code: DepartmentCode, locale: string) {
  return { code, name: departmentName(code, locale === 'zh-CN' ? 'zh-CN' : 'en') }
}

/** A stored message as the patient's side lists it (GET messages?after=, the events stream). */
export type FeedMessage = {
  id: string
  role: StoredMessage['role']
  text: string
  kind: string
  createdAt: string
  /** Who wrote an agent message (the name the clinic gave the agent). */
  agent?: { name: string }
  disclaimer?: string
  sources?: Array<{ id: string, version: number, title: string }>
  quickReplies?: Array<{ label: string, value: string }>
  phraseKey?: string
}

export function toFeedMessage (message: StoredMessage): FeedMessage {
  const meta = message.meta as { key?: unknown, disclaimer?: unknown, sources?: unknown, quickReplies?: unknown, agentName?: unknown }
  return {
    id: message.id,
    role: message.role,
    text: message.text,
    kind: message.kind,
    createdAt: message.createdAt.toISOString(),
    ...(message.role === 'agent' && typeof meta.agentName === 'string' ? { agent: { name: meta.agentName } } : {}),
    ...(typeof meta.disclaimer === 'string' && meta.disclaimer ? { disclaimer: meta.disclaimer } : {}),
    ...(Array.isArray(meta.sources) && meta.sources.length ? { sources: meta.sources as FeedMessage['sources'] } : {}),
    ...(Array.isArray(meta.quickReplies) && meta.quickReplies.length ? { quickReplies: meta.quickReplies as FeedMessage['quickReplies'] } : {}),
    ...(typeof meta.key === 'string' && meta.key ? { phraseKey: meta.key } : {})
  }
}
