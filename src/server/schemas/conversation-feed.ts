import { z } from 'zod'

export const feedMessageSchema = z.object({
  id: z.string(),
  role: z.enum(['patient', 'bot', 'agent', 'system']),
  text: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  agent: z.object({ name: z.string() }).optional().describe('Who wrote an agent message'),
  disclaimer: z.string().optional(),
  sources: z.array(z.object({ id: z.string(), version: z.number(), title: z.string() })).optional(),
  quickReplies: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
  phraseKey: z.string().optional()
}).describe('FeedMessage')

export const conversationStateSchema = z.object({
  id: z.string(),
  status: z.enum(['bot', 'waiting_agent', 'with_agent', 'closed']),
  handoff: z.object({ status: z.enum(['waiting_agent', 'with_agent']), priority: z.enum(['emergency', 'high', 'normal']) }).optional()
})

export const feedResponseSchema = z.object({ conversation: conversationStateSchema, messages: z.array(feedMessageSchema) })
