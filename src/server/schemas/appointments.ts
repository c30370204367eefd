import { z } from 'zod'
import { DEPARTMENT_CODES } from '../../flows/triage-vocabulary.ts'

const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM')
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
const dateOrDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T.+)?$/, 'must be a date YYYY-MM-DD or an ISO-8601 date-time')
const departmentCode = z.enum(DEPARTMENT_CODES as [string, ...string[]], { error: 'must be a department code from architecture.md' })
const identifier = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'may hold letters, digits, dot, dash and underscore')

export const localizedNameSchema = z.object({ 'zh-CN': z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) })

export const clinicParamsSchema = z.object({ clinicId: z.string().min(1).max(64) })

export const departmentSchema = z.object({
  code: z.string(),
  name: localizedNameSchema,
  available: z.boolean(),
  fallbackCode: z.string().nullable()
}).describe('ClinicDepartment')

export const putDepartmentsBodySchema = z.object({
  departments: z.array(z.object({
    code: departmentCode,
    name: localizedNameSchema.optional(),
    available: z.boolean().default(true),
    fallbackCode: departmentCode.nullable().optional()
  }).strict()).min(1).max(100)
}).strict()

export const doctorBodySchema = z.object({
  id: identifier,
  department: departmentCode,
  name: localizedNameSchema,
  active: z.boolean().default(true)
}).strict()

export const doctorSchema = z.object({ clinicId: z.string(), id: z.string(), department: z.string(), name: localizedNameSchema, active: z.boolean() }).describe('Doctor')

/** A weekly template; weekday is 1 (Monday) … 7 (Sunday) or mon … sun. */
export const scheduleBodySchema = z.object({
  department: departmentCode,
  doctorId: identifier.nullable().optional(),
  weekday: z.union([z.number().int().min(1).max(7), z.enum(WEEKDAY_NAMES).transform((name) => WEEKDAY_NAMES.indexOf(name) + 1)]),
  startTime: localTime,
  endTime: localTime,
  slotMinutes: z.number().int().min(5).max(480).default(30)
}).strict()

export const scheduleImportBodySchema = z.array(scheduleBodySchema).min(1).max(1000)

export const scheduleSchema = z.object({
  id: z.string(),
  clinicId: z.string(),
  department: z.string(),
  doctorId: z.string().nullable(),
  weekday: z.number(),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number()
}).describe('WeeklySchedule')

export const generateSlotsBodySchema = z.object({ from: localDate, to: localDate }).strict()

export const slotQuerySchema = z.object({ department: departmentCode.optional(), from: dateOrDateTime, to: dateOrDateTime })
export const appointmentQuerySchema = z.object({ from: dateOrDateTime, to: dateOrDateTime })

const departmentRefSchema = z.object({ code: z.string(), name: localizedNameSchema })
const doctorRefSchema = z.object({ id: z.string(), name: localizedNameSchema }).nullable()

export const slotSchema = z.object({
  id: z.string(),
  clinicId: z.string(),
  department: departmentRefSchema,
  doctor: doctorRefSchema,
  start: z.string(),
  end: z.string(),
  status: z.enum(['free', 'held', 'booked'])
}).describe('Slot')

export const adminAppointmentSchema = z.object({
  id: z.string(),
  reference: z.string(),
  clinicId: z.string(),
  status: z.enum(['booked', 'rescheduled', 'cancelled']),
  slotId: z.string(),
  department: departmentRefSchema,
  doctor: doctorRefSchema,
  start: z.string(),
  end: z.string(),
  patient: z.object({ name: z.string(), phoneMasked: z.string() }),
  conversationId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
}).describe('AdminAppointment')
