import type { InsurancePlan } from './understanding-types.ts'

// Plan names of the sample clinic: "basic" and "premium" products, public 医保, any commercial insurance.
const PLANS: Array<[InsurancePlan, RegExp]> = [
  ['premium', /\bpremium( plan| tier| cover(age)?)?\b|\bgold plan\b|高端(险|保险|计划)?|高级(计划|套餐|保险)|尊享|premium版/iu],
  ['basic', /\bbasic( plan| tier| cover(age)?)?\b|\bstandard plan\b|基础(计划|套餐|保险|版)|基本(计划|套餐|版)/iu],
  ['social_medical', /医保|醫保|社保|医疗保险卡|新农合|城镇职工|城乡居民|居民医保|职工医保|public (health )?insurance|social (medical )?insurance|national (health )?insurance/iu],
  ['commercial', /商业保险|商業保險|商保|私人保险|百万医疗|惠民保|private (health )?insurance|commercial insurance/iu]
]

/** The insurance plan the patient names: basic / premium / 医保 (social) / 商业保险 (commercial). */
export function extractInsurancePlan (text: string): InsurancePlan | null {
  return PLANS.find(([, pattern]) => pattern.test(text))?.[0] ?? null
}
