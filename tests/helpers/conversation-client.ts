import type { FastifyInstance } from 'fastify'

/** A patient talking to the service through the public HTTP API, as the widget does. */
export async function startConversation (app: FastifyInstance, body: Record<string, unknown> = {}) {
  const response = await app.inject({ method: 'POST', url: '/v1/conversations', payload: body })
  if (response.statusCode !== 201) throw new Error(`start failed: ${response.statusCode} ${response.body}`)
  const started = response.json()
  return {
    id: started.conversation.id as string,
    token: started.token as string,
    greeting: started.messages,
    async say (text: string, extra: Record<string, unknown> = {}) {
      const reply = await app.inject({
        method: 'POST',
        url: `/v1/conversations/${started.conversation.id}/messages`,
        headers: { authorization: `Bearer ${started.token}` },
        payload: { text, ...extra }
      })
      if (reply.statusCode !== 200) throw new Error(`message failed: ${reply.statusCode} ${reply.body}`)
      return reply.json()
    }
  }
}

export function phraseKeys (turn: { messages: Array<{ phraseKey?: string }> }): string[] {
  return turn.messages.map((message) => message.phraseKey ?? '')
}
