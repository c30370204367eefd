import type { TestApp } from '../helpers/test-app.ts'
import type { ManualClock } from '../helpers/manual-clock.ts'

/** Moves the clinic to another time zone before any conversation has read its profile. */
export async function setClinicTimeZone (testApp: TestApp, timezone: string): Promise<void> {
  await testApp.testDatabase.database.query("UPDATE clinics SET timezone = $1 WHERE id = 'default'", [timezone])
}

/** The reminder messages the service wrote into a conversation, oldest first. */
export async function reminderMessages (testApp: TestApp, conversation: { id: string, token: string }) {
  const history = await testApp.dependencies.conversations.history({ conversationId: conversation.id, token: conversation.token })
  return history.messages.filter((message) => message.kind === 'reminder')
}

/**
 * Ticks the worker every `stepMinutes` from the clock's time until `until`, as the service's poll
 * loop would, and returns the instants at which something was sent.
 */
export async function runWorkerUntil (worker: { tick: () => Promise<{ sent: number }> }, clock: ManualClock, until: string, stepMinutes = 30): Promise<string[]> {
  const sentAt: string[] = []
  while (clock.now() < new Date(until)) {
    clock.advance(stepMinutes * 60_000)
    const { sent } = await worker.tick()
    for (let index = 0; index < sent; index++) sentAt.push(clock.now().toISOString())
  }
  return sentAt
}
