import { extractAge, mentionsChild } from './extract-age.ts'
import { extractBillItems } from './extract-bill-items.ts'
import { extractBookingReference, withoutBookingReferences } from './extract-booking-reference.ts'
import { extractChronicConditions } from './extract-chronic-conditions.ts'
import { extractCostInputs } from './extract-cost-inputs.ts'
import { extractDepartmentMention } from './extract-department-mention.ts'
import { extractDoctorName } from './extract-doctor-name.ts'
import { extractDuration } from './extract-duration.ts'
import { extractInsurancePlan } from './extract-insurance-plan.ts'
import { extractOnset } from './extract-onset.ts'
import { extractPersonName } from './extract-person-name.ts'
import { extractPhoneNumber } from './extract-phone-number.ts'
import { extractPregnancy } from './extract-pregnancy.ts'
import { extractSeverity } from './extract-severity.ts'
import { extractSex } from './extract-sex.ts'
import { extractSymptoms } from './extract-symptoms.ts'
import { hasDateTime, parseDateTime } from './parse-date-time.ts'
import type { UnderstandingSlots } from './understanding-types.ts'

export type ExtractSlotsOptions = { text: string, now: Date, timezone: string }

function present<T> (value: T | null): value is T {
  return value !== null && !(Array.isArray(value) && value.length === 0) && value !== false
}

/** Runs every slot extractor over one message; slots that were not mentioned are absent. */
export function extractSlots ({ text: message, now, timezone }: ExtractSlotsOptions): UnderstandingSlots {
  const text = withoutBookingReferences(message)
  const dateTime = parseDateTime({ text, now, timezone })
  const pregnancy = extractPregnancy(text)
  const candidates: UnderstandingSlots = {
    symptoms: extractSymptoms(text),
    duration: extractDuration(text) ?? undefined,
    severity: extractSeverity(text) ?? undefined,
    onset: extractOnset(text) ?? undefined,
    age: extractAge(text) ?? undefined,
    childMentioned: mentionsChild(text) || undefined,
    // A pregnancy implies a female patient even when nothing else says so.
    sex: extractSex(text) ?? (pregnancy?.status === 'pregnant' ? 'female' : undefined),
    pregnancy: pregnancy ?? undefined,
    chronicConditions: extractChronicConditions(text),
    insurancePlan: extractInsurancePlan(text) ?? undefined,
    billItems: extractBillItems(text),
    department: extractDepartmentMention(text) ?? undefined,
    doctorName: extractDoctorName(text) ?? undefined,
    phone: extractPhoneNumber(text) ?? undefined,
    bookingReference: extractBookingReference(message) ?? undefined,
    personName: extractPersonName(text) ?? undefined,
    costInputs: extractCostInputs(text) ?? undefined,
    dateTime: hasDateTime(dateTime) ? dateTime : undefined
  }
  return Object.fromEntries(Object.entries(candidates).filter(([, value]) => present(value ?? null))) as UnderstandingSlots
}
