import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { ScheduleAdmin } from '../../appointments/schedule-admin.ts'
import { AppError } from '../../errors.ts'
import { errorResponseSchema } from '../schemas/error.ts'
import {
  adminAppointmentSchema, appointmentQuerySchema, clinicParamsSchema, departmentSchema, doctorBodySchema, doctorSchema,
  generateSlotsBodySchema, putDepartmentsBodySchema, scheduleBodySchema, scheduleImportBodySchema, scheduleSchema,
  slotQuerySchema, slotSchema
} from '../schemas/appointments.ts'

export type AdminScheduleRouteOptions = {
  admin: ScheduleAdmin
  /** Unset means the admin API is off: every request is refused. */
  adminApiKey: string | undefined
}

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 404: errorResponseSchema }
const base = '/v1/admin/clinics/:clinicId'
const common = { tags: ['admin: scheduling'], security: [{ adminApiKey: [] }], params: clinicParamsSchema }

/** Clinic staff manage departments, doctors, weekly schedules and slots; every route needs x-api-key. */
export function adminScheduleRoutes ({ admin, adminApiKey }: AdminScheduleRouteOptions): FastifyPluginAsyncZod {
  return async (app) => {
    // onRequest, so an unauthenticated caller learns nothing from validation errors.
    // There is no shared admin-auth plugin yet; move this there when one exists.
    app.addHook('onRequest', async (request) => requireAdminKey(request, adminApiKey))

    app.get(`${base}/departments`, {
      schema: { ...common, summary: 'List the clinic\'s departments', response: { 200: z.object({ departments: z.array(departmentSchema) }), ...errors } }
    }, async (request) => ({ departments: await admin.listDepartments(request.params.clinicId) }))

    app.put(`${base}/departments`, {
      schema: { ...common, summary: 'Create or update departments (names, availability, fallback)', body: putDepartmentsBodySchema, response: { 200: z.object({ departments: z.array(departmentSchema) }), ...errors } }
    }, async (request) => ({ departments: await admin.putDepartments(request.params.clinicId, request.body.departments) }))

    app.post(`${base}/doctors`, {
      schema: { ...common, summary: 'Create or update a doctor', body: doctorBodySchema, response: { 201: z.object({ doctor: doctorSchema }), ...errors } }
    }, async (request, reply) => reply.status(201).send({ doctor: await admin.putDoctor(request.params.clinicId, request.body) }))

    app.post(`${base}/schedules`, {
      schema: { ...common, summary: 'Add a weekly schedule template', body: scheduleBodySchema, response: { 201: z.object({ schedule: scheduleSchema }), ...errors } }
    }, async (request, reply) => {
      const [schedule] = await admin.addSchedules(request.params.clinicId, [request.body])
      return reply.status(201).send({ schedule: schedule as z.infer<typeof scheduleSchema> })
    })

    app.post(`${base}/schedules/import`, {
      schema: { ...common, summary: 'Add many weekly schedule templates (all or none)', body: scheduleImportBodySchema, response: { 201: z.object({ schedules: z.array(scheduleSchema) }), ...errors } }
    }, async (request, reply) => reply.status(201).send({ schedules: await admin.addSchedules(request.params.clinicId, request.body) }))

    app.post(`${base}/slots/generate`, {
      schema: { ...common, summary: 'Expand the weekly schedules into slots for local dates from … to (inclusive)', body: generateSlotsBodySchema, response: { 200: z.object({ created: z.number(), timeZone: z.string(), days: z.number() }), ...errors } }
    }, async (request) => admin.generateSlots(request.params.clinicId, request.body))

    app.get(`${base}/slots`, {
      schema: { ...common, summary: 'Slots of every status in a window', querystring: slotQuerySchema, response: { 200: z.object({ slots: z.array(slotSchema) }), ...errors } }
    }, async (request) => ({ slots: await admin.listSlots(request.params.clinicId, request.query) }))

    app.get(`${base}/appointments`, {
      schema: { ...common, summary: 'Appointments whose slot starts in a window', querystring: appointmentQuerySchema, response: { 200: z.object({ appointments: z.array(adminAppointmentSchema) }), ...errors } }
    }, async (request) => ({ appointments: await admin.listAppointments(request.params.clinicId, request.query) }))
  }
}

function requireAdminKey (request: FastifyRequest, adminApiKey: string | undefined): void {
  const given = request.headers['x-api-key']
  if (!adminApiKey) throw new AppError('UNAUTHORIZED', 'The admin API is off: set ADMIN_API_KEY to use it.')
  if (typeof given !== 'string' || !sameSecret(given, adminApiKey)) throw new AppError('UNAUTHORIZED', 'A valid x-api-key header is required.')
}

// Compare digests so neither the length nor the content of the key leaks through timing.
function sameSecret (given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}
