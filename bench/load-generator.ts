import { Agent, request as httpRequest } from 'node:http'
import { randomUUID } from 'node:crypto'
import { PATIENT_JOURNEYS } from './patient-texts.ts'
import { summarizeLatencies, type LatencySummary } from './statistics.ts'

export type LoadTarget = 'turn' | 'reference'

export type LoadOptions = {
  port: number
  target: LoadTarget
  concurrency: number
  durationMs: number
  /** Called every ~100 ms while the load runs (e.g. to sample RSS). */
  onTick?: () => void
  /**
   * Paced patients: after each answer a patient reads and types for a time drawn uniformly from
   * [min, max] ms before the next message (and first speaks after such a pause, so they do not all
   * start at once). Absent: a closed loop with no pause, which measures saturation throughput.
   */
  thinkMs?: { min: number, max: number }
}

export type LoadResult = {
  target: LoadTarget
  concurrency: number
  thinkMs: { min: number, max: number } | null
  seconds: number
  turns: number
  turnsPerSecond: number
  latency: LatencySummary
  conversationsStarted: number
  /** Non-2xx answers and transport errors by status ("error" for the latter). */
  failures: Record<string, number>
}

type Reply = { status: number, body: string }

/**
 * A closed loop of simulated patients over loopback HTTP with keep-alive connections: each patient
 * starts a conversation, says the texts of its journey one after another (waiting for each answer),
 * then starts a new conversation. Only message turns completed inside the window are counted.
 */
export async function runLoad (options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency })
  const latencies: number[] = []
  const failures: Record<string, number> = {}
  let conversationsStarted = 0
  const started = performance.now()
  const deadline = started + options.durationMs
  const ticker = options.onTick ? setInterval(options.onTick, 100) : undefined
  const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => sendJson(agent, options.port, method, path, body, headers)

  const think = options.thinkMs
  const pause = (first = false) => {
    if (!think) return Promise.resolve()
    const milliseconds = first ? Math.random() * think.max : think.min + Math.random() * (think.max - think.min)
    return sleep(Math.min(milliseconds, Math.max(0, deadline - performance.now())))
  }

  async function patient (index: number): Promise<void> {
    const journey = PATIENT_JOURNEYS[index % PATIENT_JOURNEYS.length]!
    await pause(true)
    while (performance.now() < deadline) {
      const conversation = await openConversation(options.target, journey.locale, send, failures)
      if (!conversation) continue
      conversationsStarted += 1
      for (const text of journey.texts) {
        if (performance.now() >= deadline) return
        const sentAt = performance.now()
        const reply = await send('POST', conversation.path, { text, ...(options.target === 'reference' ? { locale: journey.locale } : {}) }, conversation.headers)
        const finishedAt = performance.now()
        if (reply.status !== 200) failures[String(reply.status || 'error')] = (failures[String(reply.status || 'error')] ?? 0) + 1
        else if (finishedAt <= deadline) latencies.push(finishedAt - sentAt)
        await pause()
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: options.concurrency }, (_, index) => patient(index)))
  } finally {
    if (ticker) clearInterval(ticker)
    agent.destroy()
  }
  const seconds = options.durationMs / 1000
  return {
    target: options.target,
    concurrency: options.concurrency,
    thinkMs: think ?? null,
    seconds,
    turns: latencies.length,
    turnsPerSecond: latencies.length / seconds,
    latency: summarizeLatencies(latencies),
    conversationsStarted,
    failures
  }
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

type Send = (method: string, path: string, body: unknown, headers?: Record<string, string>) => Promise<Reply>

async function openConversation (target: LoadTarget, locale: string, send: Send, failures: Record<string, number>): Promise<{ path: string, headers: Record<string, string> } | null> {
  if (target === 'reference') return { path: `/reference/${randomUUID()}/messages`, headers: {} }
  const reply = await send('POST', '/v1/conversations', { locale })
  if (reply.status !== 201) {
    failures[`start ${reply.status || 'error'}`] = (failures[`start ${reply.status || 'error'}`] ?? 0) + 1
    await new Promise((resolve) => setTimeout(resolve, 50))
    return null
  }
  const started = JSON.parse(reply.body) as { conversation: { id: string }, token: string }
  return { path: `/v1/conversations/${started.conversation.id}/messages`, headers: { authorization: `Bearer ${started.token}` } }
}

function sendJson (agent: Agent, port: number, method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Reply> {
  const payload = JSON.stringify(body)
  return new Promise((resolve) => {
    const outgoing = httpRequest({
      agent,
      host: '127.0.0.1',
      port,
      method,
      path,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers }
    }, (incoming) => {
      const chunks: Buffer[] = []
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      incoming.on('error', () => resolve({ status: 0, body: '' }))
    })
    outgoing.on('error', () => resolve({ status: 0, body: '' }))
    outgoing.end(payload)
  })
}
