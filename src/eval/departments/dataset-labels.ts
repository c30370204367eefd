import type { DepartmentCode } from '../../flows/triage-vocabulary.ts'

/** How one dataset label is scored: `primary` is the strict answer, `accepted` every code counted correct. */
export type LabelMapping = { primary: DepartmentCode, accepted: DepartmentCode[] }

const INTERNAL_MEDICINE_FAMILY: DepartmentCode[] = [
  'internal_medicine', 'general_medicine', 'cardiology', 'respiratory', 'gastroenterology', 'neurology',
  'endocrinology', 'nephrology', 'hematology', 'rheumatology', 'hepatology', 'infectious_disease'
]

/**
 * The shared dev sets' Chinese labels mapped to our codes. Decisions:
 * - 外科 is the surgical umbrella (its rows are mostly 骨科, also 普外科, 泌尿外科, 男科): primary
 *   orthopedics, and every surgical code we have is accepted.
 * - 五官科 = ENT, eye and dental together: all three accepted.
 * - 内科 = internal medicine: any internal sub-specialty is accepted.
 * - 传染病科 rows include 乙肝/肝病 sub-departments: hepatology is accepted beside infectious_disease.
 * - Every other label maps to exactly one code.
 */
export const DATASET_LABELS: Record<string, LabelMapping> = {
  外科: { primary: 'orthopedics', accepted: ['orthopedics', 'general_surgery', 'urology', 'andrology'] },
  五官科: { primary: 'ent', accepted: ['ent', 'ophthalmology', 'stomatology'] },
  '变态反应科(过敏)': { primary: 'allergy', accepted: ['allergy'] },
  中医科: { primary: 'tcm', accepted: ['tcm'] },
  传染病科: { primary: 'infectious_disease', accepted: ['infectious_disease', 'hepatology'] },
  儿科: { primary: 'pediatrics', accepted: ['pediatrics'] },
  内科: { primary: 'internal_medicine', accepted: INTERNAL_MEDICINE_FAMILY },
  妇产科: { primary: 'obstetrics_gynecology', accepted: ['obstetrics_gynecology'] },
  心理科: { primary: 'psychiatry', accepted: ['psychiatry'] },
  男科: { primary: 'andrology', accepted: ['andrology'] },
  皮肤科: { primary: 'dermatology', accepted: ['dermatology'] },
  肿瘤科: { primary: 'oncology', accepted: ['oncology'] },
  消化科: { primary: 'gastroenterology', accepted: ['gastroenterology'] },
  呼吸科: { primary: 'respiratory', accepted: ['respiratory'] },
  内分泌科: { primary: 'endocrinology', accepted: ['endocrinology'] },
  肝病科: { primary: 'hepatology', accepted: ['hepatology'] },
  神经科: { primary: 'neurology', accepted: ['neurology'] },
  心血管科: { primary: 'cardiology', accepted: ['cardiology'] }
}
