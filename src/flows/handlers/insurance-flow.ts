import type { FlowContext, FlowHandler } from '../flow-context.ts'
import { computePatientShare, formatMoney } from '../insurance/compute-patient-share.ts'
import { describeCostInputs, missingBillName, readCostInputs } from '../insurance/read-cost-inputs.ts'
import type { CostInputs } from '../understanding/understanding-types.ts'
import { extractInsurancePlan } from '../understanding/extract-insurance-plan.ts'
import { quickReplies } from '../quick-replies-menu.ts'
import type { FlowOutcome, QuickReply } from '../turn-types.ts'
import { cannotHandle } from './smalltalk-flow.ts'
import { isStandaloneAnswer } from '../standalone-answer.ts'
import { ANSWER_SCORE_THRESHOLDS } from '../answer-thresholds.ts'

const CLAIM_STATUS = /(claim|reimbursement).{0,20}(status|progress|where is|update)|status of my claim|dispute|appeal|理赔.{0,4}(进度|状态|到哪)|报销.{0,4}(进度|到哪)|申诉|复议/i
// Questions whose answer depends on the patient's plan: asked once which plan, then answered.
const PLAN_SPECIFIC = /my (plan|deductible|copay|coverage|policy)|am i covered|is .{1,40} covered|does my|how much (will|do) i pay|我的(保险|计划|免赔|自付)|能报销吗|报销多少|保不保|赔不赔/i
const PLAN_LABELS: Record<string, { en: string, zh: string }> = {
  basic: { en: 'Basic plan', zh: '基础计划' },
  premium: { en: 'Premium plan', zh: '优享计划' },
  social_medical: { en: 'Public medical insurance', zh: '医保' },
  commercial: { en: 'Other commercial insurance', zh: '其他商业保险' }
}

/** Insurance answers from policy documents with citations; cost sharing computed in code. */
export function createInsuranceFlow (category: 'insurance' | 'billing'): FlowHandler {
  return {
    async handle (context) {
      if (CLAIM_STATUS.test(context.text)) return { replies: [{ kind: 'handoff', key: 'handoff.claim_status' }], next: null, handoff: { priority: 'normal', reason: 'claim status or dispute' } }
      const estimate = estimateCost(context)
      if (estimate) return estimate
      if (context.answer?.kind === 'no') return { replies: [{ kind: 'info', key: 'smalltalk.declined' }], next: null }
      const pending = context.flowState?.step === 'which_plan' ? String(context.flowState.slots.question ?? '') : null
      const plan = context.understanding.slots.insurancePlan ?? extractInsurancePlan(context.text)
      if (pending !== null) return answerFromDocuments(context, `${pending} ${plan ? PLAN_LABELS[plan]?.en ?? '' : ''} ${context.text}`)
      if (category === 'insurance' && !plan && PLAN_SPECIFIC.test(context.text)) return askWhichPlan(context)
      return answerFromDocuments(context, context.text)
    },
    async reprompt (context) {
      return context.flowState.step === 'which_plan' ? askWhichPlan({ ...context, text: String(context.flowState.slots.question ?? '') }) : { replies: [], next: null }
    }
  }

  async function answerFromDocuments (context: FlowContext, query: string): Promise<FlowOutcome> {
    const results = await context.services.corpus.search({ clinicId: context.clinic.id, locale: context.locale, text: query, categories: [category], limit: 4 })
    const best = results.find((result) => isStandaloneAnswer(result.group))
    if (!best || best.score < ANSWER_SCORE_THRESHOLDS.recognisedIntent) return cannotHandle(context.locale)
    return { replies: [{ kind: 'answer', passage: best }], next: null }
  }
}

/**
 * A cost question with numbers: worked out in code from the numbers read by role, which the
 * answer echoes; when the bill is missing it is asked for, and the next reply completes it.
 */
function estimateCost (context: FlowContext): FlowOutcome | null {
  const earlier = context.flowState?.step === 'cost_input' ? context.flowState.slots.inputs as CostInputs : {}
  // The answer to "how much is the bill?" is the bill, however it is worded.
  const answered = context.answer?.kind === 'amount' ? { billAmount: context.answer.amount } : {}
  const read = { ...readCostInputs(context.text), ...answered }
  const inputs: CostInputs = { ...earlier, ...read }
  const sharing = inputs.deductible !== undefined || inputs.coinsurancePercent !== undefined || inputs.copay !== undefined
  if (Object.keys(read).length === 0 || !sharing) return null
  if (inputs.billAmount === undefined) {
    return {
      replies: [{ kind: 'question', key: 'insurance.ask_cost_input', variables: { missingInput: missingBillName(context.locale) } }],
      next: { flow: 'insurance', step: 'cost_input', slots: { inputs }, pending: { kind: 'amount' } }
    }
  }
  const share = computePatientShare({ ...inputs, billAmount: inputs.billAmount })
  const variables = {
    amount: formatMoney(share.patientPays),
    insurerAmount: formatMoney(share.insurerPays),
    deductiblePart: formatMoney(share.deductiblePart),
    copayPart: formatMoney(share.copayPart),
    coinsurancePart: formatMoney(share.coinsurancePart)
  }
  const used = { inputsUsed: describeCostInputs(inputs, context.locale, formatMoney) }
  return { replies: [{ kind: 'answer', key: 'insurance.cost_estimate', variables }, { kind: 'info', key: 'insurance.cost_inputs_used', variables: used }], next: null }
}

function askWhichPlan (context: FlowContext): FlowOutcome {
  const buttons: QuickReply[] = Object.values(PLAN_LABELS).map((label) => ({ label: context.locale === 'zh-CN' ? label.zh : label.en, value: context.locale === 'zh-CN' ? label.zh : label.en }))
  return {
    replies: [{ kind: 'question', key: 'insurance.which_plan', quickReplies: [...buttons, ...quickReplies(context.locale, ['unknown'])] }],
    next: { flow: 'insurance', step: 'which_plan', slots: { question: context.text } }
  }
}
