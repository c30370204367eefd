import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { DEPARTMENTS, isDepartmentCode } from '../flows/triage-vocabulary.ts'
import type { LocalizedName } from './appointment-types.ts'

/** Departments and doctors a clinic starts with (the scheduling part of corpus/clinic.json). */
export type ClinicCatalog = {
  timezone: string | null
  departments: Array<{ code: string, name: LocalizedName, available: boolean, fallbackCode: string | null }>
  doctors: Array<{ id: string, name: LocalizedName, department: string }>
}

export const SAMPLE_CLINIC_FILE = new URL('../../corpus/clinic.json', import.meta.url)

const nameSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) })
// Only the fields scheduling reads; the rest of clinic.json belongs to other modules.
const catalogFileSchema = z.object({
  timezone: z.string().optional(),
  departments: z.array(z.object({ code: z.string(), name: nameSchema.optional(), available: z.boolean().default(true) })).default([]),
  departmentFallback: z.record(z.string(), z.string()).default({}),
  doctors: z.array(z.object({ id: z.string().min(1), name: nameSchema, department: z.string() })).default([])
})

const DEFAULT_DEPARTMENTS = ['emergency', 'general_medicine', 'internal_medicine', 'pediatrics', 'dermatology'] as const

/** Built in, for an install without corpus/clinic.json: a small general clinic. */
export const DEFAULT_CLINIC_CATALOG: ClinicCatalog = Object.freeze({
  timezone: null,
  departments: DEFAULT_DEPARTMENTS.map((code) => ({ code, name: vocabularyName(code), available: true, fallbackCode: null })),
  doctors: [
    { id: 'dr-general', name: { 'zh-CN': '全科门诊医生', en: 'General practice doctor' }, department: 'general_medicine' },
    { id: 'dr-internal', name: { 'zh-CN': '内科门诊医生', en: 'Internal medicine doctor' }, department: 'internal_medicine' }
  ]
})

/** Reads the catalog from a clinic.json file, or the built-in default when the file does not exist. */
export async function loadClinicCatalog (file: URL | string = SAMPLE_CLINIC_FILE): Promise<ClinicCatalog> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return DEFAULT_CLINIC_CATALOG
    throw error
  }
  return parseClinicCatalog(JSON.parse(text))
}

/** Validates a clinic.json document; unknown department codes are dropped (the code list is canonical). */
export function parseClinicCatalog (document: unknown): ClinicCatalog {
  const parsed = catalogFileSchema.parse(document)
  const departments = parsed.departments.filter((department) => isDepartmentCode(department.code)).map((department) => ({
    code: department.code,
    name: department.name ?? vocabularyName(department.code),
    available: department.available,
    fallbackCode: parsed.departmentFallback[department.code] ?? null
  }))
  return {
    timezone: parsed.timezone ?? null,
    departments,
    doctors: parsed.doctors.filter((doctor) => isDepartmentCode(doctor.department))
  }
}

export function vocabularyName (code: string): LocalizedName {
  const names = isDepartmentCode(code) ? DEPARTMENTS[code] : { zh: code, en: code }
  return { 'zh-CN': names.zh, en: names.en }
}
