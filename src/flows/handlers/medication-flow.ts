import { randomUUID } from 'node:crypto'
import type { FlowContext, FlowHandler } from '../flow-context.ts'
import type { FlowOutcome } from '../turn-types.ts'

const STOP = /stop|cancel|no more|turn off|不要了|取消|停止|关闭/i

/** Opt-in daily medication reminders: offer, ask the time, confirm; "stop" turns them off. */
export const medicationFlow: FlowHandler = {
  async handle (context) {
    if (STOP.test(context.text)) return stopReminders(context)
    const time = context.understanding.slots.dateTime?.time ?? null
    if (!time) return askTime(context.flowState ? 'medication.reminder_ask_time' : 'medication.reminder_offer')
    await context.services.database.query(
      'INSERT INTO medication_reminders (id, clinic_id, conversation_id, time_of_day, timezone) VALUES ($1, $2, $3, $4, $5)',
      [randomUUID(), context.clinic.id, context.conversation.id, time, context.clinic.timezone])
    return { replies: [{ kind: 'answer', key: 'medication.reminder_set', variables: { time }, medical: true }], next: null }
  },
  async reprompt () {
    return askTime('medication.reminder_ask_time')
  }
}

function askTime (key: string): FlowOutcome {
  return { replies: [{ kind: 'question', key }], next: { flow: 'medication', step: 'time', slots: {} } }
}

async function stopReminders (context: FlowContext): Promise<FlowOutcome> {
  await context.services.database.query('UPDATE medication_reminders SET active = false, stopped_at = $2 WHERE conversation_id = $1 AND active',
    [context.conversation.id, context.now])
  return { replies: [{ kind: 'answer', key: 'medication.reminder_stopped' }], next: null }
}
