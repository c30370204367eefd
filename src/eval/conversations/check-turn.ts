import type { TurnExpectation } from './scenario-schema.ts'
import type { TurnResponse } from './conversation-driver.ts'

type Check = (expected: TurnExpectation, turn: TurnResponse) => string | null

// Bot messages with these keys touch symptoms or medicines, so api.md requires a disclaimer.
// safety.emergency.handoff is the "staff alerted" notice, not medical content, so it is left out.
const MEDICAL_KEY = /^(triage\.|safety\.refuse\.|safety\.emergency$)/

/** The first expectation this turn breaks, in words, or null when it meets them all. */
export function checkTurn (expected: TurnExpectation, turn: TurnResponse): string | null {
  for (const check of CHECKS) {
    const problem = check(expected, turn)
    if (problem) return problem
  }
  return null
}

const CHECKS: Check[] = [
  checkPhraseKeys,
  checkPhraseKeysAbsent,
  checkConversation,
  checkTriage,
  checkHandoff,
  checkAppointment,
  checkDisclaimer,
  checkText,
  checkMessagesEmpty,
  checkSources,
  checkQuickReplies
]

function checkQuickReplies ({ quickRepliesContain, quickRepliesDistinct }: TurnExpectation, turn: TurnResponse): string | null {
  const labels = turn.messages.flatMap((message) => (message.quickReplies ?? []).map((reply) => reply.label))
  const missing = (quickRepliesContain ?? []).filter((part) => !labels.some((label) => label.includes(part)))
  if (missing.length) return `expected a quick reply with ${missing.map((part) => JSON.stringify(part)).join(', ')}, got [${labels.join(' | ')}]`
  if (quickRepliesDistinct && new Set(labels).size !== labels.length) return `expected distinct quick replies, got [${labels.join(' | ')}]`
  return null
}

function keysOf (turn: TurnResponse): string[] {
  return turn.messages.map((message) => message.phraseKey ?? '(none)')
}

function checkPhraseKeys ({ phraseKeys }: TurnExpectation, turn: TurnResponse): string | null {
  const missing = (phraseKeys ?? []).filter((key) => !keysOf(turn).includes(key))
  return missing.length ? `expected phrase ${missing.join(', ')}, got [${keysOf(turn).join(', ')}]` : null
}

function checkPhraseKeysAbsent ({ phraseKeysAbsent }: TurnExpectation, turn: TurnResponse): string | null {
  const present = (phraseKeysAbsent ?? []).filter((key) => keysOf(turn).includes(key))
  return present.length ? `phrase ${present.join(', ')} should be absent, got [${keysOf(turn).join(', ')}]` : null
}

function checkConversation ({ flow, status }: TurnExpectation, turn: TurnResponse): string | null {
  if (flow !== undefined && turn.conversation.flow !== flow) return `expected flow ${flow}, got ${turn.conversation.flow}`
  if (status !== undefined && turn.conversation.status !== status) return `expected status ${status}, got ${turn.conversation.status}`
  return null
}

function checkTriage ({ triage: expected }: TurnExpectation, turn: TurnResponse): string | null {
  if (!expected) return null
  const { triage } = turn
  if (!triage) return `expected a triage outcome, got none (phrases [${keysOf(turn).join(', ')}])`
  if (expected.urgency !== undefined && triage.urgency !== expected.urgency) return `expected urgency ${expected.urgency}, got ${triage.urgency}`
  const department = triage.department?.code ?? null
  if (expected.department !== undefined && department !== expected.department) return `expected department ${expected.department}, got ${department}`
  if (expected.redFlagsNonEmpty !== undefined && (triage.redFlags.length > 0) !== expected.redFlagsNonEmpty) {
    return `expected red flags ${expected.redFlagsNonEmpty ? 'present' : 'absent'}, got [${triage.redFlags.join(', ')}]`
  }
  return null
}

function checkHandoff ({ handoff: expected }: TurnExpectation, turn: TurnResponse): string | null {
  if (!expected) return null
  const { handoff } = turn
  if (!handoff) return `expected a handoff, got none (status ${turn.conversation.status})`
  if (expected.priority !== undefined && handoff.priority !== expected.priority) return `expected handoff priority ${expected.priority}, got ${handoff.priority}`
  if (expected.status !== undefined && handoff.status !== expected.status) return `expected handoff status ${expected.status}, got ${handoff.status}`
  return null
}

function checkAppointment ({ appointment: expected }: TurnExpectation, turn: TurnResponse): string | null {
  if (!expected) return null
  if (!turn.appointment) return `expected an appointment, got none (phrases [${keysOf(turn).join(', ')}])`
  if (expected.status !== undefined && turn.appointment.status !== expected.status) return `expected appointment ${expected.status}, got ${turn.appointment.status}`
  return null
}

function checkDisclaimer ({ disclaimer }: TurnExpectation, turn: TurnResponse): string | null {
  if (!disclaimer) return null
  const medical = turn.messages.filter((message) => message.role === 'bot' && MEDICAL_KEY.test(message.phraseKey ?? ''))
  if (medical.length === 0) return `expected a medical message to carry a disclaimer, got none (phrases [${keysOf(turn).join(', ')}])`
  const bare = medical.filter((message) => !message.disclaimer?.trim())
  return bare.length ? `no disclaimer on ${bare.map((message) => message.phraseKey).join(', ')}` : null
}

function checkText ({ textContains, textNotMatches }: TurnExpectation, turn: TurnResponse): string | null {
  const texts = turn.messages.map((message) => message.text)
  const missing = (textContains ?? []).filter((part) => !texts.some((text) => text.includes(part)))
  if (missing.length) return `expected the text to contain ${missing.map((part) => JSON.stringify(part)).join(', ')}`
  if (textNotMatches === undefined) return null
  const pattern = new RegExp(textNotMatches, 'u')
  const offending = turn.messages.find((message) => pattern.test(message.text))
  return offending ? `text of ${offending.phraseKey ?? 'a message'} matches /${textNotMatches}/: ${JSON.stringify(excerpt(offending.text, pattern))}` : null
}

function checkMessagesEmpty ({ messagesEmpty }: TurnExpectation, turn: TurnResponse): string | null {
  if (messagesEmpty === undefined || (turn.messages.length === 0) === messagesEmpty) return null
  return messagesEmpty ? `expected no messages, got [${keysOf(turn).join(', ')}]` : 'expected a reply, got no messages'
}

function checkSources ({ sourcesNonEmpty }: TurnExpectation, turn: TurnResponse): string | null {
  if (sourcesNonEmpty === undefined) return null
  const cited = turn.messages.some((message) => (message.sources?.length ?? 0) > 0)
  if (cited === sourcesNonEmpty) return null
  return sourcesNonEmpty ? `expected a cited source, got none (phrases [${keysOf(turn).join(', ')}])` : 'expected no cited source, got one'
}

function excerpt (text: string, pattern: RegExp): string {
  const at = text.search(pattern)
  return text.slice(Math.max(0, at - 30), at + 40)
}
