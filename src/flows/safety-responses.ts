import type { InputGuardVerdict } from './turn-services.ts'
import type { FlowOutcome, PlannedReply } from './turn-types.ts'

const REFUSAL_KEYS: Record<string, string> = {
  diagnosis: 'safety.refuse.diagnosis',
  prescription: 'safety.refuse.prescription',
  dosage: 'safety.refuse.dosage',
  medication_change: 'safety.refuse.medication_change'
}

const SENSITIVE_HANDOFFS: Record<string, { key: string, priority: 'high' | 'normal', reason: string }> = {
  complaint: { key: 'handoff.complaint', priority: 'high', reason: 'complaint' },
  legal: { key: 'handoff.complaint', priority: 'high', reason: 'legal' },
  privacy: { key: 'handoff.privacy', priority: 'normal', reason: 'privacy or records request' },
  human_request: { key: 'handoff.requested', priority: 'normal', reason: 'patient asked for a human' }
}

/**
 * What the input guard's verdict means for this turn, or null when the turn goes on to the flows.
 * Emergencies and crises end the turn here, whatever state the conversation is in.
 */
export function respondToGuardVerdict (verdict: InputGuardVerdict): FlowOutcome | null {
  switch (verdict.verdict) {
    case 'emergency': return emergencyOutcome(verdict)
    case 'crisis': return crisisOutcome(verdict)
    case 'sensitive': return sensitiveOutcome(verdict)
    case 'medical_advice': return refusalOutcome(verdict)
    case 'injection': return { replies: [{ kind: 'info', key: 'safety.injection' }], next: null }
    default: return null
  }
}

function emergencyOutcome (verdict: InputGuardVerdict): FlowOutcome {
  return {
    replies: [{ kind: 'emergency', key: 'safety.emergency', medical: true }, { kind: 'handoff', key: 'safety.emergency.handoff' }],
    next: null,
    triage: { urgency: 'emergency', department: 'emergency', redFlags: verdict.redFlags },
    handoff: { priority: 'emergency', reason: `emergency: ${verdict.redFlags.join(', ')}` }
  }
}

function crisisOutcome (verdict: InputGuardVerdict): FlowOutcome {
  const immediate = verdict.immediateDanger !== false
  return {
    replies: [{ kind: 'emergency', key: 'safety.crisis' }],
    next: null,
    triage: { urgency: immediate ? 'emergency' : 'urgent', department: 'psychiatry', redFlags: verdict.redFlags },
    handoff: { priority: immediate ? 'emergency' : 'high', reason: `crisis${immediate ? '' : ' (no immediate danger stated)'}: ${verdict.redFlags.join(', ')}` }
  }
}

function sensitiveOutcome (verdict: InputGuardVerdict): FlowOutcome {
  const subtype = verdict.matches.find((match) => match.category === 'sensitive')?.subtype ?? 'human_request'
  const handoff = SENSITIVE_HANDOFFS[subtype] ?? SENSITIVE_HANDOFFS.human_request!
  return { replies: [{ kind: 'handoff', key: handoff.key }], next: null, handoff: { priority: handoff.priority, reason: handoff.reason } }
}

function refusalOutcome (verdict: InputGuardVerdict): FlowOutcome {
  const subtype = verdict.matches.find((match) => match.category === 'medical_advice')?.subtype ?? 'diagnosis'
  const reply: PlannedReply = {
    kind: 'answer',
    key: REFUSAL_KEYS[subtype] ?? 'safety.refuse.diagnosis',
    medical: true,
    quickReplies: [{ label: 'appointment', value: 'book an appointment' }]
  }
  return { replies: [reply], next: null }
}
