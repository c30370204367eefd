import { z } from 'zod'

export const startConversationBodySchema = z.object({
  clinicId: z.string().min(1).max(64).optional(),
  locale: z.string().min(2).max(16).optional(),
  channel: z.literal('web').optional()
}).strict()

export const sendMessageBodySchema = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters'),
  clientMessageId: z.string().min(1).max(128).optional()
}).strict()

export const conversationParamsSchema = z.object({ id: z.string().min(1).max(64) })

const messageSchema = z.object({
  id: z.string(),
  role: z.enum(['bot', 'agent', 'system']),
  text: z.string(),
  kind: z.enum(['answer', 'question', 'emergency', 'handoff', 'info']),
  disclaimer: z.string().optional(),
  sources: z.array(z.object({ id: z.string(), version: z.number(), title: z.string() })).optional(),
  quickReplies: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
  phraseKey: z.string().optional(),
  machineTranslation: z.object({
    language: z.string(),
    original: z.object({ text: z.string(), disclaimer: z.string().optional() })
  }).optional().describe('Present when the text was machine-translated from the vetted English reply (the original is given)')
}).describe('Message')

const departmentSchema = z.object({ code: z.string(), name: z.string() })

export const startConversationResponseSchema = z.object({
  conversation: z.object({ id: z.string(), status: z.literal('bot') }),
  token: z.string(),
  messages: z.array(messageSchema)
})

export const turnResponseSchema = z.object({
  messages: z.array(messageSchema),
  conversation: z.object({ id: z.string(), status: z.enum(['bot', 'waiting_agent', 'with_agent', 'closed']), flow: z.string().nullable() }),
  triage: z.object({ urgency: z.enum(['emergency', 'urgent', 'routine', 'self_care']), department: departmentSchema.nullable(), redFlags: z.array(z.string()) }).optional(),
  handoff: z.object({ status: z.enum(['waiting_agent', 'with_agent']), priority: z.enum(['emergency', 'high', 'normal']), reason: z.string() }).optional(),
  appointment: z.object({ reference: z.string(), status: z.enum(['booked', 'rescheduled', 'cancelled']), department: departmentSchema, start: z.string() }).optional()
})
