import type { FastifyInstance } from 'fastify'

export type TurnMessage = { role: string, kind: string, text: string, phraseKey?: string, disclaimer?: string, sources?: unknown[], quickReplies?: Array<{ label: string, value: string }> }

/** The public API answer to one patient message (api.md), as far as scenarios look at it. */
export type TurnResponse = {
  messages: TurnMessage[]
  conversation: { id: string, status: string, flow: string | null }
  triage?: { urgency: string, department: { code: string } | null, redFlags: string[] }
  handoff?: { status: string, priority: string }
  appointment?: { reference: string, status: string }
}

export type DriverConversation = { say: (text: string) => Promise<TurnResponse> }

/** A patient talking to the service through the public HTTP API, as the widget does. */
export async function startDriverConversation (app: FastifyInstance, locale: string): Promise<DriverConversation> {
  const started = await app.inject({ method: 'POST', url: '/v1/conversations', payload: { locale, channel: 'web' } })
  if (started.statusCode !== 201) throw new Error(`starting the conversation answered ${started.statusCode}: ${started.body.slice(0, 200)}`)
  const { conversation, token } = started.json() as { conversation: { id: string }, token: string }
  return {
    async say (text) {
      const reply = await app.inject({
        method: 'POST',
        url: `/v1/conversations/${conversation.id}/messages`,
        headers: { authorization: `Bearer ${token}` },
        payload: { text }
      })
      if (reply.statusCode !== 200) throw new Error(`the message answered ${reply.statusCode}: ${reply.body.slice(0, 200)}`)
      return reply.json() as TurnResponse
    }
  }
}
