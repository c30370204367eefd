import { z } from 'zod'
import type { Appointment, AppointmentStatus, DepartmentRef, Slot, SlotStatus } from './appointment-types.ts'

// Our identifiers in FHIR resources. Replace the base with the clinic's own when exchanging with a HIS.
export const FHIR_SYSTEMS = Object.freeze({
  department: 'https://clinic-triage.example/fhir/CodeSystem/department',
  doctor: 'https://clinic-triage.example/fhir/NamingSystem/doctor',
  schedule: 'https://clinic-triage.example/fhir/NamingSystem/schedule',
  appointmentReference: 'https://clinic-triage.example/fhir/NamingSystem/appointment-reference',
  appointmentStatus: 'https://clinic-triage.example/fhir/StructureDefinition/appointment-status'
})

type Coding = { system: string, code: string, display: string }
type CodeableConcept = { coding: Coding[], text: string }
type Reference = { reference?: string, type?: string, identifier?: { system: string, value: string }, display?: string }

export type FhirSlot = {
  resourceType: 'Slot'
  id: string
  schedule: Reference
  status: 'free' | 'busy' | 'busy-tentative'
  start: string
  end: string
  serviceType: CodeableConcept[]
  specialty: CodeableConcept[]
}

export type FhirAppointment = {
  resourceType: 'Appointment'
  id: string
  identifier: Array<{ system: string, value: string }>
  status: 'booked' | 'cancelled'
  extension: Array<{ url: string, valueCode: string }>
  serviceType: CodeableConcept[]
  specialty: CodeableConcept[]
  start: string
  end: string
  created: string
  slot: Reference[]
  participant: Array<{ actor: Reference, required: 'required', status: 'accepted' }>
}

const SLOT_STATUS_TO_FHIR = { free: 'free', held: 'busy-tentative', booked: 'busy' } as const

/** Our slot as a FHIR R4 Slot. */
export function toFhirSlot (slot: Slot): FhirSlot {
  return {
    resourceType: 'Slot',
    id: slot.id,
    schedule: scheduleReference(slot),
    status: SLOT_STATUS_TO_FHIR[slot.status],
    start: slot.start,
    end: slot.end,
    serviceType: [departmentConcept(slot.department)],
    specialty: [departmentConcept(slot.department)]
  }
}

/** Our appointment as a FHIR R4 Appointment. FHIR has no "rescheduled": it is `booked` plus our status extension. */
export function toFhirAppointment (appointment: Appointment): FhirAppointment {
  const participant: FhirAppointment['participant'] = [
    { actor: { type: 'Patient', display: appointment.patient.name }, required: 'required', status: 'accepted' }
  ]
  if (appointment.doctor) {
    participant.push({ actor: doctorReference(appointment.doctor.id, appointment.doctor.name.en), required: 'required', status: 'accepted' })
  }
  return {
    resourceType: 'Appointment',
    id: appointment.id,
    identifier: [{ system: FHIR_SYSTEMS.appointmentReference, value: appointment.reference }],
    status: appointment.status === 'cancelled' ? 'cancelled' : 'booked',
    extension: [{ url: FHIR_SYSTEMS.appointmentStatus, valueCode: appointment.status }],
    serviceType: [departmentConcept(appointment.department)],
    specialty: [departmentConcept(appointment.department)],
    start: appointment.start,
    end: appointment.end,
    created: appointment.createdAt,
    slot: [{ reference: `Slot/${appointment.slotId}` }],
    participant
  }
}

function departmentConcept (department: DepartmentRef): CodeableConcept {
  return { coding: [{ system: FHIR_SYSTEMS.department, code: department.code, display: department.name.en }], text: department.name['zh-CN'] }
}

// One Schedule per doctor, or per department for slots without a doctor.
function scheduleReference (slot: Slot): Reference {
  const key = slot.doctor ? `doctor:${slot.doctor.id}` : `department:${slot.department.code}`
  return {
    reference: `Schedule/${toFhirId(key)}`,
    type: 'Schedule',
    identifier: { system: FHIR_SYSTEMS.schedule, value: key },
    display: slot.doctor ? slot.doctor.name.en : slot.department.name.en
  }
}

// FHIR ids allow only [A-Za-z0-9.-]; the exact id travels in the identifier.
function doctorReference (doctorId: string, display: string): Reference & { identifier: { system: string, value: string } } {
  return {
    reference: `Practitioner/${toFhirId(doctorId)}`,
    type: 'Practitioner',
    identifier: { system: FHIR_SYSTEMS.doctor, value: doctorId },
    display
  }
}

function toFhirId (value: string): string {
  return value.replace(/[^A-Za-z0-9.-]/g, '-').slice(0, 64)
}

// Minimal schemas: only what the mapping back reads; anything else a server sends is ignored.
const codingSchema = z.object({ system: z.string().optional(), code: z.string().optional() })
const conceptListSchema = z.array(z.object({ coding: z.array(codingSchema).optional() })).optional()
const referenceSchema = z.object({ reference: z.string().optional(), identifier: z.object({ system: z.string().optional(), value: z.string() }).optional() })
const fhirSlotSchema = z.object({
  resourceType: z.literal('Slot'),
  id: z.string(),
  status: z.string(),
  start: z.string(),
  end: z.string(),
  schedule: referenceSchema.optional(),
  serviceType: conceptListSchema,
  specialty: conceptListSchema
})
const fhirAppointmentSchema = z.object({
  resourceType: z.literal('Appointment'),
  id: z.string(),
  status: z.string(),
  start: z.string(),
  end: z.string(),
  identifier: z.array(z.object({ system: z.string().optional(), value: z.string() })).optional(),
  extension: z.array(z.object({ url: z.string(), valueCode: z.string().optional() })).optional(),
  serviceType: conceptListSchema,
  specialty: conceptListSchema,
  slot: z.array(referenceSchema).optional(),
  participant: z.array(z.object({ actor: referenceSchema.optional() })).optional()
})

/** The fields of a FHIR Slot we use; names come from the clinic directory, not from the HIS. */
export type SlotFields = { id: string, department: string | null, doctorId: string | null, start: string, end: string, status: SlotStatus }

export type AppointmentFields = {
  id: string,
  reference: string | null,
  status: AppointmentStatus,
  slotId: string | null,
  department: string | null,
  doctorId: string | null,
  start: string,
  end: string
}

/** Reads a FHIR R4 Slot; throws a ZodError when the resource lacks what we need. */
export function fromFhirSlot (resource: unknown): SlotFields {
  const slot = fhirSlotSchema.parse(resource)
  const status: SlotStatus = slot.status === 'free' ? 'free' : slot.status === 'busy-tentative' ? 'held' : 'booked'
  return {
    id: slot.id,
    department: departmentCodeIn(slot.specialty) ?? departmentCodeIn(slot.serviceType),
    doctorId: scheduledDoctorIn(slot.schedule),
    start: slot.start,
    end: slot.end,
    status
  }
}

/** Reads a FHIR R4 Appointment; throws a ZodError when the resource lacks what we need. */
export function fromFhirAppointment (resource: unknown): AppointmentFields {
  const appointment = fhirAppointmentSchema.parse(resource)
  const ourStatus = appointment.extension?.find((extension) => extension.url === FHIR_SYSTEMS.appointmentStatus)?.valueCode
  const cancelled = ['cancelled', 'noshow', 'entered-in-error'].includes(appointment.status)
  const status: AppointmentStatus = cancelled ? 'cancelled' : ourStatus === 'rescheduled' ? 'rescheduled' : 'booked'
  const slotReference = appointment.slot?.[0]?.reference
  return {
    id: appointment.id,
    reference: appointment.identifier?.find((identifier) => identifier.system === FHIR_SYSTEMS.appointmentReference)?.value ?? null,
    status,
    slotId: slotReference?.startsWith('Slot/') ? slotReference.slice('Slot/'.length) : null,
    department: departmentCodeIn(appointment.specialty) ?? departmentCodeIn(appointment.serviceType),
    doctorId: appointment.participant?.map((participant) => doctorIdIn(participant.actor)).find((id) => id !== null) ?? null,
    start: appointment.start,
    end: appointment.end
  }
}

function departmentCodeIn (concepts: z.infer<typeof conceptListSchema>): string | null {
  for (const concept of concepts ?? []) {
    const coding = concept.coding?.find((candidate) => candidate.system === FHIR_SYSTEMS.department && candidate.code)
    if (coding?.code) return coding.code
  }
  return null
}

function scheduledDoctorIn (reference: z.infer<typeof referenceSchema> | undefined): string | null {
  const key = reference?.identifier?.system === FHIR_SYSTEMS.schedule ? reference.identifier.value : ''
  return key.startsWith('doctor:') ? key.slice('doctor:'.length) : null
}

function doctorIdIn (reference: z.infer<typeof referenceSchema> | undefined): string | null {
  if (reference?.identifier?.system === FHIR_SYSTEMS.doctor) return reference.identifier.value
  return reference?.reference?.startsWith('Practitioner/') ? reference.reference.slice('Practitioner/'.length) : null
}
