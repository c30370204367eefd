import { z } from 'zod'

export const GUARD_CATEGORIES = ['emergency', 'crisis', 'sensitive', 'medical_advice', 'injection'] as const
export const SENSITIVE_SUBTYPES = ['complaint', 'legal', 'human_request', 'privacy'] as const
export const MEDICAL_ADVICE_SUBTYPES = ['diagnosis', 'prescription', 'dosage', 'medication_change'] as const
export const HANDOFF_PRIORITIES = ['emergency', 'high', 'normal'] as const
export const RULE_LOCALES = ['en', 'zh-CN'] as const

export type GuardCategory = typeof GUARD_CATEGORIES[number]
export type GuardSubtype = typeof SENSITIVE_SUBTYPES[number] | typeof MEDICAL_ADVICE_SUBTYPES[number]
export type HandoffPriority = typeof HANDOFF_PRIORITIES[number]

const patternSource = z.string().min(1).refine(isValidRegex, { message: 'not a valid regular expression' })

const guardRuleSchema = z.object({
  id: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/),
  category: z.enum(GUARD_CATEGORIES),
  subtype: z.enum([...SENSITIVE_SUBTYPES, ...MEDICAL_ADVICE_SUBTYPES]).optional(),
  priority: z.enum(HANDOFF_PRIORITIES),
  /** Any one of these matching (and not negated) fires the rule. */
  patterns: z.array(patternSource).default([]),
  /** Co-occurrence: every group must have one affirmed match somewhere in the message. */
  all: z.array(z.array(patternSource).min(1)).min(2).optional(),
  examples: z.array(z.string().min(1)).min(1),
  nearMisses: z.array(z.string().min(1)).min(1)
}).superRefine((rule, context) => {
  for (const problem of ruleConsistencyProblems(rule)) context.addIssue({ code: 'custom', message: `${rule.id}: ${problem}` })
})

export const ruleSetSchema = z.object({
  version: z.string().regex(/^\d{4}-\d{2}-\d{2}\.\d+$/),
  locale: z.enum(RULE_LOCALES),
  rules: z.array(guardRuleSchema).min(1)
}).superRefine((ruleSet, context) => {
  const seen = new Set<string>()
  for (const rule of ruleSet.rules) {
    if (seen.has(rule.id)) context.addIssue({ code: 'custom', message: `duplicate rule id ${rule.id}` })
    seen.add(rule.id)
  }
})

export type GuardRule = z.infer<typeof guardRuleSchema>
export type RuleSet = z.infer<typeof ruleSetSchema>
export type RuleSetInput = z.input<typeof ruleSetSchema>

/** Parses reviewed rule data; throws with every problem listed when the data is invalid. */
export function parseRuleSet (data: unknown): RuleSet {
  const result = ruleSetSchema.safeParse(data)
  if (!result.success) throw new Error(`invalid guard rule set:\n${z.prettifyError(result.error)}`)
  return result.data
}

/** The handoff priority a category (and subtype) must carry. */
export function expectedPriority (category: GuardCategory, subtype?: GuardSubtype): HandoffPriority {
  if (category === 'emergency' || category === 'crisis') return 'emergency'
  if (subtype === 'complaint' || subtype === 'legal') return 'high'
  return 'normal'
}

function ruleConsistencyProblems (rule: z.infer<typeof guardRuleSchema>): string[] {
  const problems: string[] = []
  if (!rule.id.startsWith(`${rule.category}.`)) problems.push(`id must start with "${rule.category}."`)
  if (rule.patterns.length === 0 && !rule.all) problems.push('needs patterns or an all group')
  if (rule.priority !== expectedPriority(rule.category, rule.subtype)) problems.push(`priority must be ${expectedPriority(rule.category, rule.subtype)}`)
  const allowed: readonly string[] = rule.category === 'sensitive'
    ? SENSITIVE_SUBTYPES
    : rule.category === 'medical_advice' ? MEDICAL_ADVICE_SUBTYPES : []
  if (allowed.length > 0 && !rule.subtype) problems.push('needs a subtype')
  if (rule.subtype && !allowed.includes(rule.subtype)) problems.push(`subtype ${rule.subtype} is not allowed for ${rule.category}`)
  return problems
}

function isValidRegex (source: string): boolean {
  try {
    RegExp(source, 'u')
    return true
  } catch {
    return false
  }
}
