import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { ScheduleAdmin } from '../../appointments/schedule-admin.ts'
import { staffRoute } from '../access/route-access.ts'
import { auditedBy } from '../access/staff-principal.ts'
import { errorResponseSchema } from '../schemas/error.ts'
import { STAFF_SECURITY } from '../plugins/openapi.ts'
import {
  adminAppointmentSchema, appointmentQuerySchema, clinicParamsSchema, departmentSchema, doctorBodySchema, doctorSchema,
  generateSlotsBodySchema, putDepartmentsBodySchema, scheduleBodySchema, scheduleImportBodySchema, scheduleSchema,
  slotQuerySchema, slotSchema
} from '../schemas/appointments.ts'

export type AdminScheduleRouteOptions = { admin: ScheduleAdmin }

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema }
const base = '/v1/admin/clinics/:clinicId'
const common = { tags: ['admin: scheduling'], security: STAFF_SECURITY, params: clinicParamsSchema }
// Supervisors read the set-up and the bookings; admins change it.
const read = { access: staffRoute('supervisor', { clinic: 'path' }) }
const write = { access: staffRoute('admin', { clinic: 'path' }) }

/** Clinic staff manage departments, doctors, weekly schedules and slots (an API key or an agent of the clinic). */
export function adminScheduleRoutes ({ admin }: AdminScheduleRouteOptions): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(`${base}/departments`, {
      config: read,
      schema: { ...common, summary: 'List the clinic\'s departments', response: { 200: z.object({ departments: z.array(departmentSchema) }), ...errors } }
    }, async (request) => ({ departments: await admin.listDepartments(request.params.clinicId) }))

    app.put(`${base}/departments`, {
      config: write,
      schema: { ...common, summary: 'Create or update departments (names, availability, fallback)', body: putDepartmentsBodySchema, response: { 200: z.object({ departments: z.array(departmentSchema) }), ...errors } }
    }, async (request) => ({ departments: await admin.putDepartments(request.params.clinicId, request.body.departments, auditedBy(request)) }))

    app.post(`${base}/doctors`, {
      config: write,
      schema: { ...common, summary: 'Create or update a doctor', body: doctorBodySchema, response: { 201: z.object({ doctor: doctorSchema }), ...errors } }
    }, async (request, reply) => reply.status(201).send({ doctor: await admin.putDoctor(request.params.clinicId, request.body, auditedBy(request)) }))

    app.post(`${base}/schedules`, {
      config: write,
      schema: { ...common, summary: 'Add a weekly schedule template', body: scheduleBodySchema, response: { 201: z.object({ schedule: scheduleSchema }), ...errors } }
    }, async (request, reply) => {
      const [schedule] = await admin.addSchedules(request.params.clinicId, [request.body], auditedBy(request))
      return reply.status(201).send({ schedule: schedule as z.infer<typeof scheduleSchema> })
    })

    app.post(`${base}/schedules/import`, {
      config: write,
      schema: { ...common, summary: 'Add many weekly schedule templates (all or none)', body: scheduleImportBodySchema, response: { 201: z.object({ schedules: z.array(scheduleSchema) }), ...errors } }
    }, async (request, reply) => reply.status(201).send({ schedules: await admin.addSchedules(request.params.clinicId, request.body, auditedBy(request)) }))

    app.post(`${base}/slots/generate`, {
      config: write,
      schema: { ...common, summary: 'Expand the weekly schedules into slots for local dates from … to (inclusive)', body: generateSlotsBodySchema, response: { 200: z.object({ created: z.number(), timeZone: z.string(), days: z.number() }), ...errors } }
    }, async (request) => admin.generateSlots(request.params.clinicId, request.body, auditedBy(request)))

    app.get(`${base}/slots`, {
      config: read,
      schema: { ...common, summary: 'Slots of every status in a window', querystring: slotQuerySchema, response: { 200: z.object({ slots: z.array(slotSchema) }), ...errors } }
    }, async (request) => ({ slots: await admin.listSlots(request.params.clinicId, request.query) }))

    app.get(`${base}/appointments`, {
      config: read,
      schema: { ...common, summary: 'Appointments whose slot starts in a window', querystring: appointmentQuerySchema, response: { 200: z.object({ appointments: z.array(adminAppointmentSchema) }), ...errors } }
    }, async (request) => ({ appointments: await admin.listAppointments(request.params.clinicId, request.query, auditedBy(request)) }))
  }
}
