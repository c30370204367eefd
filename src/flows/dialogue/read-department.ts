import { extractDepartmentMention } from '../understanding/extract-department-mention.ts'

// Everyday words and body parts a patient gives when asked which department, mapped to the
// department the question promises to suggest. Checked after the department's own names.
const EVERYDAY_WORDS: Array<[string, RegExp]> = [
  ['pediatrics', /\b(?:my (?:son|daughter|kid|child|baby|boy|girl)|kids?|child(?:ren)?|baby|toddler|infant)\b|孩子|小孩|宝宝|儿子|女儿|娃/iu],
  ['obstetrics_gynecology', /pregnan|\bperiods?\b|prenatal|antenatal|smear|怀孕|月经|例假|产检|孕/iu],
  ['dermatology', /\bskin\b|rash|acne|pimples?|eczema|itch|\bmoles?\b|\bwarts?\b|皮肤|痘|湿疹|痒|疹子|长斑/iu],
  ['ophthalmology', /\beyes?\b|vision|eyesight|glasses|眼睛|眼|视力|看不清/iu],
  ['ent', /\bears?\b|\bnose\b|throat|sinus|hearing|tonsils?|耳朵|鼻子|嗓子|喉咙|鼻炎|耳/iu],
  ['stomatology', /\bteeth\b|\btooth\b|toothache|\bgums?\b|dentist|牙|口腔/iu],
  ['orthopedics', /\bknees?\b|\bback\b|\bbones?\b|\bjoints?\b|shoulder|ankle|wrist|\bhips?\b|sprain|fracture|\bneck\b|膝盖|腰|骨头|关节|肩膀|脚踝|手腕|扭伤|骨折|颈椎/iu],
  ['cardiology', /\bheart\b|blood pressure|palpitation|心脏|血压|心慌|心悸/iu],
  ['gastroenterology', /stomach|tummy|belly|digest|diarrh|constipat|\bgut\b|胃|肚子|拉肚子|便秘|消化/iu],
  ['respiratory', /cough|breath|lungs?|asthma|咳嗽|喘|肺|哮喘/iu],
  ['neurology', /headaches?|migraines?|dizz|numb|头痛|头疼|偏头痛|头晕|麻木/iu],
  ['endocrinology', /diabet|thyroid|blood sugar|糖尿病|甲状腺|血糖/iu],
  ['urology', /\bpee\b|urin|bladder|kidney stones?|尿|膀胱|结石/iu],
  ['psychiatry', /anxiety|anxious|depress|stress|can'?t sleep|insomnia|panic|焦虑|抑郁|失眠|压力/iu],
  ['general_medicine', /check-?up|physical|\bcold\b|\bflu\b|fever|general|family doctor|any doctor|anyone|whoever|\bgp\b|体检|感冒|发烧|发热|随便|都行|都可以|普通门诊|看看医生/iu]
]

/**
 * The department a reply to "which department?" names: its own name first ("cardiology",
 * "心内科"), then a body part or everyday word ("my knee", "孩子发烧", "skin stuff").
 */
export function readDepartment (text: string): string | null {
  const named = extractDepartmentMention(text)
  if (named) return named
  for (const [code, pattern] of EVERYDAY_WORDS) if (pattern.test(text)) return code
  return null
}
