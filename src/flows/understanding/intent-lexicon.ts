import { z } from 'zod'

import { INTENTS, type Intent } from './understanding-types.ts'

/** Bump on every reviewed change. */
export const INTENT_LEXICON_VERSION = '2026-11-24.1'

/** Cue phrases per intent and locale; each matched entry adds its weight once. Regex sources, case-insensitive. */
export type IntentCue = { intent: Intent, weight: number, en: string[], zh: string[] }

const CUES: IntentCue[] = [
  { intent: 'appointment_book', weight: 1, en: ['appointments?', 'booking', 'slot', 'available', 'availability', 'see (a|the) doctor', 'see dr'], zh: ['预约', '挂号', '号源', '看医生', '看病', '门诊时间', '有号'] },
  { intent: 'appointment_book', weight: 3, en: ['book', 'make an appointment', 'schedule (an? )?(appointment|visit)', 'get an appointment', 'can i (come|see)', 'need an appointment', 'set up an appointment'], zh: ['想约', '我要预约', '想预约', '帮我预约', '帮我挂', '我要挂', '想挂', '约个', '约一个', '挂个号', '挂一个', '预约一下', '能约', '可以约', '帮我约', '给我约', '帮忙约', '替我约', '约一下', '就约', '挂号吧', '预约吧'] },
  { intent: 'appointment_lookup', weight: 3, en: ['when is my appointment', 'check my (appointment|booking)', 'look ?up my', 'my (appointment|booking) (details|time|date)', 'do i have an appointment', 'what time is my', 'confirm my (appointment|booking)', 'find my (appointment|booking)'], zh: ['查询预约', '查一下我的预约', '查我的预约', '我的预约是', '预约信息', '预约几点', '我约的是', '有没有预约成功', '预约成功了吗', '查预约', '查询挂号', '查一下挂号'] },
  { intent: 'appointment_reschedule', weight: 4, en: ['reschedul(e|ing)', 'change (my|the) (appointment|booking|time|date)', 'move (my|the) (appointment|booking)', 'different (time|day|date)', 'another (time|day|date)', 'postpone', 'push (it|my appointment) back', 'bring (it|my appointment) forward'], zh: ['改期', '改约', '换个时间', '换一个时间', '改时间', '改到', '推迟', '提前到', '调整预约', '换个日子', '换到', '改一下预约', '改天'] },
  { intent: 'appointment_cancel', weight: 4, en: ['cancel(l?ed|l?ing)?', "can'?t make it", "won'?t be able to (come|make it)", 'call off'], zh: ['取消', '不去了', '退号', '退掉预约', '去不了'] },
  { intent: 'medication_reminder', weight: 4, en: ['remind(er|ers)? (me )?(to take|for|about) (my )?(pills?|meds?|medicines?|medications?|insulin|tablets?)', 'medication reminders?', 'pill reminders?', 'remind me to take', 'take my (pills|meds|medicine|medication) on time', 'refill reminder'], zh: ['提醒我吃药', '提醒吃药', '用药提醒', '吃药提醒', '服药提醒', '按时吃药', '提醒我服药', '提醒我打胰岛素', '提醒我用药', '定时提醒'] },
  { intent: 'medication_reminder', weight: 2, en: ['reminders?', 'remind me'], zh: ['提醒'] },
  { intent: 'medication_reminder', weight: 1, en: ['pills?', 'meds', 'medications?', 'medicines?', 'insulin', 'tablets?'], zh: ['吃药', '服药', '用药', '降压药', '胰岛素', '药'] },
  { intent: 'insurance', weight: 3, en: ['insurance', 'insured', 'covered', 'coverage', 'deductible', 'co-?insurance', 'co-?pay', 'out[- ]of[- ]pocket', 'claims?', 'reimburse(ment|d)?', 'premium plan', 'basic plan', 'pre-?authori[sz]ation'], zh: ['医保', '保险', '报销', '理赔', '自付', '起付线', '封顶', '商保', '社保', '免赔', '能不能报', '可以报'] },
  { intent: 'billing', weight: 3, en: ['bill(s|ed|ing)?', 'invoice', 'receipt', 'charged?', 'charges', 'fees?', 'how much (does|is|will|would)', 'price', 'cost', 'payment', 'pay (my|the|for)', 'refund', 'overcharged'], zh: ['账单', '费用', '多少钱', '收费', '发票', '缴费', '付款', '退费', '价格', '挂号费', '检查费', '药费', '怎么付', '付钱', '扣费', '收据'] },
  { intent: 'clinic_info', weight: 3, en: ['opening hours', 'open(ing)? (hours|times)', 'when (are|do) you (open|close)', 'what time do you (open|close)', 'are you open', 'address', 'where (is|are) (the|your) (clinic|you)', 'how do i get (there|to)', 'directions', 'parking', 'what (should|do) i (bring|need to bring)', 'documents', 'phone number of the clinic', 'contact (number|details)', 'location', 'public holiday', 'weekend hours', 'wheelchair', 'wifi'], zh: ['几点开门', '几点关门', '营业时间', '上班时间', '开门', '门诊时间表', '地址', '在哪', '在哪里', '怎么走', '怎么去', '停车', '带什么', '需要带', '带哪些', '证件', '联系电话', '电话多少', '周末上班', '节假日', '休息日', '位置', '地铁', '公交'] },
  { intent: 'human', weight: 5, en: ['human', 'real person', 'live (agent|person|chat)', 'agent', 'representative', 'operator', 'speak (to|with) (someone|somebody|a person|staff|a nurse)', 'talk (to|with) (someone|somebody|a person|staff|a nurse)', 'customer service', 'receptionist'], zh: ['人工', '真人', '转人工', '客服', '工作人员', '找(?:个)?人(?:聊聊|说说|谈谈|帮我|回复|接待)', '护士站', '前台', '接线员'] },
  { intent: 'start_over', weight: 5, en: ['start over', 'start again', 'restart', 'reset', 'begin again', 'new conversation', 'from the (start|beginning)'], zh: ['重新开始', '重来', '从头开始', '重新来', '重新问', '重置', '再来一次'] },
  { intent: 'greeting', weight: 1, en: ['hi', 'hello', 'hey', 'good (morning|afternoon|evening)', 'greetings', 'hiya', 'yo'], zh: ['你好', '您好', '嗨', '哈喽', '早上好', '下午好', '晚上好', '在吗', '在不在', '医生好'] },
  { intent: 'thanks', weight: 1, en: ['thanks?', 'thank you', 'thx', 'ty', 'cheers', 'much appreciated', 'appreciate it'], zh: ['谢谢', '多谢', '感谢', '谢了', '辛苦了', '麻烦你了'] },
  { intent: 'triage', weight: 2, en: ['symptoms?', 'hurts?', 'pain(ful)?', 'aches?', 'sick', 'unwell', 'ill', 'is it serious', 'should i (see|go to) (a|the) doctor', 'what (department|specialist) should', 'which (department|doctor|specialist)', 'worried about'], zh: ['痛', '疼', '难受', '不舒服', '症状', '严重吗', '怎么回事', '挂什么科', '看什么科', '哪个科', '该看哪', '是什么病', '怎么办'] }
]

const cueSchema = z.object({
  intent: z.enum(INTENTS),
  weight: z.number().positive(),
  en: z.array(z.string().min(1)),
  zh: z.array(z.string().min(1))
})

/** The intent cues, validated when they load. */
export const INTENT_CUES: readonly IntentCue[] = Object.freeze(z.array(cueSchema).parse(CUES))
