import { DEPARTMENTS, type DepartmentCode } from '../triage-vocabulary.ts'

// Other names patients use for a department, beyond the canonical zh/en names in triage-vocabulary.ts.
const ALIASES: Array<[DepartmentCode, string[]]> = [
  ['emergency', ['急诊', 'emergency room', 'emergency department', 'a&e', 'er']],
  ['general_medicine', ['全科', '全科门诊', 'general practice', 'general practitioner', 'family medicine', 'family doctor', 'gp']],
  ['internal_medicine', ['内科', '大内科', 'internal medicine', 'internist']],
  ['cardiology', ['心内科', '心血管科', '心血管内科', '心脏科', 'cardiology', 'cardiologist', 'heart doctor', 'heart specialist']],
  ['respiratory', ['呼吸科', '呼吸内科', '呼吸科门诊', 'respiratory', 'pulmonology', 'pulmonologist', 'lung doctor', 'chest clinic']],
  ['gastroenterology', ['消化科', '消化内科', '胃肠科', 'gastroenterology', 'gastroenterologist', 'gi clinic', 'stomach doctor']],
  ['neurology', ['神经内科', '神经科', 'neurology', 'neurologist']],
  ['endocrinology', ['内分泌科', '内分泌', 'endocrinology', 'endocrinologist', 'diabetes clinic']],
  ['nephrology', ['肾内科', '肾病科', 'nephrology', 'nephrologist', 'kidney doctor']],
  ['general_surgery', ['普外科', '普通外科', '外科', 'general surgery', 'general surgeon', 'surgery clinic', 'surgeon']],
  ['orthopedics', ['骨科', 'orthopedics', 'orthopaedics', 'orthopedic', 'orthopaedic', 'bone doctor']],
  ['urology', ['泌尿外科', '泌尿科', 'urology', 'urologist']],
  ['andrology', ['男科', 'andrology', 'andrologist', "men's health"]],
  ['obstetrics_gynecology', ['妇产科', '妇科', '产科', 'obstetrics', 'gynecology', 'gynaecology', 'gynecologist', 'gynaecologist', 'obgyn', 'ob/gyn', 'ob-gyn', 'obstetrician']],
  ['pediatrics', ['儿科', '小儿科', 'pediatrics', 'paediatrics', 'pediatrician', 'paediatrician', "children's doctor"]],
  ['dermatology', ['皮肤科', 'dermatology', 'dermatologist', 'skin doctor', 'skin clinic']],
  ['ophthalmology', ['眼科', 'ophthalmology', 'ophthalmologist', 'eye doctor', 'eye clinic']],
  ['ent', ['耳鼻喉科', '耳鼻喉', '五官科', 'ent', 'otolaryngology', 'ear nose and throat', 'ear, nose and throat']],
  ['stomatology', ['口腔科', '牙科', '看牙', 'stomatology', 'dentist', 'dental clinic', 'dental']],
  ['psychiatry', ['精神心理科', '心理科', '精神科', '心理咨询', '心理门诊', 'psychiatry', 'psychiatrist', 'psychologist', 'mental health', 'counsellor', 'counselor', 'therapist']],
  ['oncology', ['肿瘤科', 'oncology', 'oncologist', 'cancer clinic']],
  ['infectious_disease', ['感染科', '传染科', '传染病科', 'infectious disease', 'infectious diseases']],
  ['rehabilitation', ['康复科', '理疗科', 'rehabilitation', 'rehab', 'physiotherapy', 'physical therapy', 'physio']],
  ['hepatology', ['肝病科', '肝科', 'hepatology', 'hepatologist', 'liver clinic']],
  ['hematology', ['血液科', 'hematology', 'haematology', 'hematologist', 'haematologist']],
  ['rheumatology', ['风湿免疫科', '风湿科', '免疫科', 'rheumatology', 'rheumatologist']],
  ['allergy', ['变态反应科', '过敏科', '过敏反应科', 'allergy clinic', 'allergist', 'allergology']],
  ['tcm', ['中医科', '中医', '国医馆', 'traditional chinese medicine', 'tcm', 'chinese medicine']]
]

type NamedDepartment = { code: DepartmentCode, name: string }

function escapeForRegExp (text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

// "Is this an emergency?" names no department; the emergency department has its own aliases.
const AMBIGUOUS_NAMES = new Set(['emergency'])

// Longest names first, so 心内科 wins over 内科 and 泌尿外科 over 外科.
const NAMES: NamedDepartment[] = ALIASES
  .flatMap(([code, names]) => [DEPARTMENTS[code].zh, DEPARTMENTS[code].en, ...names].map((name) => ({ code, name: name.toLowerCase() })))
  .filter(({ name }) => !AMBIGUOUS_NAMES.has(name))
  .sort((first, second) => second.name.length - first.name.length)

function nameMatches (text: string, name: string): number {
  if (/[\u4e00-\u9fff]/u.test(name)) return text.indexOf(name)
  return text.search(new RegExp(`(?<![a-z])${escapeForRegExp(name)}(?![a-z])`, 'u'))
}

/** A department the patient names explicitly ("cardiology", "心内科", "看眼科"), or null. */
export function extractDepartmentMention (text: string): DepartmentCode | null {
  const lower = text.toLowerCase()
  for (const { code, name } of NAMES) {
    // "ER"/"GP"/"ENT" only as stand-alone upper-case words, so "her", "ent" in words do not count.
    if (name.length <= 3 && /^[a-z&]+$/u.test(name) && !new RegExp(`(?<![A-Za-z])${escapeForRegExp(name.toUpperCase())}(?![A-Za-z])`, 'u').test(text)) continue
    if (nameMatches(lower, name) >= 0) return code
  }
  return null
}
