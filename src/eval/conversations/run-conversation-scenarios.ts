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
  let last: TurnResponse | null = null
  for (const [index, turn] of scenario.turns.entries()) {
    const played = await playTurn({ say: conversation.say, turn, captured, last })
    if (typeof played === 'string') return { failedTurn: index + 1, reason: played }
    last = played
  }
  return {}
}

async function playTurn ({ say, turn, captured, last }: { say: (text: string) => Promise<TurnResponse>, turn: ScenarioTurn, captured: Map<string, string>, last: TurnResponse | null }): Promise<string | TurnResponse> {
  const text = turn.tap === undefined ? substitute(turn.user ?? '', captured) : tapped(last, turn.tap)
  if (typeof text !== 'string') return text.problem
  let response: TurnResponse
  try {
    response = await say(text)
  } catch (error) {
    return describe(error)
  }
  const problem = checkTurn(turn.expect, response) ?? capture(turn, response, captured)
  return problem ?? response
}

/** What tapping the Nth quick reply of the last bot turn sends. */
function tapped (last: TurnResponse | null, index: number): string | { problem: string } {
  const value = quickRepliesOf(last)[index - 1]?.value
  return value ?? { problem: `there is no quick reply ${index} to tap` }
}

function quickRepliesOf (response: TurnResponse | null): Array<{ label: string, value: string }> {
  return (response?.messages ?? []).flatMap((message) => message.quickReplies ?? [])
}

/** Fills {{name}} from earlier captures; a name not captured yet is a scenario error. */
function substitute (text: string, captured: Map<string, string>): string | { problem: string } {
  const unknown = [...text.matchAll(/\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g)].map((match) => match[1]!).find((name) => !captured.has(name))
  if (unknown) return { problem: `{{${unknown}}} is used before an earlier turn captured it` }
  return text.replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g, (_match, name: string) => captured.get(name)!)
}

function capture (turn: ScenarioTurn, response: TurnResponse, captured: Map<string, string>): string | null {
  for (const [name, path] of Object.entries(turn.capture ?? {})) {
    const value = path.startsWith('offer.') ? readOffer(response, path) : readPath(response, path)
    if (typeof value !== 'string' || value === '') return `cannot capture ${name}: ${path} is absent from the response`
    captured.set(name, value)
  }
  return null
}

/** offer.N.label / .time / .day of this turn's quick replies ("Mon 14 Dec 09:00" → "09:00" / "Mon 14 Dec"). */
function readOffer (response: TurnResponse, path: string): string | undefined {
  const [, index, part] = path.split('.')
  const label = quickRepliesOf(response)[Number(index) - 1]?.label
  if (label === undefined) return undefined
  const time = /\d{1,2}:\d{2}$/.exec(label)?.[0]
  if (part === 'time') return time
  if (part === 'day') return time ? label.slice(0, -time.length).trim() : label
  return label
}

function readPath (value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((current, part) => current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[part] : undefined, value)
}

function describe (error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
