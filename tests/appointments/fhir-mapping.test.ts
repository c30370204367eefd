import { describe, expect, it } from 'vitest'
import type { Appointment, Slot } from '../../src/appointments/appointment-types.ts'
import { FHIR_SYSTEMS, fromFhirAppointment, fromFhirSlot, toFhirAppointment, toFhirSlot } from '../../src/appointments/fhir-mapping.ts'

const cardiology = { code: 'cardiology', name: { 'zh-CN': '心内科', en: 'Cardiology' } }
const doctor = { id: 'dr_li', name: { 'zh-CN': '李明医生', en: 'Dr. Li Ming' } }

const slot: Slot = {
  id: '0b6c3c1e-2a7d-4e1f-9a38-6d1f2f0c9a11',
  clinicId: 'default',
  department: cardiology,
  doctor,
  start: '2026-12-03T15:30:00+08:00',
  end: '2026-12-03T16:00:00+08:00',
  status: 'booked'
}

const appointment: Appointment = {
  id: '7f0a5a4e-8f7b-4c52-b1de-0d6f4f3f2c10',
  reference: 'APT-7K2M9Q',
  clinicId: 'default',
  status: 'rescheduled',
  slotId: slot.id,
  department: cardiology,
  doctor,
  start: slot.start,
  end: slot.end,
  patient: { name: '张伟', phoneMasked: '+86138****5678' },
  conversationId: null,
  createdAt: '2026-12-01T10:00:00+08:00',
  updatedAt: '2026-12-01T11:00:00+08:00'
}

describe('FHIR R4 Slot', () => {
  it('has the Slot shape with busy status, department coding and the schedule of the doctor', () => {
    expect(toFhirSlot(slot)).toEqual({
      resourceType: 'Slot',
      id: slot.id,
      schedule: { reference: 'Schedule/doctor-dr-li', type: 'Schedule', identifier: { system: FHIR_SYSTEMS.schedule, value: 'doctor:dr_li' }, display: 'Dr. Li Ming' },
      status: 'busy',
      start: '2026-12-03T15:30:00+08:00',
      end: '2026-12-03T16:00:00+08:00',
      serviceType: [{ coding: [{ system: FHIR_SYSTEMS.department, code: 'cardiology', display: 'Cardiology' }], text: '心内科' }],
      specialty: [{ coding: [{ system: FHIR_SYSTEMS.department, code: 'cardiology', display: 'Cardiology' }], text: '心内科' }]
    })
    expect(toFhirSlot({ ...slot, status: 'free', doctor: null }).status).toBe('free')
    expect(toFhirSlot({ ...slot, status: 'held' }).status).toBe('busy-tentative')
    expect(toFhirSlot({ ...slot, doctor: null }).schedule.identifier).toEqual({ system: FHIR_SYSTEMS.schedule, value: 'department:cardiology' })
  })

  it('maps back to our fields', () => {
    expect(fromFhirSlot(toFhirSlot(slot))).toEqual({
      id: slot.id, department: 'cardiology', doctorId: 'dr_li', start: slot.start, end: slot.end, status: 'booked'
    })
    expect(fromFhirSlot({ resourceType: 'Slot', id: 'x', status: 'free', start: 'a', end: 'b' })).toMatchObject({ department: null, doctorId: null, status: 'free' })
    expect(() => fromFhirSlot({ resourceType: 'Appointment', id: 'x' })).toThrow()
  })
})

describe('FHIR R4 Appointment', () => {
  it('has the Appointment shape with identifier, slot and participant actor references', () => {
    const resource = toFhirAppointment(appointment)
    expect(resource).toMatchObject({
      resourceType: 'Appointment',
      id: appointment.id,
      identifier: [{ system: FHIR_SYSTEMS.appointmentReference, value: 'APT-7K2M9Q' }],
      status: 'booked',
      extension: [{ url: FHIR_SYSTEMS.appointmentStatus, valueCode: 'rescheduled' }],
      start: '2026-12-03T15:30:00+08:00',
      end: '2026-12-03T16:00:00+08:00',
      created: '2026-12-01T10:00:00+08:00',
      slot: [{ reference: `Slot/${slot.id}` }],
      specialty: [{ coding: [{ system: FHIR_SYSTEMS.department, code: 'cardiology' }] }]
    })
    expect(resource.participant).toEqual([
      { actor: { type: 'Patient', display: '张伟' }, required: 'required', status: 'accepted' },
      { actor: { reference: 'Practitioner/dr-li', type: 'Practitioner', identifier: { system: FHIR_SYSTEMS.doctor, value: 'dr_li' }, display: 'Dr. Li Ming' }, required: 'required', status: 'accepted' }
    ])
    expect(toFhirAppointment({ ...appointment, status: 'cancelled' }).status).toBe('cancelled')
  })

  it('maps back to our fields, reading a plain FHIR server resource too', () => {
    expect(fromFhirAppointment(toFhirAppointment(appointment))).toEqual({
      id: appointment.id,
      reference: 'APT-7K2M9Q',
      status: 'rescheduled',
      slotId: slot.id,
      department: 'cardiology',
      doctorId: 'dr_li',
      start: slot.start,
      end: slot.end
    })
    expect(fromFhirAppointment({
      resourceType: 'Appointment',
      id: 'his-1',
      status: 'noshow',
      start: 's',
      end: 'e',
      participant: [{ actor: { reference: 'Patient/9' } }, { actor: { reference: 'Practitioner/p-7' } }]
    })).toEqual({ id: 'his-1', reference: null, status: 'cancelled', slotId: null, department: null, doctorId: 'p-7', start: 's', end: 'e' })
  })
})
