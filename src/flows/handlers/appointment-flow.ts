import type { FlowContext, FlowHandler } from '../flow-context.ts'
import type { AppointmentChange, BookingDirectory } from '../turn-services.ts'
import type { FlowOutcome, FlowState, PlannedReply } from '../turn-types.ts'
import type { DateAnswer, OfferedOption, PendingQuestion, ReplyAnswer } from '../dialogue/pending-question.ts'
import { addLocalDays } from '../../appointments/zoned-time.ts'
import { readDate } from '../dialogue/read-date.ts'
import { readDepartment } from '../dialogue/read-department.ts'
import { bookableDepartment, findNamedDoctor } from '../appointments/booking-directory.ts'
import { pickSlots } from '../appointments/pick-slots.ts'
import { dateLabel, slotLabel } from '../appointments/slot-labels.ts'
import { readConversationState } from '../turn-types.ts'
import { departmentName, type DepartmentCode } from '../triage-vocabulary.ts'
import { extractPersonName } from '../understanding/extract-person-name.ts'
import { extractPhoneNumber } from '../understanding/extract-phone-number.ts'
import { extractBookingReference, withoutBookingReferences } from '../understanding/extract-booking-reference.ts'
import { extractDoctorName } from '../understanding/extract-doctor-name.ts'

type Mode = 'book' | 'lookup' | 'reschedule' | 'cancel'
type PartOfDay = 'morning' | 'afternoon' | 'evening'
type Slots = {
  mode: Mode
  department?: string
  doctorId?: string
  doctorName?: Record<string, string>
  date?: string | null
  weekdayToday?: boolean
  spanDays?: number
  partOfDay?: PartOfDay | null
  time?: string | null
  offered?: OfferedOption[]
  slotId?: string
  name?: string
  reference?: string
  phone?: string
  invalidPhone?: boolean
  declined?: boolean
}

const MODE_FOR_INTENT: Record<string, Mode> = { appointment_book: 'book', appointment_lookup: 'lookup', appointment_reschedule: 'reschedule', appointment_cancel: 'cancel' }
const OFFERED_SLOTS = 3
const DAY_OPTIONS = 4
const SEARCH_DAYS = 14

/**
 * Find a slot, book with name and phone, and look up, move or cancel by reference plus phone.
 * Each question records what it expects; the reply's answer to it comes first, the global
 * extractors only fill what it did not answer.
 */
export const appointmentFlow: FlowHandler = {
  async handle (context) {
    const directory = await context.services.appointments.directory(context.clinic.id)
    const slots = absorb(context, directory, startingSlots(context))
    if (slots.declined) return { replies: [{ kind: 'info', key: 'smalltalk.declined' }], next: null }
    return nextStep(context, directory, slots)
  },
  async reprompt (context) {
    const directory = await context.services.appointments.directory(context.clinic.id)
    return nextStep(context, directory, context.flowState.slots as Slots)
  }
}

function startingSlots (context: FlowContext): Slots {
  const saved = context.flowState?.slots as Slots | undefined
  const requested = context.answer ? undefined : MODE_FOR_INTENT[context.understanding.intent]
  if (saved && (!requested || requested === saved.mode)) return { ...saved, invalidPhone: false }
  const lastTriage = readConversationState(context.conversation).lastTriage
  const known = saved?.reference ? { reference: saved.reference, ...(saved.phone ? { phone: saved.phone } : {}) } : {}
  return { mode: requested ?? 'book', ...known, ...(lastTriage?.department && lastTriage.department !== 'emergency' ? { department: lastTriage.department } : {}) }
}

/** The answer to the pending question first; then whatever else the message says that is still needed. */
function absorb (context: FlowContext, directory: BookingDirectory, slots: Slots): Slots {
  const answer = context.answer ?? null
  const next = applyAnswer({ ...slots }, answer, context.flowState?.step)
  const { understanding, text } = context
  const answered = new Set(answer ? answeredFields(answer) : [])
  const department = understanding.slots.department ?? (context.flowState?.step === 'department' && !answer ? readDepartment(text) : null)
  if (department && !answered.has('department')) setDepartment(next, department)
  const doctor = findNamedDoctor(directory, understanding.slots.doctorName ?? extractDoctorName(text) ?? '')
  if (doctor) {
    next.doctorId = doctor.id
    next.doctorName = doctor.name
    next.department = doctor.department
    delete next.offered
  }
  if (!answered.has('date')) {
    const when = readDate(text, { now: context.now, timezone: context.clinic.timezone })
    if (when) setDate(next, when)
  }
  if (!answered.has('reference')) next.reference = understanding.slots.bookingReference ?? extractBookingReference(text) ?? next.reference
  if (!answered.has('phone') && !next.invalidPhone) next.phone = understanding.slots.phone ?? extractPhoneNumber(withoutBookingReferences(text)) ?? next.phone
  if (!answered.has('name') && !next.name) next.name = extractPersonName(text) ?? undefined
  if (next.department) next.department = bookableDepartment(directory, next.department)
  return stripUndefined(next)
}

function applyAnswer (slots: Slots, answer: ReplyAnswer | null, step: string | undefined): Slots {
  if (!answer) return slots
  switch (answer.kind) {
    case 'department': setDepartment(slots, answer.code); break
    case 'date': setDate(slots, answer); break
    case 'choice': slots.slotId = answer.id; break
    case 'contact':
      if (answer.name) slots.name = answer.name
      if (answer.phone) slots.phone = answer.phone
      slots.invalidPhone = answer.invalidPhone === true && !answer.phone
      break
    case 'reference':
      slots.reference = answer.reference
      if (answer.phone) slots.phone = answer.phone
      break
    case 'no':
      if (step === 'choose_slot' && !answer.done) {
        slots.date = undefined
        delete slots.offered
      } else slots.declined = true
      break
    case 'yes': case 'unknown': case 'free': break
  }
  return slots
}

function answeredFields (answer: ReplyAnswer): string[] {
  switch (answer.kind) {
    case 'department': return ['department']
    case 'date': return ['date']
    case 'choice': return ['date', 'department']
    case 'contact': return ['name', 'phone', 'date']
    case 'reference': return ['reference', 'phone', 'date']
    default: return ['date']
  }
}

function setDepartment (slots: Slots, code: string): void {
  if (slots.department === code) return
  slots.department = code
  delete slots.doctorId
  delete slots.doctorName
  delete slots.offered
  delete slots.slotId
}

function setDate (slots: Slots, when: DateAnswer): void {
  // "The afternoon would be better" changes the part of the day, not the day already asked for.
  const keepsDay = when.date === null && (when.partOfDay !== null || when.time !== null) && typeof slots.date === 'string'
  if (!keepsDay) {
    slots.date = when.date
    slots.weekdayToday = when.weekdayToday === true
    slots.spanDays = when.spanDays
  }
  slots.partOfDay = when.partOfDay
  slots.time = when.time
  delete slots.offered
  delete slots.slotId
}

async function nextStep (context: FlowContext, directory: BookingDirectory, slots: Slots): Promise<FlowOutcome> {
  if (slots.mode !== 'book' && !slots.reference) return ask(context, 'reference', slots, 'appointment.ask_reference', { kind: 'reference' })
  if (slots.mode !== 'book' && !slots.phone) return askPhone(context, slots)
  if (slots.mode === 'lookup') return finish(context, await context.services.appointments.lookup(identity(context, slots)), 'appointment.booked')
  if (slots.mode === 'cancel') return finish(context, await context.services.appointments.cancel(identity(context, slots)), 'appointment.cancelled')
  if (slots.mode === 'reschedule' && !slots.department) return rescheduleFromExisting(context, directory, slots)
  if (!slots.department) return ask(context, 'department', slots, 'appointment.ask_department', { kind: 'department' })
  if (slots.date === undefined) return askDate(context, slots)
  if (!slots.slotId || !slots.offered?.some((option) => option.id === slots.slotId)) return offerSlots(context, slots)
  if (slots.mode === 'reschedule') {
    const result = await context.services.appointments.reschedule({ ...identity(context, slots), newSlotId: slots.slotId })
    return retryIfTaken(context, slots, result, 'appointment.rescheduled')
  }
  if (!slots.name) return ask(context, 'name', slots, 'appointment.ask_name', { kind: 'contact', wants: slots.phone ? ['name'] : ['name', 'phone'] })
  if (!slots.phone) return askPhone(context, slots)
  const result = await context.services.appointments.book({ clinicId: context.clinic.id, slotId: slots.slotId, patientName: slots.name, phone: slots.phone, conversationId: context.conversation.id })
  if (!result.ok && result.reason === 'invalid_phone') return askPhone(context, { ...slots, phone: undefined, invalidPhone: true })
  if (!result.ok && result.reason === 'invalid_name') return ask(context, 'name', { ...slots, name: undefined }, 'appointment.ask_name', { kind: 'contact', wants: ['name'] })
  return retryIfTaken(context, slots, result, 'appointment.booked')
}

function askPhone (context: FlowContext, slots: Slots): FlowOutcome {
  return ask(context, 'phone', slots, slots.invalidPhone ? 'appointment.invalid_phone' : 'appointment.ask_phone', { kind: 'contact', wants: ['phone'] })
}

/** A move keeps the department of the existing appointment; the patient only picks a new time. */
async function rescheduleFromExisting (context: FlowContext, directory: BookingDirectory, slots: Slots): Promise<FlowOutcome> {
  const existing = await context.services.appointments.lookup(identity(context, slots))
  if (!existing.ok) return finish(context, existing, 'appointment.rescheduled')
  return nextStep(context, directory, { ...slots, department: existing.appointment.department.code })
}

/** "Which day?" with the next days that still have free times as buttons, earliest first. */
async function askDate (context: FlowContext, slots: Slots): Promise<FlowOutcome> {
  const found = await context.services.appointments.findSlots({ clinicId: context.clinic.id, department: slots.department!, doctorId: slots.doctorId, date: null, spanDays: SEARCH_DAYS, partOfDay: null, now: context.now, limit: 200 })
  const days: OfferedOption[] = []
  for (const slot of found) {
    const id = slot.start.slice(0, 10)
    if (!days.some((day) => day.id === id) && days.length < DAY_OPTIONS) days.push({ id, label: dateLabel(slot.start, context.locale) })
  }
  const pending: PendingQuestion = { kind: 'date', options: days }
  return { replies: [{ kind: 'question', key: 'appointment.ask_date', quickReplies: days.map((day) => ({ label: day.label, value: day.label })) }], next: state('date', slots, pending) }
}

async function offerSlots (context: FlowContext, slots: Slots): Promise<FlowOutcome> {
  const department = departmentName(slots.department as DepartmentCode, context.locale)
  const exact = await searchSlots(context, slots, slots.date ?? null, slots.spanDays ?? 1, slots.partOfDay ?? null)
  // Nothing that day (or that part of it has passed): the nearest later days, same part of day first.
  const widened = exact.length > 0 ? exact : await widenSearch(context, slots)
  if (widened.length === 0) {
    return { replies: [{ kind: 'info', key: 'appointment.no_slots', variables: { department } }], next: null }
  }
  const picked = pickSlots(widened, slots.time ?? null, OFFERED_SLOTS)
  const offered = picked.map((slot) => ({ id: slot.id, start: slot.start, label: slotLabel(slot.start, context.locale) }))
  const locale = context.locale === 'zh-CN' ? 'zh-CN' : 'en'
  const variables = { department, date: dateLabel(picked[0]!.start, context.locale), doctor: slots.doctorName?.[locale] ?? '' }
  const reply: PlannedReply = { kind: 'question', key: 'appointment.offer_slots', variables, quickReplies: offered.map((slot) => ({ label: slot.label, value: slot.label })) }
  const notice: PlannedReply[] = exact.length === 0 ? [{ kind: 'info', key: 'appointment.no_slots', variables: { department } }] : []
  return { replies: [...notice, reply], next: state('choose_slot', { ...slots, offered, slotId: undefined }, { kind: 'choice', options: offered }) }
}

function searchSlots (context: FlowContext, slots: Slots, date: string | null, spanDays: number, partOfDay: PartOfDay | null) {
  return context.services.appointments.findSlots({ clinicId: context.clinic.id, department: slots.department!, doctorId: slots.doctorId, date, spanDays, partOfDay, now: context.now, limit: 60 })
}

async function widenSearch (context: FlowContext, slots: Slots) {
  // "Friday" said on a Friday after its last free time means next Friday.
  if (slots.weekdayToday && slots.date) {
    const nextWeek = await searchSlots(context, slots, addLocalDays(slots.date, 7), slots.spanDays ?? 1, slots.partOfDay ?? null)
    if (nextWeek.length > 0) return nextWeek
  }
  const from = slots.date ?? null
  const samePart = await searchSlots(context, slots, from, SEARCH_DAYS, slots.partOfDay ?? null)
  if (samePart.length > 0 || !slots.partOfDay) return samePart
  return searchSlots(context, slots, from, SEARCH_DAYS, null)
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
  // "Would you like to book another time?" after a cancellation: a "yes" books in the same department.
  const offer = appointment.status === 'cancelled' ? { offer: { kind: 'yes_no' as const, offer: 'book_again', flow: 'appointment', intent: 'appointment_book', slots: { department: code } } } : {}
  return {
    replies: [{ kind: 'answer', key: successKey, variables }],
    next: null,
    appointment: { reference: appointment.reference, status: appointment.status, department: code, start: appointment.start },
    ...offer
  }
}

function ask (context: FlowContext, step: string, slots: Slots, key: string, pending: PendingQuestion): FlowOutcome {
  return { replies: [{ kind: 'question', key }], next: state(step, slots, pending) }
}

function state (step: string, slots: Slots, pending: PendingQuestion): FlowState {
  return { flow: 'appointment', step, slots: JSON.parse(JSON.stringify(stripUndefined({ ...slots, declined: undefined }))), pending }
}

function stripUndefined (slots: Slots): Slots {
  return Object.fromEntries(Object.entries(slots).filter(([, value]) => value !== undefined)) as Slots
}

function identity (context: FlowContext, slots: Slots) {
  return { clinicId: context.clinic.id, reference: slots.reference!, phone: slots.phone! }
}
