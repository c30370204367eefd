import type { FlowContext, FlowHandler } from '../flow-context.ts'
import type { AppointmentChange } from '../turn-services.ts'
import type { FlowOutcome, FlowState, PlannedReply } from '../turn-types.ts'
import { chooseOfferedSlot, type OfferedSlot } from '../appointments/choose-offered-slot.ts'
import { dateLabel, slotLabel } from '../appointments/slot-labels.ts'
import { relativeWeekStart } from '../appointments/relative-week.ts'
import { readConversationState } from '../turn-types.ts'
import { departmentName, type DepartmentCode } from '../triage-vocabulary.ts'
import { extractPersonName } from '../understanding/extract-person-name.ts'
import { extractPhoneNumber } from '../understanding/extract-phone-number.ts'
import { extractBookingReference } from '../understanding/extract-booking-reference.ts'
import { extractDepartmentMention } from '../understanding/extract-department-mention.ts'

type Mode = 'book' | 'lookup' | 'reschedule' | 'cancel'
type Slots = { mode: Mode, department?: string, date?: string | null, spanDays?: number, partOfDay?: 'morning' | 'afternoon' | 'evening' | null, offered?: OfferedSlot[], slotId?: string, name?: string, reference?: string, phone?: string }

const MODE_FOR_INTENT: Record<string, Mode> = { appointment_book: 'book', appointment_lookup: 'lookup', appointment_reschedule: 'reschedule', appointment_cancel: 'cancel' }

/** Find a slot, book with name and phone, and look up, move or cancel by reference plus phone. */
export const appointmentFlow: FlowHandler = {
  async handle (context) {
    const slots = absorb(context, startingSlots(context))
    return nextStep(context, slots)
  },
  async reprompt (context) {
    return nextStep(context, context.flowState.slots as Slots)
  }
}

function startingSlots (context: FlowContext): Slots {
  const saved = context.flowState?.slots as Slots | undefined
  const requested = MODE_FOR_INTENT[context.understanding.intent]
  if (saved && (!requested || requested === saved.mode)) return saved
  const lastTriage = readConversationState(context.conversation).lastTriage
  return { mode: requested ?? 'book', ...(lastTriage?.department && lastTriage.department !== 'emergency' ? { department: lastTriage.department } : {}) }
}

/** Takes whatever this message says that the flow still needs. */
function absorb (context: FlowContext, slots: Slots): Slots {
  const { understanding, text } = context
  const next = { ...slots }
  const department = understanding.slots.department ?? extractDepartmentMention(text)
  if (department) next.department = department
  const when = understanding.slots.dateTime
  const week = relativeWeekStart(text, context.now, context.clinic.timezone)
  if (when?.date || when?.partOfDay || week !== undefined) {
    next.date = when?.date ?? week ?? null
    next.spanDays = when?.date ? 1 : 7
    next.partOfDay = when?.partOfDay ?? null
    delete next.offered
  }
  next.reference = understanding.slots.bookingReference ?? extractBookingReference(text) ?? next.reference
  next.phone = understanding.slots.phone ?? extractPhoneNumber(text) ?? next.phone
  if (next.offered && !next.slotId) next.slotId = chooseOfferedSlot(text, next.offered)?.id
  const step = (context.flowState?.slots as Slots | undefined) && context.flowState?.step
  if (step === 'name' && !next.name) next.name = understanding.slots.personName ?? extractPersonName(text) ?? plausibleName(text)
  return next
}

async function nextStep (context: FlowContext, slots: Slots): Promise<FlowOutcome> {
  if (slots.mode !== 'book' && (!slots.reference || !slots.phone)) return ask(context, 'reference', slots, 'appointment.ask_reference')
  if (slots.mode === 'lookup') return finish(context, await context.services.appointments.lookup(identity(context, slots)), 'appointment.booked')
  if (slots.mode === 'cancel') return finish(context, await context.services.appointments.cancel(identity(context, slots)), 'appointment.cancelled')
  if (slots.mode === 'reschedule' && !slots.department) return rescheduleFromExisting(context, slots)
  if (!slots.department) return ask(context, 'department', slots, 'appointment.ask_department')
  if (slots.date === undefined) return ask(context, 'date', slots, 'appointment.ask_date')
  if (!slots.slotId) return offerSlots(context, slots)
  if (slots.mode === 'reschedule') {
    const result = await context.services.appointments.reschedule({ ...identity(context, slots), newSlotId: slots.slotId })
    return retryIfTaken(context, slots, result, 'appointment.rescheduled')
  }
  if (!slots.name) return ask(context, 'name', slots, 'appointment.ask_name')
  if (!slots.phone) return ask(context, 'phone', slots, 'appointment.ask_phone')
  const result = await context.services.appointments.book({ clinicId: context.clinic.id, slotId: slots.slotId, patientName: slots.name, phone: slots.phone, conversationId: context.conversation.id })
  if (!result.ok && result.reason === 'invalid_phone') return ask(context, 'phone', { ...slots, phone: undefined }, 'appointment.invalid_phone')
  if (!result.ok && result.reason === 'invalid_name') return ask(context, 'name', { ...slots, name: undefined }, 'appointment.ask_name')
  return retryIfTaken(context, slots, result, 'appointment.booked')
}

/** A move keeps the department of the existing appointment; the patient only picks a new time. */
async function rescheduleFromExisting (context: FlowContext, slots: Slots): Promise<FlowOutcome> {
  const existing = await context.services.appointments.lookup(identity(context, slots))
  if (!existing.ok) return finish(context, existing, 'appointment.rescheduled')
  return nextStep(context, { ...slots, department: existing.appointment.department.code })
}

async function offerSlots (context: FlowContext, slots: Slots): Promise<FlowOutcome> {
  const found = await context.services.appointments.findSlots({ clinicId: context.clinic.id, department: slots.department!, date: slots.date ?? null, spanDays: slots.spanDays ?? 1, partOfDay: slots.partOfDay ?? null, now: context.now, limit: 3 })
  const department = departmentName(slots.department as DepartmentCode, context.locale)
  if (found.length === 0) return { ...ask(context, 'date', { ...slots, date: undefined }, 'appointment.no_slots'), replies: [{ kind: 'question', key: 'appointment.no_slots', variables: { department } }] }
  const offered = found.map((slot) => ({ id: slot.id, start: slot.start, label: slotLabel(slot.start, context.locale) }))
  const variables = { department, date: dateLabel(found[0]!.start, context.locale) }
  const reply: PlannedReply = { kind: 'question', key: 'appointment.offer_slots', variables, quickReplies: offered.map((slot) => ({ label: slot.label, value: slot.label })) }
  return { replies: [reply], next: state('choose_slot', { ...slots, offered }) }
}

function retryIfTaken (context: FlowContext, slots: Slots, result: AppointmentChange, successKey: string): Promise<FlowOutcome> | FlowOutcome {
  if (!result.ok && (result.reason === 'slot_taken' || result.reason === 'slot_in_past' || result.reason === 'slot_not_found')) {
    return offerSlots(context, { ...slots, slotId: undefined, offered: undefined }).then((outcome) => ({ ...outcome, replies: [{ kind: 'info', key: 'appointment.slot_taken' }, ...outcome.replies] }))
  }
  return finish(context, result, successKey)
}

function finish (context: FlowContext, result: AppointmentChange, successKey: string): FlowOutcome {
  if (!result.ok) {
    const key = result.reason === 'already_cancelled' ? 'appointment.cancelled' : 'appointment.not_found'
    return { replies: [{ kind: 'info', key }], next: null }
  }
  const { appointment } = result
  const locale = context.locale === 'zh-CN' ? 'zh-CN' : 'en'
  const variables = {
    reference: appointment.reference,
    date: appointment.start.slice(0, 10),
    time: appointment.start.slice(11, 16),
    department: appointment.department.name[locale] ?? appointment.department.code,
    doctor: appointment.doctorName?.[locale] ?? ''
  }
  const code = appointment.department.code as DepartmentCode
  return {
    replies: [{ kind: 'answer', key: successKey, variables }],
    next: null,
    appointment: { reference: appointment.reference, status: appointment.status, department: code, start: appointment.start }
  }
}

function ask (context: FlowContext, step: string, slots: Slots, key: string): FlowOutcome {
  return { replies: [{ kind: 'question', key }], next: state(step, slots) }
}

function state (step: string, slots: Slots): FlowState {
  return { flow: 'appointment', step, slots: JSON.parse(JSON.stringify(slots)) }
}

function identity (context: FlowContext, slots: Slots) {
  return { clinicId: context.clinic.id, reference: slots.reference!, phone: slots.phone! }
}

function plausibleName (text: string): string | undefined {
  const trimmed = text.trim()
  return /^[\p{L}\p{Script=Han}][\p{L}\p{Script=Han} .'-]{0,59}$/u.test(trimmed) ? trimmed : undefined
}
