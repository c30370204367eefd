/** Urgency levels, most urgent first. Stable API codes (see shared/design/architecture.md). */
export const URGENCIES = ['emergency', 'urgent', 'routine', 'self_care'] as const

export type Urgency = typeof URGENCIES[number]

/** The canonical department codes with their Chinese and English names. Stable API codes. */
export const DEPARTMENTS = {
  emergency: { zh: '急诊科', en: 'Emergency' },
  general_medicine: { zh: '全科', en: 'General practice' },
  internal_medicine: { zh: '内科', en: 'Internal medicine' },
  cardiology: { zh: '心内科', en: 'Cardiology' },
  respiratory: { zh: '呼吸内科', en: 'Respiratory medicine' },
  gastroenterology: { zh: '消化内科', en: 'Gastroenterology' },
  neurology: { zh: '神经内科', en: 'Neurology' },
  endocrinology: { zh: '内分泌科', en: 'Endocrinology' },
  nephrology: { zh: '肾内科', en: 'Nephrology' },
  general_surgery: { zh: '普外科', en: 'General surgery' },
  orthopedics: { zh: '骨科', en: 'Orthopedics' },
  urology: { zh: '泌尿外科', en: 'Urology' },
  andrology: { zh: '男科', en: 'Andrology' },
  obstetrics_gynecology: { zh: '妇产科', en: 'Obstetrics and gynecology' },
  pediatrics: { zh: '儿科', en: 'Pediatrics' },
  dermatology: { zh: '皮肤科', en: 'Dermatology' },
  ophthalmology: { zh: '眼科', en: 'Ophthalmology' },
  ent: { zh: '耳鼻喉科', en: 'ENT' },
  stomatology: { zh: '口腔科', en: 'Dental' },
  psychiatry: { zh: '精神心理科', en: 'Mental health' },
  oncology: { zh: '肿瘤科', en: 'Oncology' },
  infectious_disease: { zh: '感染科', en: 'Infectious diseases' },
  rehabilitation: { zh: '康复科', en: 'Rehabilitation' },
  hepatology: { zh: '肝病科', en: 'Hepatology' },
  hematology: { zh: '血液科', en: 'Hematology' },
  rheumatology: { zh: '风湿免疫科', en: 'Rheumatology' },
  allergy: { zh: '变态反应科', en: 'Allergy' },
  tcm: { zh: '中医科', en: 'Traditional Chinese medicine' }
} as const satisfies Record<string, { zh: string, en: string }>

export type DepartmentCode = keyof typeof DEPARTMENTS

export const DEPARTMENT_CODES = Object.freeze(Object.keys(DEPARTMENTS) as DepartmentCode[])

export function isDepartmentCode (value: unknown): value is DepartmentCode {
  return typeof value === 'string' && Object.hasOwn(DEPARTMENTS, value)
}

export function isUrgency (value: unknown): value is Urgency {
  return typeof value === 'string' && (URGENCIES as readonly string[]).includes(value)
}

/** Department display name; any Chinese locale (zh, zh-CN, zh-TW…) gets the Chinese name. */
export function departmentName (code: DepartmentCode, locale: string): string {
  const names = DEPARTMENTS[code]
  return locale.toLowerCase().startsWith('zh') ? names.zh : names.en
}

/** Higher is more urgent: emergency 3, urgent 2, routine 1, self_care 0. */
export function urgencyRank (urgency: Urgency): number {
  return URGENCIES.length - 1 - URGENCIES.indexOf(urgency)
}

export function maxUrgency (first: Urgency, second: Urgency): Urgency {
  return urgencyRank(first) >= urgencyRank(second) ? first : second
}
