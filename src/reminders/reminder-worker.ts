import { randomUUID } from 'node:crypto'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/database.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import type { ClinicDirectory } from '../clinics/clinic-directory.ts'
import type { ConversationStore } from '../conversations/conversation-store.ts'
import type { VettedCorpus, TurnServices } from '../flows/turn-services.ts'
import type { JobQueue } from '../delivery/job-queue.ts'
import type { ClaimedJob } from '../delivery/job-store.ts'
import { createReminderStore, type Reminder } from './reminder-store.ts'
import { reminderSettingsOf, type ReminderSettings } from './reminder-settings.ts'
import { inQuietHours, localClockTime, nextOccurrence } from './reminder-schedule.ts'
import { composeReminderMessage } from './compose-reminder-message.ts'
import { createReminderScheduler, REMINDER_JOB, type OccurrenceKind } from './reminder-scheduler.ts'
import type { ReminderOutbound } from './reminder-outbound.ts'

export type ReminderWorker = {
  /** Runs every reminder job due at the clock's now (tests; the queue's own poll does this in the service). */
  tick: () => Promise<{ sent: number, expired: number }>
  /** Puts every active reminder's next occurrence on the queue (idempotent); main.ts calls it at start. */
  start: () => Promise<void>
  /** Where WhatsApp and WeChat reminders go after they are stored: the channel pipeline's sendToConversation. */
  connectChannels: (outbound: ReminderOutbound) => void
}

type WorkerDependencies = {
  database: Database
  cipher: MessageCipher
  clock: Clock
  clinics: ClinicDirectory
  corpus: VettedCorpus
  conversations: ConversationStore
  jobs: JobQueue
  emergencyContacts: TurnServices['emergencyContacts']
  guards?: TurnServices['guards'] | undefined
  logger?: { warn: (details: Record<string, unknown>, message: string) => void } | undefined
}

type OccurrencePayload = { reminderId: string, occurrenceAt: string, kind: OccurrenceKind }

/**
 * Reminders on the durable job queue (src/delivery): each occurrence is one job, keyed by reminder,
 * kind and instant and run at that instant. The job's handler locks the reminder row, records the
 * delivery (unique per occurrence), writes the reminder into the conversation as a bot message and
 * queues the next occurrence, in one transaction; then it hands a WhatsApp or WeChat reminder to the
 * channel's send job (once per message id). A job re-run after a crash finds its delivery and only
 * repeats the hand-over, so two workers or a restart never send an occurrence twice.
 */
export function createReminderWorker (dependencies: WorkerDependencies): ReminderWorker {
  const { database, clock, jobs } = dependencies
  const store = createReminderStore(database, dependencies.cipher)
  const scheduler = createReminderScheduler(jobs)
  const counts = { sent: 0, expired: 0 }
  let outbound: ReminderOutbound | undefined

  jobs.registerHandler(REMINDER_JOB, async (job: ClaimedJob) => {
    const payload = job.payload as OccurrencePayload
    const result = await runOccurrence({ reminderId: payload.reminderId, occurrenceAt: new Date(payload.occurrenceAt), kind: payload.kind })
    if (result.status === 'sent') counts.sent++
    if (result.status === 'expired') counts.expired++
    return result
  })

  async function runOccurrence (occurrence: { reminderId: string, occurrenceAt: Date, kind: OccurrenceKind }): Promise<{ status: string }> {
    const now = clock.now()
    const reminder = await store.find(occurrence.reminderId)
    if (!reminder || reminder.status !== 'active') return { status: 'not_active' }
    const clinic = await dependencies.clinics.find(reminder.clinicId)
    if (!clinic) return { status: 'no_clinic' }
    const settings = reminderSettingsOf(clinic)
    const late = now.getTime() - occurrence.occurrenceAt.getTime() > settings.lateLimitMinutes * 60_000
    const message = late ? null : await composeReminderMessage({ corpus: dependencies.corpus, clinic, reminder, occurrenceAt: occurrence.occurrenceAt, emergencyContacts: dependencies.emergencyContacts, guards: dependencies.guards })
    const written = await database.transaction(async (transaction) => {
      const locked = await store.lock(transaction, reminder.id)
      if (!locked || locked.status !== 'active' || !isCurrent(locked, occurrence)) return null
      const deliveryId = randomUUID()
      const messageId = message
        ? await dependencies.conversations.appendMessage(transaction, {
          clinicId: reminder.clinicId,
          conversationId: reminder.conversationId,
          role: 'bot',
          kind: 'reminder',
          text: message.text,
          meta: { key: message.key, disclaimer: message.disclaimer ?? null, quickReplies: message.quickReplies, reminderId: reminder.id, deliveryId },
          now
        })
        : null
      await transaction.query(
        `INSERT INTO reminder_deliveries (id, reminder_id, clinic_id, conversation_id, occurrence_at, kind, status, sent_at, message_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [deliveryId, reminder.id, reminder.clinicId, reminder.conversationId, occurrence.occurrenceAt, occurrence.kind, message ? 'sent' : 'expired', message ? now : null, messageId])
      if (occurrence.kind === 'snooze') {
        await transaction.query('UPDATE reminders SET snooze_at = NULL, updated_at = $2 WHERE id = $1', [reminder.id, now])
      } else {
        const next = followingOccurrence(locked, now, settings)
        await store.moveOn(transaction, { reminderId: reminder.id, nextAt: next, now })
        if (next) await scheduler.schedule({ reminderId: reminder.id, at: next, kind: 'scheduled' }, transaction)
      }
      return { messageId }
    })
    if (!written) return handOverAgain(reminder, occurrence)
    if (!written.messageId || !message) return { status: 'expired' }
    if (reminder.channel !== 'web') await handOver(reminder, { id: written.messageId, text: message.disclaimer ? `${message.text}\n\n${message.disclaimer}` : message.text, quickReplies: message.quickReplies })
    return { status: 'sent' }
  }

  /** A re-run of an occurrence that was already written (the worker stopped before the hand-over): hand it over again. */
  async function handOverAgain (reminder: Reminder, occurrence: { occurrenceAt: Date, kind: OccurrenceKind }): Promise<{ status: string }> {
    if (reminder.channel === 'web') return { status: 'stale' }
    const message = await store.deliveredMessage({ reminderId: reminder.id, occurrenceAt: occurrence.occurrenceAt, kind: occurrence.kind })
    if (!message) return { status: 'stale' }
    await handOver(reminder, { id: message.id, text: message.disclaimer ? `${message.text}\n\n${message.disclaimer}` : message.text, quickReplies: message.quickReplies })
    return { status: 'handed_over' }
  }

  async function handOver (reminder: Reminder, message: { id: string, text: string, quickReplies: Array<{ label: string, value: string }> }): Promise<void> {
    if (!outbound) throw new Error(`the ${reminder.channel} channel is not connected: the reminder is stored in the conversation but cannot be pushed`)
    const conversation = await dependencies.conversations.find(reminder.conversationId)
    if (!conversation) return
    await outbound.sendToConversation(conversation, message)
  }

  /** The next occurrence after now; an every-N-hours occurrence inside quiet hours is skipped. */
  function followingOccurrence (reminder: Reminder, now: Date, settings: ReminderSettings): Date | null {
    let next = nextOccurrence(reminder.schedule, reminder.timezone, now)
    for (let step = 0; next && reminder.schedule.frequency === 'interval' && inQuietHours(localClockTime(next, reminder.timezone), settings.quietHours) && step < 48; step++) {
      next = nextOccurrence(reminder.schedule, reminder.timezone, next)
    }
    return next
  }

  return {
    async tick () {
      const before = { ...counts }
      await jobs.drain()
      return { sent: counts.sent - before.sent, expired: counts.expired - before.expired }
    },
    async start () {
      for (const reminder of await store.listActive()) {
        const nextAt = reminder.nextAt ?? nextOccurrence(reminder.schedule, reminder.timezone, clock.now())
        if (!reminder.nextAt) await store.moveOn(database, { reminderId: reminder.id, nextAt, now: clock.now() })
        if (nextAt) await scheduler.schedule({ reminderId: reminder.id, at: nextAt, kind: 'scheduled' })
        if (reminder.snoozeAt) await scheduler.schedule({ reminderId: reminder.id, at: reminder.snoozeAt, kind: 'snooze' })
      }
    },
    connectChannels (channels) {
      outbound = channels
    }
  }
}

/** Whether the job is the reminder's current occurrence (a stopped, changed or already-sent one is not). */
function isCurrent (reminder: Reminder, occurrence: { occurrenceAt: Date, kind: OccurrenceKind }): boolean {
  const current = occurrence.kind === 'snooze' ? reminder.snoozeAt : reminder.nextAt
  return current !== null && current.getTime() === occurrence.occurrenceAt.getTime()
}
