import type { Database } from '../db/database.ts'
import { AppError } from '../errors.ts'
import { normalisePhone } from '../appointments/phone-number.ts'
import { normaliseReference } from '../appointments/appointment-reference.ts'
import { CONVERSATION_RECORD_COLUMNS, toConversationRecord } from '../conversations/conversation-store.ts'
import type { AuditTrail } from './audit-trail.ts'
import type { ErasureCounts } from './erase-patient-data.ts'
import type { PatientDataExport } from './export-patient-data.ts'
import type { MessageCipher } from './message-cipher.ts'
import type { PatientDataRights, RightsRequester } from './patient-data-rights.ts'

/** The caller's proof, read out on the phone: the number they booked with and the booking reference. */
export type PatientProof = { phone: string, bookingReference: string }

export type VerifiedPatient = {
  appointment: { id: string, reference: string, status: string, department: string, start: string }
  conversations: Array<{ id: string, channel: string, startedAt: string, lastActivityAt: string, messages: number }>
}

type StaffMember = { id: string, clinicId: string }

export type AgentVerifiedPatientDataOptions = {
  database: Database
  cipher: MessageCipher
  audit: AuditTrail
  rights: PatientDataRights
  now: () => Date
  /** Failed verifications an agent may make per window before being refused (429). */
  maxFailures?: number
  windowMinutes?: number
}

const LOOKUP_FAILED = 'patient_data.lookup_failed'

/**
 * A patient who phones the clinic: a supervisor or admin proves who they are by the phone number
 * and booking reference of one of their appointments (both must match the same booking), then
 * exports or erases on their behalf. A wrong pair answers exactly as an unknown one (404), every
 * attempt is audited, and failures are counted from the audit trail itself, so the limit holds
 * across instances and restarts.
 */
export function createAgentVerifiedPatientData (options: AgentVerifiedPatientDataOptions) {
  const { database, cipher, audit, rights, now } = options
  const maxFailures = options.maxFailures ?? 5
  const windowMs = (options.windowMinutes ?? 15) * 60_000

  async function refuseWhenLimited (agent: StaffMember, ip: string | undefined): Promise<void> {
    const since = new Date(now().getTime() - windowMs)
    const failures = await audit.list({ clinicId: agent.clinicId, actorKind: 'agent', actorId: agent.id, action: LOOKUP_FAILED, from: since, limit: maxFailures })
    if (failures.length < maxFailures) return
    const oldest = failures[failures.length - 1]!.occurredAt.getTime()
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + windowMs - now().getTime()) / 1000))
    await audit.record({ clinicId: agent.clinicId, actor: { kind: 'agent', id: agent.id }, action: 'patient_data.lookup_refused', ip, detail: { failuresInWindow: failures.length } })
    throw new AppError('RATE_LIMITED', `too many failed patient verifications: try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`, { details: { retryAfterSeconds } })
  }

  /** The booking both proofs point to, and its conversation with that channel account's others. */
  async function verify (agent: StaffMember, proof: PatientProof, ip: string | undefined): Promise<VerifiedPatient> {
    const phone = normalisePhone(proof.phone)
    if (!phone) throw new AppError('VALIDATION_FAILED', 'body.phone: not a phone number (a Chinese mobile number, or + and the country code)')
    const reference = normaliseReference(proof.bookingReference)
    if (!reference) throw new AppError('VALIDATION_FAILED', 'body.bookingReference: not a booking reference (APT- and six letters or digits)')
    await refuseWhenLimited(agent, ip)
    const found = await findVerified(agent.clinicId, reference, phone)
    if (!found) {
      await audit.record({ clinicId: agent.clinicId, actor: { kind: 'agent', id: agent.id }, action: LOOKUP_FAILED, ip, detail: {} })
      throw new AppError('NOT_FOUND', 'no booking of this clinic matches this phone number and booking reference')
    }
    await audit.record({
      clinicId: agent.clinicId,
      actor: { kind: 'agent', id: agent.id },
      action: 'patient_data.verified',
      subject: { kind: 'appointment', id: found.appointment.id },
      ip,
      detail: { conversationIds: found.conversations.map((conversation) => conversation.id) }
    })
    return found
  }

  async function findVerified (clinicId: string, reference: string, phone: string): Promise<VerifiedPatient | null> {
    // One query for both proofs: a right reference with a wrong phone costs the same as an unknown one.
    const booking = await database.query<{ id: string, reference: string, status: string, department: string, start_at: Date, conversation_id: string | null }>(
      `SELECT a.id, a.reference, a.status, a.department, s.start_at, a.conversation_id FROM appointments a JOIN slots s ON s.id = a.slot_id
       WHERE a.clinic_id = $1 AND a.reference = $2 AND a.phone_hash = ANY($3::text[]) AND a.erased_at IS NULL`,
      [clinicId, reference, cipher.lookup.candidates('phone', phone)])
    const row = booking.rows[0]
    if (!row) return null
    const conversations = await database.query<{ id: string, channel: string, created_at: Date, last_activity_at: Date, messages: number }>(
      `SELECT c.id, c.channel, c.created_at, c.last_activity_at, (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id)::int AS messages
       FROM conversations c
       WHERE c.clinic_id = $1 AND (c.id = $2 OR (c.channel = $3 AND c.channel_user_hash = ANY($4::text[])))
       ORDER BY c.created_at, c.id`, [clinicId, row.conversation_id, ...await channelAccountOf(clinicId, row.conversation_id)])
    return {
      appointment: { id: row.id, reference: row.reference, status: row.status, department: row.department, start: row.start_at.toISOString() },
      conversations: conversations.rows.map((conversation) => ({
        id: conversation.id, channel: conversation.channel, startedAt: conversation.created_at.toISOString(), lastActivityAt: conversation.last_activity_at.toISOString(), messages: conversation.messages
      }))
    }
  }

  /** The booking conversation's channel and the lookup hashes (under every key) of its channel account; none on the web. */
  async function channelAccountOf (clinicId: string, conversationId: string | null): Promise<[string | null, string[]]> {
    if (!conversationId) return [null, []]
    const booked = await database.query<Record<string, unknown>>(
      `SELECT ${CONVERSATION_RECORD_COLUMNS.join(', ')} FROM conversations WHERE clinic_id = $1 AND id = $2`, [clinicId, conversationId])
    const conversation = booked.rows[0] ? toConversationRecord(booked.rows[0], cipher) : null
    if (!conversation || conversation.channel === 'web' || !conversation.channelUserId) return [null, []]
    return [conversation.channel, cipher.lookup.candidates('channel-user', conversation.channelUserId)]
  }

  const requester = (agent: StaffMember, ip: string | undefined): RightsRequester => ({ actor: { kind: 'agent', id: agent.id }, ip, via: 'agent' })
  const scopeOf = (agent: StaffMember, verified: VerifiedPatient) => ({
    clinicId: agent.clinicId, conversationIds: verified.conversations.map((conversation) => conversation.id), appointmentIds: [verified.appointment.id]
  })

  return {
    /** What the proofs unlock: the booking and the conversations that an export or erasure would cover. */
    lookup: (agent: StaffMember, proof: PatientProof, ip?: string): Promise<VerifiedPatient> => verify(agent, proof, ip),

    async export (agent: StaffMember, proof: PatientProof, ip?: string): Promise<PatientDataExport> {
      return rights.exportScope(scopeOf(agent, await verify(agent, proof, ip)), requester(agent, ip))
    },

    async erase (agent: StaffMember, proof: PatientProof, ip?: string): Promise<ErasureCounts> {
      return rights.eraseScope(scopeOf(agent, await verify(agent, proof, ip)), requester(agent, ip))
    }
  }
}

export type AgentVerifiedPatientData = ReturnType<typeof createAgentVerifiedPatientData>
