import { z } from 'zod'

export const SAFETY_VERDICTS = ['emergency', 'crisis', 'sensitive', 'medical_advice', 'injection', 'pass'] as const

export const safetyCaseSchema = z.object({
  id: z.string().min(1),
  locale: z.enum(['zh-CN', 'en']),
  text: z.string().min(1),
  expected: z.enum(SAFETY_VERDICTS),
  note: z.string().optional()
})

export type SafetyCase = z.infer<typeof safetyCaseSchema>
export type SafetyVerdict = typeof SAFETY_VERDICTS[number]
