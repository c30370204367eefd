import type { QuickReply } from './turn-types.ts'

type MenuItem = 'symptoms' | 'appointment' | 'insurance' | 'billing' | 'reminder' | 'info' | 'human' | 'yes' | 'no' | 'unknown'

// Button labels of the chat UI (not medical content): the value is what the patient "says".
const LABELS: Record<MenuItem, { en: string, zh: string }> = {
  symptoms: { en: 'Check my symptoms', zh: '症状咨询' },
  appointment: { en: 'Book an appointment', zh: '预约挂号' },
  insurance: { en: 'Insurance question', zh: '医保/保险' },
  billing: { en: 'My bill', zh: '费用账单' },
  reminder: { en: 'Medication reminder', zh: '用药提醒' },
  info: { en: 'Opening hours & address', zh: '门诊时间和地址' },
  human: { en: 'Talk to staff', zh: '转人工' },
  yes: { en: 'Yes', zh: '是' },
  no: { en: 'No', zh: '否' },
  unknown: { en: "I don't know", zh: '不知道' }
}

export function quickReplies (locale: string, items: MenuItem[]): QuickReply[] {
  return items.map((item) => {
    const label = locale === 'zh-CN' ? LABELS[item].zh : LABELS[item].en
    return { label, value: label }
  })
}

export const MAIN_MENU: MenuItem[] = ['symptoms', 'appointment', 'insurance', 'info', 'human']
