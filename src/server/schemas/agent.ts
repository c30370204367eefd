import { z } from 'zod'
import { errorResponseSchema } from './error.ts'
import { feedMessageSchema } from './conversation-feed.ts'

export const agentRoleSchema = z.enum(['agent', 'supervisor', 'admin'])

export const agentSchema = z.object({ id: z.string(), name: z.string(), role: agentRoleSchema, clinicId: z.string(), email: z.string() }).describe('Agent')

export const loginBodySchema = z.object({
  clinicId: z.string().min(1).max(64),
  email: z.string().trim().min(3).max(200),
  password: z.string().min(1).max(200)
}).strict()

export const createAgentBodySchema = z.object({
  email: z.email({ error: 'must be an email address' }).max(200),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(10, 'must be at least 10 characters').max(200),
  role: agentRoleSchema.default('agent')
}).strict()

export const clinicParamsSchema = z.object({ clinicId: z.string().min(1).max(64) })
export const agentConversationParamsSchema = z.object({ id: z.string().min(1).max(64) })

const prioritySchema = z.enum(['emergency', 'high', 'normal'])

export const queueEntrySchema = z.object({
  id: z.string(),
  status: z.enum(['waiting_agent', 'with_agent']),
  priority: prioritySchema,
  reason: z.string(),
  channel: z.string(),
  locale: z.string(),
  waitingSince: z.string().nullable(),
  summary: z.object({
    triage: z.object({ urgency: z.string(), department: z.object({ code: z.string(), name: z.string() }).nullable(), redFlags: z.array(z.string()) }).optional(),
    flow: z.string().nullable(),
    lastMessages: z.array(z.object({ role: z.string(), text: z.string(), at: z.string(), agent: z.object({ name: z.string() }).optional() }))
  }),
  assignedTo: z.object({ id: z.string(), name: z.string() }).nullable()
}).describe('QueueEntry')

export const handoffStateSchema = z.object({
  id: z.string(),
  status: z.enum(['bot', 'waiting_agent', 'with_agent', 'closed']),
  priority: prioritySchema.nullable(),
  assignedTo: z.object({ id: z.string(), name: z.string() }).nullable()
})

export const transcriptSchema = z.object({
  conversation: queueEntrySchema.extend({ statusNow: z.string() }),
  messages: z.array(feedMessageSchema),
  variables: z.record(z.string(), z.string()).describe('Values for quick replies\' {{variables}} in this conversation')
})

export const agentMessageBodySchema = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters'),
  phraseId: z.uuid({ error: 'must be a phrase id' }).optional(),
  clientMessageId: z.string().min(1).max(128).optional()
}).strict()

export const transferBodySchema = z.union([
  z.object({ agentId: z.string().min(1).max(64) }).strict(),
  z.object({ toQueue: z.literal(true) }).strict()
])

export const resolveBodySchema = z.object({
  note: z.string().max(4000).optional(),
  returnToBot: z.boolean().optional()
}).strict()

const staffedWindow = z.object({ open: z.string().regex(/^\d{2}:\d{2}$/), close: z.string().regex(/^\d{2}:\d{2}$/) })
export const handoffSettingsSchema = z.object({
  staffedHours: z.partialRecord(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']), z.array(staffedWindow)).optional(),
  minutesPerConversation: z.number().int().min(1).max(240).optional()
}).strict()

export const agentErrors = {
  400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 406: errorResponseSchema, 409: errorResponseSchema, 429: errorResponseSchema, 503: errorResponseSchema
}
