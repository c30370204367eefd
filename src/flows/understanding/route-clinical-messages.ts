import type { ClinicalReading } from '../../clinical-findings/finding-types.ts'
import { isHealthNarrative } from '../../clinical-findings/lexicon/health-narrative-cues.ts'
import { routeDepartment } from '../triage/route-department.ts'
import type { Intent } from './understanding-types.ts'

// Requests about something the patient already has in hand keep their flow, symptoms or not.
const TRANSACTIONAL: ReadonlySet<Intent> = new Set(['human', 'start_over', 'appointment_cancel', 'appointment_reschedule', 'appointment_lookup'])
// Where a medical question could be mistaken for a policy question, the clinical reading wins. A
// booking request keeps its flow unless the message tells symptoms ("book dermatology" is a booking).
const POLICY: ReadonlySet<Intent> = new Set(['insurance', 'billing', 'clinic_info', 'other', 'greeting', 'thanks'])
// Reviewed cue data: words that make a message about money or the clinic, and words that make it
// about a condition or its treatment. A medical question without the first goes to triage.
// "How much does epilepsy surgery cost" is a medical question first: the cost depends on the
// doctor's plan, so a bare price word does not make it a billing question.
const POLICY_WORDS = /医保|保险|报销|自费|发票|账单|退款|缴费|营业|地址|停车|几点|上班时间|挂号费|诊费|门诊费|看病多少钱|看一次多少钱|(?<![a-z])(?:insurance|insured|cover(?:ed|s)?|copay|deductible|bill|billing|invoice|refund|parking|opening|address|(?:opening|office|clinic|visiting|working|business) hours|what hours|hours (?:are you|do you)|consultation (?:fee|price|cost))(?![a-z])/u
const MEDICAL_WORDS = /病|症|炎|癌|瘤|感染|治疗|治好|吃药|用药|服药|药物|[^火]药|手术|检查|化验|综合征|指标|偏高|偏低|血压|血糖|怀孕|孕|月经|疫苗|(?<![a-z])(?:disease|cancer|tumou?r|infection|treat(?:ment|ed)?|medicine|medication|tablets?|pills?|surgery|operation|syndrome|diagnos\w*|pregnan\w*|vaccin\w*|blood (?:pressure|sugar|test)|cholesterol|condition)(?![a-z])/u
// A price question is billing's ("看一次病要多少钱"), unless it asks what a treatment costs, which
// depends on the doctor's plan ("癫痫手术一般要多少钱").
const MONEY_WORDS = /多少钱|费用|价格|收费|(?<![a-z])(?:cost|costs|price|fee|fees|how much)(?![a-z])/u
const TREATMENT_WORDS = /手术|治疗|治好|疗程|化疗|(?<![a-z])(?:surgery|operation|treatment|therapy)(?![a-z])/u
const REMINDER_WORDS = /提醒|闹钟|定时|(?<![a-z])(?:remind\w*|alarm|schedule)(?![a-z])/u
/** A department lexicon score this high means the message is about a condition or treatment, not policy. */
const MEDICAL_TOPIC_SCORE = 2

/**
 * Whether a message belongs to triage whatever its intent cues say: a symptom narrative of the
 * patient's (or a relative's) always does; a question about a condition, a body part or a medicine
 * does unless it asks about money, cover or the clinic itself, so a medical question is never
 * answered from billing, insurance or clinic text.
 */
export function belongsToTriage ({ reading, text, intent, confidence, activeFlow = null }: { reading: ClinicalReading, text: string, intent: Intent, confidence: number, activeFlow?: string | null }): boolean {
  const lower = text.toLowerCase()
  if (TRANSACTIONAL.has(intent) && confidence >= 0.6 && (intent === 'human' || !isSymptomStory(reading, text))) return false
  if (intent === 'medication_reminder' && REMINDER_WORDS.test(lower)) return false
  if (reading.current.some((finding) => finding.kind === 'symptom')) return true
  // Something happening to a body, in words no concept names yet: still a story for triage.
  if (!POLICY_WORDS.test(lower) && !(MONEY_WORDS.test(lower) && !TREATMENT_WORDS.test(lower)) && isHealthNarrative(text)) return true
  if (intent === 'triage' || !POLICY.has(intent)) return false
  // Inside another flow's question a bare topic word is the answer ("皮肤科" to "which department?").
  if (activeFlow !== null && activeFlow !== 'triage') return false
  if (POLICY_WORDS.test(lower) || (MONEY_WORDS.test(lower) && !TREATMENT_WORDS.test(lower))) return false
  return reading.findings.some((finding) => finding.kind === 'symptom') || MEDICAL_WORDS.test(lower) ||
    routeDepartment({ text, locale: 'en', slots: {} }).score >= MEDICAL_TOPIC_SCORE
}

/**
 * A story of several current symptoms over several sentences is told for advice; a cue word of a
 * transactional request inside it ("也不去了" about a hobby) does not make it one.
 */
function isSymptomStory (reading: ClinicalReading, text: string): boolean {
  const symptoms = new Set(reading.current.filter((finding) => finding.kind === 'symptom').map((finding) => finding.concept))
  const sentences = text.split(/[。.!?！？；;\n]+/u).filter((sentence) => sentence.trim().length > 0)
  return symptoms.size >= 2 && sentences.length >= 3
}
