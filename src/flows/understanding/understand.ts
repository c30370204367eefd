import type { Understander, Understanding } from '../flow-context.ts'
import { maxUrgency, type Urgency } from '../triage-vocabulary.ts'
import type { LlmUnderstander, ModelUnderstanding } from './llm-understanding.ts'
import type { UnderstandByRulesOptions } from './rule-understanding.ts'
import type { Intent, Understanding as RulesUnderstanding } from './understanding-types.ts'

/** Below this the rules are guessing, and the model may pick the intent instead. */
const LOW_RULE_CONFIDENCE = 0.6
/** Intents only the rules may choose: resetting a conversation needs the patient's explicit words. */
const RULES_ONLY_INTENTS: ReadonlySet<Intent> = new Set(['start_over'])

export type UnderstandingLogger = { warn: (details: Record<string, unknown>, message: string) => void }

type CreateUnderstanderOptions = {
  rules: (input: UnderstandByRulesOptions) => RulesUnderstanding
  /** Absent when no model is configured: the rules answer alone. */
  llm?: LlmUnderstander | undefined
  /** A hard limit on the model call; past it the turn goes on with the rules. */
  timeoutMs: number
  logger?: UnderstandingLogger | undefined
}

/**
 * Rules always; the model, when configured, only within a hard timeout and only to fill in what the
 * rules could not: the intent when the rules were unsure, a higher urgency floor, a department.
 * Any failure of the model leaves the rules' understanding, never an error for the patient.
 */
export function createUnderstander ({ rules, llm, timeoutMs, logger }: CreateUnderstanderOptions): Understander {
  return async (input) => {
    const ruled: Understanding = { ...rules(input), source: 'rules' }
    if (!llm) return ruled
    try {
      const model = await withDeadline((signal) => llm({ text: input.text, locale: input.locale, activeFlow: input.activeFlow, signal }), timeoutMs)
      return mergeUnderstanding(ruled, model, { flowActive: input.activeFlow !== null })
    } catch (error) {
      logger?.warn({ reason: error instanceof Error ? error.message : String(error) }, 'model understanding failed; using the rules alone')
      return ruled
    }
  }
}

/**
 * The model may change the intent only when the rules were unsure and no dialogue is in progress
 * (there, a message the rules cannot place is an answer to the flow's question); it may only raise urgency.
 */
export function mergeUnderstanding (ruled: Understanding, model: ModelUnderstanding, { flowActive }: { flowActive: boolean }): Understanding {
  const rulesUnsure = ruled.intent === 'other' || ruled.confidence < LOW_RULE_CONFIDENCE
  const modelDecides = rulesUnsure && !flowActive && !RULES_ONLY_INTENTS.has(model.intent)
  const intent = modelDecides ? model.intent : ruled.intent
  const department = ruled.slots.department ?? (intent === 'triage' ? undefined : model.department ?? undefined)
  const urgencyFloor = raisedFloor(ruled.urgencyFloor, model.urgencyHint)
  return {
    intent,
    confidence: modelDecides ? model.confidence : ruled.confidence,
    // The model's department never steers triage: there the rules route by symptoms.
    slots: department ? { ...ruled.slots, department } : ruled.slots,
    source: 'model',
    ...(urgencyFloor ? { urgencyFloor } : {})
  }
}

/** self_care is the lowest level, so as a floor it says nothing. */
function raisedFloor (current: Urgency | undefined, hint: Urgency | null): Urgency | undefined {
  if (!hint || hint === 'self_care') return current
  return current ? maxUrgency(current, hint) : hint
}

async function withDeadline<T> (run: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T> {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new Error(`model understanding timed out after ${timeoutMs} ms`))
    }, timeoutMs)
  })
  try {
    return await Promise.race([run(controller.signal), deadline])
  } finally {
    clearTimeout(timer)
  }
}
