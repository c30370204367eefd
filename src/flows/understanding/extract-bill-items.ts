import type { BillItem } from './understanding-types.ts'

const ITEMS: Array<[BillItem, RegExp]> = [
  ['registration', /挂号费|掛號費|挂号|registration( fee)?/iu],
  ['consultation', /诊[查疗]费|診[查療]費|咨询费|问诊费|门诊费|专家费|\bconsult(ation)?( fee)?s?\b|doctor'?s fee|\bvisit fee\b|office visit/iu],
  ['lab', /化验费?|检验费?|验血|抽血|血常规|尿常规|检查费|\blab(oratory)?( tests?| work| fees?)?\b|\bblood (test|work)s?\b|\burine test\b/iu],
  ['imaging', /\bct\b|核磁|磁共振|\bmri\b|x光|拍片|b超|彩超|超声|影像|\bx-?rays?\b|\bultrasound\b|\bscan\b|\bimaging\b/iu],
  ['medication', /药费|藥費|药品|药钱|拿药|处方药|\bmedications?\b|\bmedicines?\b|\bdrugs?\b|\bprescriptions?\b|\bpharmacy\b/iu],
  ['procedure', /手术费|治疗费|处置费|换药|缝针|\bprocedures?\b|\bsurgery\b|\bstitches\b|\btreatment fee\b/iu],
  ['hospital_stay', /住院费|床位费|住院|\bhospital stay\b|\binpatient\b|\bward\b|\bbed fee\b/iu],
  ['dental', /洗牙|补牙|拔牙|种牙|牙科费用|\bdental\b|\bfilling\b|\bcleaning\b/iu],
  ['vaccination', /疫苗|打针费|接种|\bvaccin(e|ation)s?\b|\bshots?\b|\bjabs?\b/iu]
]

/** Bill items the patient asks about: consultation, lab, imaging, medication, registration / 挂号费… */
export function extractBillItems (text: string): BillItem[] {
  return ITEMS.filter(([, pattern]) => pattern.test(text)).map(([item]) => item)
}
