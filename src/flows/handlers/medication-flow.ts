import type { FlowContext, FlowHandler } from '../flow-context.ts'
import type { FlowOutcome, PlannedReply } from '../turn-types.ts'
import { parseReminderRequest, type ReminderRequest } from '../../reminders/parse-reminder-request.ts'
import { readReminderCommand } from '../../reminders/reminder-commands.ts'
import { reminderSettingsOf } from '../../reminders/reminder-settings.ts'
import { inQuietHours, localDatePlus, type ReminderSchedule } from '../../reminders/reminder-schedule.ts'
import { describeSchedule } from '../../reminders/describe-schedule.ts'

type Step = 'time' | 'clarify_time' | 'start' | 'label'

/** What the set-up dialogue has gathered so far; the label is kept sealed with the message cipher. */
type Slots = Omit<ReminderRequest, 'label'> & { sealedLabel?: string | null, clarified?: boolean, labelAsked?: boolean }

const MORNING = /\bmornings?\b|\ba\.?m\.?\b|早上|早晨|上午|清晨|^\s*早\s*$/iu
const EVENING = /\bevenings?\b|\bnights?\b|\bp\.?m\.?\b|\bafternoon\b|晚上|傍晚|下午|夜里|^\s*晚\s*$/iu
const NO_LABEL = /^\s*(?:no|none|nothing|skip|doesn'?t matter|any|whatever|不用|不需要|随便|都行|无|没有)\s*[.!。！]*\s*$/iu

/**
 * Opt-in medication reminders: reads times (several), frequency, end and the medicine as written
 * from the patient's words, asks one question for what is missing or ambiguous, then stores the
 * reminder and confirms the schedule with a vetted phrase. Never checks or advises on a dose.
 */
export const medicationFlow: FlowHandler = {
  async handle (context) {
    const command = readReminderCommand(context.text)
    if (command?.kind === 'stop') return { replies: [{ kind: 'answer', key: 'medication.reminder_not_set' }], next: null }
    const step = context.flowState?.step as Step | undefined
    const slots = merge(context, (context.flowState?.slots ?? { times: [], ambiguousHours: [] }) as Slots, step)
    return decide(context, slots)
  },
  async reprompt (context) {
    const slots = context.flowState.slots as Slots
    return ask(context, slots, (context.flowState.step as Step | undefined) ?? 'time')
  }
}

function merge (context: FlowContext, previous: Slots, step: Step | undefined): Slots {
  const reminders = context.services.reminders
  const request = parseReminderRequest({ text: context.text, now: context.now, timezone: context.clinic.timezone })
  const slots: Slots = { ...previous, times: [...previous.times], ambiguousHours: [...previous.ambiguousHours] }
  if (step === 'clarify_time' && request.times.length === 0) {
    const morning = MORNING.test(context.text)
    const evening = EVENING.test(context.text)
    if (morning !== evening) slots.times.push(...slots.ambiguousHours.map((hour) => clock(morning ? hour : hour + 12)))
    slots.ambiguousHours = morning !== evening ? [] : slots.ambiguousHours
  } else if (step === 'clarify_time' || request.times.length > 0 || request.ambiguousHours.length > 0) {
    slots.ambiguousHours = request.ambiguousHours
  }
  for (const time of request.times) if (!slots.times.includes(time)) slots.times.push(time)
  if (request.frequency && (request.frequency === 'interval' || slots.frequency !== 'interval')) slots.frequency = request.frequency
  if (request.everyHours) slots.everyHours = request.everyHours
  if (request.timesPerDay) slots.timesPerDay = request.timesPerDay
  if (request.endDate) slots.endDate = request.endDate
  const label = request.label ?? (step === 'label' ? labelAnswer(context.text) : undefined)
  if (label !== undefined && reminders) slots.sealedLabel = label === null ? null : reminders.seal(label)
  return slots
}

/** The answer to "what should I call this reminder?", as written. */
function labelAnswer (text: string): string | null {
  if (NO_LABEL.test(text)) return null
  const cleaned = text.replace(/^\s*(?:just\s+)?(?:call\s+it|name\s+it|it'?s|就叫|叫做?|名字是)\s*/iu, '').replace(/[.!。！]+$/u, '').trim()
  return cleaned === '' ? null : cleaned.slice(0, 80)
}

async function decide (context: FlowContext, slots: Slots): Promise<FlowOutcome> {
  if (slots.ambiguousHours.length > 0) {
    // One clarifying question; if the answer is still unclear, the time is asked afresh.
    if (!slots.clarified) return ask(context, { ...slots, clarified: true }, 'clarify_time')
    return ask(context, { ...slots, ambiguousHours: [] }, 'time')
  }
  if (slots.frequency === 'interval' && slots.times.length === 0) return ask(context, slots, 'start')
  if (slots.times.length === 0) return ask(context, slots, 'time')
  const quiet = reminderSettingsOf(context.clinic).quietHours
  if (slots.frequency !== 'interval' && slots.times.some((time) => inQuietHours(time, quiet))) {
    const kept = { ...slots, times: slots.times.filter((time) => !inQuietHours(time, quiet)) }
    return { ...(await ask(context, kept, 'time')), replies: [{ kind: 'question', key: 'medication.reminder_quiet_hours', variables: { start: quiet!.start, end: quiet!.end } }] }
  }
  if (slots.sealedLabel === undefined && !slots.labelAsked) return ask(context, { ...slots, labelAsked: true }, 'label')
  return create(context, slots)
}

async function ask (context: FlowContext, slots: Slots, step: Step): Promise<FlowOutcome> {
  const next = { flow: 'medication', step, slots }
  const offer = context.flowState === null && step === 'time' && slots.times.length === 0
  const reply: PlannedReply = step === 'clarify_time'
    ? { kind: 'question', key: 'medication.reminder_clarify_time', variables: { morning: clock(slots.ambiguousHours[0]!), evening: clock(slots.ambiguousHours[0]! + 12) }, quickReplies: [clock(slots.ambiguousHours[0]!), clock(slots.ambiguousHours[0]! + 12)].map((time) => ({ label: time, value: time })) }
    : step === 'start'
      ? { kind: 'question', key: 'medication.reminder_ask_start', variables: { hours: String(slots.everyHours ?? 8) } }
      : step === 'label'
        ? { kind: 'question', key: 'medication.reminder_ask_name' }
        : { kind: 'question', key: offer ? 'medication.reminder_offer' : 'medication.reminder_ask_time' }
  const replies = offer ? [reply, { kind: 'question' as const, key: 'medication.reminder_ask_time' }] : [reply]
  return { replies, next }
}

async function create (context: FlowContext, slots: Slots): Promise<FlowOutcome> {
  const reminders = context.services.reminders
  if (!reminders) throw new Error('the reminder service is not configured')
  const timezone = context.clinic.timezone
  const times = slots.frequency === 'interval' ? [slots.times[0]!] : [...slots.times].sort()
  const schedule: ReminderSchedule = {
    frequency: slots.frequency ?? 'daily',
    times,
    ...(slots.frequency === 'interval' ? { everyHours: slots.everyHours ?? 8 } : {}),
    startDate: localDatePlus(context.now, timezone, 0),
    endDate: slots.endDate ?? null
  }
  const label = slots.sealedLabel ? reminders.open(slots.sealedLabel) : null
  const reminder = await reminders.create({ conversation: context.conversation, clinic: context.clinic, label, schedule, locale: context.locale, now: context.now })
  return {
    replies: [{ kind: 'answer', key: 'medication.reminder_set', medical: true, variables: { label: reminder.displayLabel, schedule: describeSchedule(schedule, context.locale), timezone } }],
    next: null
  }
}

function clock (hour: number): string {
  return `${String(hour % 24).padStart(2, '0')}:00`
}
