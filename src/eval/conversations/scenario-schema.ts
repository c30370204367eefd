import { z } from 'zod'

// Strict objects throughout: a misspelt expectation must fail the load, never pass silently.
const regexSource = z.string().min(1).refine(isValidRegex, { error: 'must be a valid regular expression' })

const triageExpectation = z.strictObject({
  urgency: z.enum(['emergency', 'urgent', 'routine', 'self_care']).optional(),
  department: z.string().min(1).nullable().optional(),
  redFlagsNonEmpty: z.boolean().optional()
})

const handoffExpectation = z.strictObject({
  priority: z.enum(['emergency', 'high', 'normal']).optional(),
  status: z.enum(['waiting_agent', 'with_agent']).optional()
})

const appointmentExpectation = z.strictObject({
  status: z.enum(['booked', 'rescheduled', 'cancelled']).optional()
})

export const turnExpectationSchema = z.strictObject({
  phraseKeys: z.array(z.string().min(1)).optional(),
  phraseKeysAbsent: z.array(z.string().min(1)).optional(),
  flow: z.string().min(1).nullable().optional(),
  status: z.enum(['bot', 'waiting_agent', 'with_agent', 'closed']).optional(),
  triage: triageExpectation.optional(),
  handoff: handoffExpectation.optional(),
  appointment: appointmentExpectation.optional(),
  disclaimer: z.literal(true).optional(),
  textContains: z.array(z.string().min(1)).optional(),
  textNotMatches: regexSource.optional(),
  messagesEmpty: z.boolean().optional(),
  sourcesNonEmpty: z.boolean().optional(),
  /** Each string is part of some quick-reply label of this turn ("10:00", "周二"). */
  quickRepliesContain: z.array(z.string().min(1)).optional(),
  /** The quick replies of this turn are all different (no two identical times offered). */
  quickRepliesDistinct: z.literal(true).optional()
})

// What a later turn may reuse, as {{name}}: a dotted path into this turn's response.
// offer.N.label / .time / .day: the Nth quick reply of this turn, whole or its time ("09:30") or day part.
const captureSchema = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'capture names are letters, digits and _'), z.union([z.enum(['appointment.reference']), z.string().regex(/^offer\.[1-9]\.(label|time|day)$/, 'offer.N.label, offer.N.time or offer.N.day')]))

// A patient either types (`user`) or taps the Nth quick reply of the last bot turn (`tap`).
const turnSchema = z.strictObject({
  user: z.string().min(1).max(4000).optional(),
  tap: z.number().int().min(1).max(9).optional(),
  expect: turnExpectationSchema.default({}),
  capture: captureSchema.optional()
}).refine((turn) => (turn.user === undefined) !== (turn.tap === undefined), { error: 'a turn has exactly one of user or tap' })

export const scenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case letters, digits, dots and dashes'),
  locale: z.enum(['zh-CN', 'en']),
  description: z.string().min(1),
  /** Why the scenario is not run: a product bug it documents, reported to the lead. */
  skip: z.string().min(1).optional(),
  turns: z.array(turnSchema).min(1)
})

export type TurnExpectation = z.infer<typeof turnExpectationSchema>
export type ScenarioTurn = z.infer<typeof turnSchema>
export type ConversationScenario = z.infer<typeof scenarioSchema> & { file?: string }

function isValidRegex (source: string): boolean {
  try {
    RegExp(source, 'u')
    return true
  } catch {
    return false
  }
}
