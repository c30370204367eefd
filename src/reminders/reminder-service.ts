import { AppError } from '../errors.ts'
import type { ClinicProfile } from '../clinics/clinic-directory.ts'
import type { ConversationRecord, ConversationStore } from '../conversations/conversation-store.ts'
import type { Database } from '../db/database.ts'
import type { MessageCipher } from '../privacy/message-cipher.ts'
import type { FlowOutcome } from '../flows/turn-types.ts'
import { createReminderStore, type Reminder, type ReminderStore } from './reminder-store.ts'
import { nextOccurrence, type ReminderSchedule } from './reminder-schedule.ts'
import { describeSchedule } from './describe-schedule.ts'
import { handleReminderTurn, labelOf, type ReminderTurnInput } from './reminder-turn.ts'
import { createReminderScheduler } from './reminder-scheduler.ts'
import type { JobQueue } from '../delivery/job-queue.ts'
import type { ClinicDirectory } from '../clinics/clinic-directory.ts'
import { weeklyAdherenceSummary, type AdherenceSummary } from './adherence-summary.ts'

/** A reminder as the public API shows it (api.md "Medication reminders"). */
export type PublicReminder = {
  id: string
  kind: 'medication' | 'check_in'
  label: string
  schedule: ReminderSchedule & { description: string }
  timezone: string
  channel: string
  status: 'active' | 'paused' | 'stopped'
  nextAt: string | null
}

/** What the dialogue uses: the turn hook, creating a reminder, and sealing a label kept in flow state. */
export type ReminderServices = {
  handleTurn: (input: ReminderTurnInput) => Promise<FlowOutcome | null>
  create: (input: { conversation: ConversationRecord, clinic: ClinicProfile, label: string | null, schedule: ReminderSchedule, locale: string, now: Date }) => Promise<Reminder & { displayLabel: string }>
  seal: (text: string) => string
  open: (sealed: string) => string
}

type ServiceDependencies = { database: Database, cipher: MessageCipher, conversations: ConversationStore, clinics: ClinicDirectory, jobs: Pick<JobQueue, 'enqueue'>, now: () => Date }

/** Reminders for the dialogue and for the conversation-token API routes. */
export function createReminderService ({ database, cipher, conversations, clinics, jobs, now }: ServiceDependencies) {
  const store: ReminderStore = createReminderStore(database, cipher)
  const scheduler = createReminderScheduler(jobs)

  const services: ReminderServices = {
    handleTurn: (input) => handleReminderTurn({ store, scheduler }, input),
    async create (input) {
      const reminder = await store.create({
        clinicId: input.clinic.id,
        conversationId: input.conversation.id,
        kind: 'medication',
        label: input.label,
        schedule: input.schedule,
        timezone: input.clinic.timezone,
        channel: input.conversation.channel,
        locale: input.locale,
        nextAt: nextOccurrence(input.schedule, input.clinic.timezone, input.now),
        checkInId: null,
        now: input.now
      })
      if (reminder.nextAt) await scheduler.schedule({ reminderId: reminder.id, at: reminder.nextAt, kind: 'scheduled' })
      return { ...reminder, displayLabel: labelOf(reminder, input.locale) }
    },
    seal (text) {
      const sealed = cipher.encrypt(text)
      return `${sealed.keyId}:${sealed.ciphertext.toString('base64')}`
    },
    open (sealed) {
      const separator = sealed.indexOf(':')
      return cipher.decrypt({ keyId: sealed.slice(0, separator), ciphertext: Buffer.from(sealed.slice(separator + 1), 'base64') })
    }
  }

  async function authorise (conversationId: string, token: string | null): Promise<ConversationRecord> {
    if (!token) throw new AppError('UNAUTHORIZED', 'Authorization: Bearer <token> is required')
    const conversation = await conversations.find(conversationId)
    if (!conversation) throw new AppError('CONVERSATION_NOT_FOUND', `conversation ${conversationId} does not exist`)
    if (!conversations.tokenMatches(conversation, token)) throw new AppError('UNAUTHORIZED', 'the token does not belong to this conversation')
    return conversation
  }

  return {
    store,
    services,

    async list (input: { conversationId: string, token: string | null }): Promise<{ reminders: PublicReminder[] }> {
      const conversation = await authorise(input.conversationId, input.token)
      const reminders = await store.listForConversation(conversation.id, { includeStopped: true })
      return { reminders: reminders.map((reminder) => toPublicReminder(reminder, conversation.locale)) }
    },

    /** A conversation's reminders for clinic staff and the agent console (admin API, no conversation token). */
    async listForStaff (input: { clinicId: string, conversationId: string }): Promise<{ reminders: PublicReminder[] }> {
      const conversation = await conversations.find(input.conversationId)
      if (!conversation || conversation.clinicId !== input.clinicId) throw new AppError('CONVERSATION_NOT_FOUND', `conversation ${input.conversationId} does not exist in clinic ${input.clinicId}`)
      const reminders = await store.listForConversation(conversation.id, { includeStopped: true })
      return { reminders: reminders.map((reminder) => toPublicReminder(reminder, conversation.locale)) }
    },

    /** The clinic's weekly adherence summary (admin API). */
    async weeklySummary (input: { clinicId: string, weekStart?: string | undefined }): Promise<AdherenceSummary> {
      const clinic = await clinics.find(input.clinicId)
      if (!clinic) throw new AppError('NOT_FOUND', `clinic ${input.clinicId} does not exist`)
      return weeklyAdherenceSummary({ database, cipher, clinicId: clinic.id, timezone: clinic.timezone, weekStart: input.weekStart, now: now() })
    },

    async cancel (input: { conversationId: string, reminderId: string, token: string | null }): Promise<{ reminder: PublicReminder }> {
      const conversation = await authorise(input.conversationId, input.token)
      const reminders = await store.listForConversation(conversation.id, { includeStopped: true })
      const reminder = reminders.find((candidate) => candidate.id === input.reminderId)
      if (!reminder) throw new AppError('NOT_FOUND', `reminder ${input.reminderId} does not exist in this conversation`)
      await store.stop({ conversationId: conversation.id, ids: [reminder.id], now: now() })
      return { reminder: toPublicReminder({ ...reminder, status: 'stopped', nextAt: null }, conversation.locale) }
    }
  }
}

export type ReminderService = ReturnType<typeof createReminderService>

function toPublicReminder (reminder: Reminder, locale: string): PublicReminder {
  return {
    id: reminder.id,
    kind: reminder.kind,
    label: labelOf(reminder, locale),
    schedule: { ...reminder.schedule, description: describeSchedule(reminder.schedule, locale) },
    timezone: reminder.timezone,
    channel: reminder.channel,
    status: reminder.status,
    nextAt: reminder.status === 'active' && reminder.nextAt ? (reminder.snoozeAt && reminder.snoozeAt < reminder.nextAt ? reminder.snoozeAt : reminder.nextAt).toISOString() : null
  }
}
