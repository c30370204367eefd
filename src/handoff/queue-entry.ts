// Imports nothing: the browser console (src/console) shares this type with the service.

/** One conversation in the agents' queue, as GET /v1/agent/queue lists it. */
export type QueueEntry = {
  id: string
  status: 'waiting_agent' | 'with_agent'
  priority: 'emergency' | 'high' | 'normal'
  reason: string
  channel: string
  locale: string
  waitingSince: string | null
  summary: {
    triage?: { urgency: string, department: { code: string, name: string } | null, redFlags: string[] }
    /** The flow the bot was in when it handed over (e.g. triage, appointment). */
    flow: string | null
    lastMessages: Array<{ role: string, text: string, at: string, agent?: { name: string } }>
  }
  assignedTo: { id: string, name: string } | null
}
