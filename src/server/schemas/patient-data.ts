import { z } from 'zod'
import { feedMessageSchema } from './conversation-feed.ts'

const isoOrNull = z.string().nullable()
const names = z.record(z.string(), z.string())

const reminderSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string().nullable(),
  schedule: z.unknown(),
  timezone: z.string(),
  channel: z.string(),
  locale: z.string(),
  status: z.string(),
  checkInId: z.string().nullable(),
  nextAt: isoOrNull,
  createdAt: z.string(),
  stoppedAt: isoOrNull,
  deliveries: z.array(z.object({ occurrenceAt: z.string(), kind: z.string(), status: z.string(), sentAt: isoOrNull, response: z.string().nullable(), respondedAt: isoOrNull }))
})

const exportedConversationSchema = z.object({
  id: z.string(),
  channel: z.string(),
  channelUserId: z.string().nullable(),
  locale: z.string(),
  status: z.string(),
  startedAt: z.string(),
  lastActivityAt: z.string(),
  turns: z.number(),
  triage: z.object({ urgency: z.string(), department: z.object({ code: z.string(), name: z.string() }).nullable(), redFlags: z.array(z.string()) }).nullable(),
  dialogueState: z.record(z.string(), z.unknown()).describe('The dialogue\'s working state as stored (flow in progress, what it collected)'),
  messages: z.array(feedMessageSchema),
  reminders: z.array(reminderSchema),
  checkInReadings: z.array(z.object({ metric: z.string(), values: z.unknown(), level: z.string(), createdAt: z.string() })),
  handoffs: z.array(z.object({
    priority: z.string(), reason: z.string().nullable(), requestedAt: z.string(), claimedAt: isoOrNull, firstAgentReplyAt: isoOrNull, resolvedAt: isoOrNull, outcome: z.string().nullable(), note: z.string().nullable()
  })),
  safetyChecks: z.array(z.object({ guard: z.string(), category: z.string(), ruleId: z.string(), at: z.string() }))
})

export const patientDataExportSchema = z.object({
  format: z.literal('clinic-chat-patient-data/1'),
  exportedAt: z.string(),
  clinic: z.object({ id: z.string(), name: names }),
  conversations: z.array(exportedConversationSchema),
  appointments: z.array(z.object({
    reference: z.string(),
    status: z.string(),
    department: z.object({ code: z.string(), name: names }),
    doctor: z.object({ id: z.string(), name: names }).nullable(),
    start: z.string(),
    end: z.string(),
    patient: z.object({ name: z.string(), phone: z.string() }),
    createdAt: z.string(),
    updatedAt: z.string()
  })),
  channelIdentities: z.array(z.object({ channel: z.string(), userId: z.string(), lastInboundAt: isoOrNull }))
}).describe('PatientDataExport')

/** What a caller reads out on the phone; both must belong to the same booking. */
export const patientProofBodySchema = z.object({
  phone: z.string().trim().min(3).max(32),
  bookingReference: z.string().trim().min(3).max(32)
}).strict()

export const verifiedPatientSchema = z.object({
  appointment: z.object({ id: z.string(), reference: z.string(), status: z.string(), department: z.string(), start: z.string() }),
  conversations: z.array(z.object({ id: z.string(), channel: z.string(), startedAt: z.string(), lastActivityAt: z.string(), messages: z.number() }))
}).describe('VerifiedPatient')

export const retentionSettingsResponseSchema = z.object({ conversationDays: z.number(), countsDays: z.number() }).describe('RetentionSettings')

/** PUT body: fields left out keep their value; the merged settings are validated as a whole. */
export const retentionSettingsBodySchema = z.object({
  conversationDays: z.number().int().min(1).max(3650).optional(),
  countsDays: z.number().int().min(1).max(36500).optional()
}).strict()
