import type { FastifyInstance } from 'fastify'
import { checkTurn } from './check-turn.ts'
import { startDriverConversation, type TurnResponse } from './conversation-driver.ts'
import type { ConversationScenario, ScenarioTurn } from './scenario-schema.ts'

export type ScenarioResult = {
  id: string
  locale: string
  file?: string
  status: 'passed' | 'failed' | 'skipped'
  /** 1-based index of the first failing turn; 0 when the conversation could not start. */
  failedTurn?: number
  reason?: string
  skipReason?: string
  /** For a skipped scenario run anyway: whether the bug it documents is still there. */
  rerun?: 'still_fails' | 'now_passes'
}

type RunOptions = {
  app: FastifyInstance
  scenarios: ConversationScenario[]
  /** Run skipped scenarios too, to see whether the bug they document is fixed (still reported as skipped). */
  runSkipped?: boolean
}

/**
 * Plays each scenario through the public HTTP API, one after another, and reports pass or fail
 * with the first failing turn and why. A skipped scenario is reported with its reason.
 */
export async function runConversationScenarios ({ app, scenarios, runSkipped = false }: RunOptions): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = []
  for (const scenario of scenarios) {
    const base = { id: scenario.id, locale: scenario.locale, ...(scenario.file ? { file: scenario.file } : {}) }
    if (scenario.skip && !runSkipped) {
      results.push({ ...base, status: 'skipped', skipReason: scenario.skip })
      continue
    }
    const outcome = await playScenario(app, scenario)
    const failed = outcome.failedTurn !== undefined
    if (scenario.skip) results.push({ ...base, ...outcome, status: 'skipped', skipReason: scenario.skip, rerun: failed ? 'still_fails' : 'now_passes' })
    else results.push({ ...base, ...outcome, status: failed ? 'failed' : 'passed' })
  }
  return results
}

async function playScenario (app: FastifyInstance, scenario: ConversationScenario): Promise<{ failedTurn?: number, reason?: string }> {
  let conversation
  try {
    conversation = await startDriverConversation(app, scenario.locale)
  } catch (error) {
    return { failedTurn: 0, reason: describe(error) }
  }
  const captured = new Map<string, string>()
  for (const [index, turn] of scenario.turns.entries()) {
    const problem = await playTurn({ say: conversation.say, turn, captured })
    if (problem) return { failedTurn: index + 1, reason: problem }
  }
  return {}
}

async function playTurn ({ say, turn, captured }: { say: (text: string) => Promise<TurnResponse>, turn: ScenarioTurn, captured: Map<string, string> }): Promise<string | null> {
  const text = substitute(turn.user, captured)
  if (typeof text !== 'string') return text.problem
  let response: TurnResponse
  try {
    response = await say(text)
  } catch (error) {
    return describe(error)
  }
  const problem = checkTurn(turn.expect, response)
  if (problem) return problem
  return capture(turn, response, captured)
}

/** Fills {{name}} from earlier captures; a name not captured yet is a scenario error. */
function substitute (text: string, captured: Map<string, string>): string | { problem: string } {
  const unknown = [...text.matchAll(/\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g)].map((match) => match[1]!).find((name) => !captured.has(name))
  if (unknown) return { problem: `{{${unknown}}} is used before an earlier turn captured it` }
  return text.replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g, (_match, name: string) => captured.get(name)!)
}

function capture (turn: ScenarioTurn, response: TurnResponse, captured: Map<string, string>): string | null {
  for (const [name, path] of Object.entries(turn.capture ?? {})) {
    const value = readPath(response, path)
    if (typeof value !== 'string' || value === '') return `cannot capture ${name}: ${path} is absent from the response`
    captured.set(name, value)
  }
  return null
}

function readPath (value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((current, part) => current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[part] : undefined, value)
}

function describe (error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
