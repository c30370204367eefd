import type { ClinicProfile } from '../clinics/clinic-directory.ts'
import type { ConversationRecord } from '../conversations/conversation-store.ts'
import { readConversationState, type FlowOutcome, type PlannedReply } from '../flows/turn-types.ts'
import { readReminderCommand, readCheckInRequest, type ReminderCommand } from './reminder-commands.ts'
import { readCheckInReading, levelOfReading } from './check-in-reading.ts'
import { reminderSettingsOf } from './reminder-settings.ts'
import { afterQuietHours, localClockTime, nextOccurrence, type ReminderSchedule } from './reminder-schedule.ts'
import { describeSchedule } from './describe-schedule.ts'
import type { Reminder, ReminderStore } from './reminder-store.ts'
import type { ReminderScheduler } from './reminder-scheduler.ts'
import { DOSAGE_WORDING } from '../flows/guards/output-wording.ts'

export type ReminderTurnInput = { conversation: ConversationRecord, clinic: ClinicProfile, text: string, locale: string, now: Date }

/** A medication answer ("taken", "skip", "snooze") refers to a reminder sent this long ago at most. */
const ANSWER_WINDOW_MS = 12 * 3_600_000
/** A check-in reading may come this long after the question. */
const READING_WINDOW_MS = 72 * 3_600_000

/**
 * The reminder words that work in every flow and state ("stop", "退订", "taken", "snooze 30 min",
 * "my reminders"), check-in readings and check-in opt-ins. Returns null when the message is none of
 * these, and the turn goes on to the flows. Runs after the input guard's emergency and crisis check.
 */
export async function handleReminderTurn ({ store, scheduler }: { store: ReminderStore, scheduler: ReminderScheduler }, input: ReminderTurnInput): Promise<FlowOutcome | null> {
  const command = readReminderCommand(input.text)
  const keep = readConversationState(input.conversation).active
  if (command?.kind === 'stop') return stopReminders(store, input, command, keep)
  if (command?.kind === 'list') return listReminders(store, input, keep)
  // A reading has digits; other messages need no look-up of a pending check-in.
  const reading = /\d/.test(input.text) ? await checkInReading(store, input, keep) : null
  if (reading) return reading
  if (command) {
    const answered = await answerDelivery({ store, scheduler }, input, command, keep)
    if (answered) return answered
  }
  const checkIn = readCheckInRequest(input.text)
  if (checkIn) return optInToCheckIns({ store, scheduler }, input, checkIn.metric, keep)
  return null
}

async function stopReminders (store: ReminderStore, input: ReminderTurnInput, command: Extract<ReminderCommand, { kind: 'stop' }>, keep: FlowOutcome['next']): Promise<FlowOutcome | null> {
  const active = await store.listForConversation(input.conversation.id)
  // A bare "stop" with nothing to stop is left to the flows (it may mean "stop booking").
  if (active.length === 0 && !command.explicit) return null
  // Stopping in the middle of setting a reminder up abandons the set-up too.
  const next = keep?.flow === 'medication' ? null : keep
  if (active.length === 0) return { replies: [{ kind: 'answer', key: 'medication.reminder_none' }], next }
  const named = command.target ? active.filter((reminder) => matchesTarget(reminder, command.target!, input.locale)) : []
  const pending = await store.pendingDelivery({ conversationId: input.conversation.id, since: new Date(input.now.getTime() - ANSWER_WINDOW_MS) })
  if (pending) await store.respond({ deliveryId: pending.id, response: 'stopped', now: input.now })
  await store.stop({ conversationId: input.conversation.id, ids: named.length > 0 ? named.map((reminder) => reminder.id) : null, now: input.now })
  if (named.length > 0 && named.length < active.length) {
    const left = active.filter((reminder) => !named.includes(reminder))
    return { replies: [{ kind: 'answer', key: 'medication.reminder_stopped_one', variables: { label: labelOf(named[0]!, input.locale) } }, listReply(left, input.locale)], next }
  }
  return { replies: [{ kind: 'answer', key: 'medication.reminder_stopped' }], next }
}

function matchesTarget (reminder: Reminder, target: string, locale: string): boolean {
  const wanted = target.toLowerCase()
  const label = labelOf(reminder, locale).toLowerCase()
  return label.includes(wanted) || wanted.includes(label) || reminder.schedule.times.some((time) => wanted.includes(time))
}

async function listReminders (store: ReminderStore, input: ReminderTurnInput, keep: FlowOutcome['next']): Promise<FlowOutcome> {
  const active = await store.listForConversation(input.conversation.id)
  if (active.length === 0) return { replies: [{ kind: 'answer', key: 'medication.reminder_none' }], next: keep }
  return { replies: [listReply(active, input.locale)], next: keep }
}

function listReply (reminders: Reminder[], locale: string): PlannedReply {
  const lines = reminders.map((reminder, index) => {
    const next = reminder.nextAt ? ` (${locale.startsWith('zh') ? '下次' : 'next'} ${localClockTime(reminder.nextAt, reminder.timezone)} ${reminder.nextAt.toLocaleDateString('sv-SE', { timeZone: reminder.timezone })})` : ''
    return `${index + 1}. ${labelOf(reminder, locale)}: ${describeSchedule(reminder.schedule, locale)}${next}`
  })
  return { kind: 'answer', key: 'medication.reminder_list', variables: { reminders: lines.join('\n'), example: labelOf(reminders[0]!, locale) } }
}

/**
 * The label as the patient wrote it, or a neutral name for an unlabelled reminder or a check-in.
 * A label with dose wording in it ("2 tablets", "5mg") is kept as written but shown neutrally: the
 * bot never repeats a dose, and the output guard would refuse the whole reply.
 */
export function labelOf (reminder: Pick<Reminder, 'label' | 'kind' | 'checkInId'>, locale: string): string {
  if (reminder.label && !DOSAGE_WORDING.some((pattern) => pattern.test(reminder.label!.toLowerCase()))) return reminder.label
  const zh = locale.startsWith('zh')
  if (reminder.kind === 'check_in') return zh ? '健康随访' : 'health check-in'
  return zh ? '药' : 'medicine'
}

async function answerDelivery ({ store, scheduler }: { store: ReminderStore, scheduler: ReminderScheduler }, input: ReminderTurnInput, command: ReminderCommand, keep: FlowOutcome['next']): Promise<FlowOutcome | null> {
  const pending = await store.pendingDelivery({ conversationId: input.conversation.id, since: new Date(input.now.getTime() - ANSWER_WINDOW_MS) })
  if (!pending || pending.kind !== 'medication') return null
  if (command.kind === 'taken') {
    await store.respond({ deliveryId: pending.id, response: 'taken', now: input.now })
    return { replies: [{ kind: 'answer', key: 'medication.reminder_taken' }], next: keep }
  }
  if (command.kind === 'skip') {
    await store.respond({ deliveryId: pending.id, response: 'skipped', now: input.now })
    return { replies: [{ kind: 'answer', key: 'medication.reminder_skipped', medical: true }], next: keep }
  }
  if (command.kind !== 'snooze') return null
  const settings = reminderSettingsOf(input.clinic)
  const at = afterQuietHours(new Date(input.now.getTime() + command.minutes * 60_000), input.clinic.timezone, settings.quietHours)
  await store.respond({ deliveryId: pending.id, response: 'snoozed', now: input.now })
  await store.snooze({ reminderId: pending.reminderId, at, now: input.now })
  await scheduler.schedule({ reminderId: pending.reminderId, at, kind: 'snooze' })
  return { replies: [{ kind: 'answer', key: 'medication.reminder_snoozed', variables: { time: localClockTime(at, input.clinic.timezone) } }], next: keep }
}

/**
 * A reading answering a check-in: recorded (encrypted); outside the clinic's thresholds it takes the
 * guard path, an urgent or emergency reply and a handoff to the care team, never an interpretation.
 */
async function checkInReading (store: ReminderStore, input: ReminderTurnInput, keep: FlowOutcome['next']): Promise<FlowOutcome | null> {
  const pending = await store.pendingDelivery({ conversationId: input.conversation.id, since: new Date(input.now.getTime() - READING_WINDOW_MS) })
  if (!pending || pending.kind !== 'check_in') return null
  const setting = reminderSettingsOf(input.clinic).checkIns.find((checkIn) => checkIn.id === pending.checkInId)
  if (!setting) return null
  const reading = readCheckInReading(input.text, setting.metric)
  if (!reading) return null
  const level = levelOfReading(reading, setting.thresholds)
  await store.saveReading({ clinicId: input.clinic.id, conversationId: input.conversation.id, reminderId: pending.reminderId, deliveryId: pending.id, metric: reading.metric, values: reading.values, level, now: input.now })
  await store.respond({ deliveryId: pending.id, response: 'answered', now: input.now })
  if (level === 'in_range') return { replies: [{ kind: 'answer', key: 'medication.checkin_reading_recorded', medical: true }], next: keep }
  const emergency = level === 'emergency'
  return {
    replies: [{ kind: emergency ? 'emergency' : 'handoff', key: emergency ? 'medication.checkin_reading_emergency' : 'medication.checkin_reading_urgent', medical: true }],
    next: keep,
    triage: { urgency: level, department: null, redFlags: [`check_in.${reading.metric}`] },
    handoff: { priority: emergency ? 'emergency' : 'high', reason: `check-in reading outside the clinic's range (${reading.metric}, ${level})` }
  }
}

async function optInToCheckIns ({ store, scheduler }: { store: ReminderStore, scheduler: ReminderScheduler }, input: ReminderTurnInput, metric: 'blood_pressure' | 'glucose', keep: FlowOutcome['next']): Promise<FlowOutcome> {
  const zh = input.locale.startsWith('zh')
  const metricName = metric === 'blood_pressure' ? (zh ? '血压' : 'blood pressure') : (zh ? '血糖' : 'blood glucose')
  const setting = reminderSettingsOf(input.clinic).checkIns.find((checkIn) => checkIn.metric === metric)
  if (!setting) return { replies: [{ kind: 'answer', key: 'medication.checkin_unavailable', variables: { metric: metricName } }], next: keep }
  const timezone = input.clinic.timezone
  const existing = (await store.listForConversation(input.conversation.id)).find((reminder) => reminder.checkInId === setting.id)
  const schedule: ReminderSchedule = existing?.schedule ?? { frequency: 'weekly', weekday: setting.weekday, times: [setting.time], startDate: input.now.toLocaleDateString('sv-SE', { timeZone: timezone }), endDate: null }
  if (!existing) {
    const nextAt = nextOccurrence(schedule, timezone, input.now)
    const created = await store.create({
      clinicId: input.clinic.id,
      conversationId: input.conversation.id,
      kind: 'check_in',
      label: null,
      schedule,
      timezone,
      channel: input.conversation.channel,
      locale: input.locale,
      nextAt,
      checkInId: setting.id,
      now: input.now
    })
    if (nextAt) await scheduler.schedule({ reminderId: created.id, at: nextAt, kind: 'scheduled' })
  }
  return { replies: [{ kind: 'answer', key: 'medication.checkin_opted_in', variables: { metric: metricName, schedule: describeSchedule(schedule, input.locale), timezone } }], next: keep }
}
