import type { DepartmentCode } from '../triage-vocabulary.ts'

/** A message's language as detected per message; 'other' is any language we do not serve. */
export type MessageLocale = 'zh-CN' | 'en' | 'other'

export const INTENTS = [
  'triage',
  'insurance',
  'billing',
  'appointment_book',
  'appointment_lookup',
  'appointment_reschedule',
  'appointment_cancel',
  'medication_reminder',
  'clinic_info',
  'human',
  'greeting',
  'thanks',
  'start_over',
  'other'
] as const

export type Intent = typeof INTENTS[number]

export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'

export type Duration = { value: number, unit: DurationUnit, hours: number }

export type Severity = { value: number, source: 'scale' | 'words' }

export type Onset = 'sudden' | 'gradual'

export type AgeUnit = 'year' | 'month' | 'week' | 'day'

/** `months` is the age in whole months, so infants and adults compare on one scale. */
export type Age = { value: number, unit: AgeUnit, months: number }

export type Sex = 'female' | 'male'

export type Pregnancy = { status: 'pregnant' | 'possible' | 'not_pregnant' | 'postpartum', weeks: number | null }

export type ChronicCondition =
  | 'diabetes' | 'hypertension' | 'asthma' | 'copd' | 'heart_disease' | 'kidney_disease'
  | 'liver_disease' | 'cancer' | 'stroke_history' | 'epilepsy' | 'thyroid_disease' | 'immunosuppressed'

export type InsurancePlan = 'basic' | 'premium' | 'social_medical' | 'commercial'

export type BillItem =
  | 'consultation' | 'registration' | 'lab' | 'imaging' | 'medication' | 'procedure' | 'hospital_stay' | 'dental' | 'vaccination'

export type BodySite =
  | 'head' | 'face' | 'eye' | 'ear' | 'nose' | 'throat' | 'mouth' | 'teeth' | 'neck' | 'chest' | 'breast'
  | 'abdomen' | 'back' | 'joint' | 'arm' | 'hand' | 'leg' | 'foot' | 'skin' | 'genital' | 'urinary' | 'anus' | 'whole_body'

export type Symptom = { id: string, site: BodySite | null, text: string }

/** Inputs for a cost-sharing calculation; amounts in the clinic's currency, percentages 0–100. */
export type CostInputs = {
  billAmount?: number
  deductible?: number
  deductibleMet?: number
  coinsurancePercent?: number
  copay?: number
  outOfPocketMax?: number
  outOfPocketPaid?: number
}

export type PartOfDay = 'morning' | 'afternoon' | 'evening'

export type DateTimeMention = { date: string | null, partOfDay: PartOfDay | null, time: string | null }

/** Everything the rules could read from one message; absent fields were not mentioned. */
export type UnderstandingSlots = {
  symptoms?: Symptom[]
  duration?: Duration
  severity?: Severity
  onset?: Onset
  age?: Age
  childMentioned?: boolean
  sex?: Sex
  pregnancy?: Pregnancy
  chronicConditions?: ChronicCondition[]
  insurancePlan?: InsurancePlan
  billItems?: BillItem[]
  department?: DepartmentCode
  doctorName?: string
  phone?: string
  bookingReference?: string
  personName?: string
  costInputs?: CostInputs
  dateTime?: DateTimeMention
}

export type Understanding = { intent: Intent, confidence: number, slots: UnderstandingSlots }
