import type { MachineTranslator } from './translation/machine-translator.ts'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/database.ts'
import type { ConversationStore } from '../conversations/conversation-store.ts'
import type { ClinicDirectory, ClinicProfile } from '../clinics/clinic-directory.ts'
import type { VettedSource } from './turn-types.ts'
import type { FindingExtractor } from '../clinical-findings/extract-findings.ts'
import type { ReminderServices } from '../reminders/reminder-service.ts'

export type ApprovedPhrase = { id: string, group: string, version: number, title: string, body: string, category: string }

/** The vetted corpus as the dialogue sees it: keyed phrases and retrieval, approved content only. */
export type VettedCorpus = {
  /** The approved phrase of each group that has one in this locale, in one lookup. */
  phrases: (input: { clinicId: string, locale: string, groups: string[] }) => Promise<Map<string, ApprovedPhrase>>
  search: (input: { clinicId: string, locale: string, text: string, categories?: string[], department?: string | null, limit?: number }) => Promise<Array<VettedSource & { score: number, category: string }>>
}

export type GuardCategory = 'emergency' | 'crisis' | 'sensitive' | 'medical_advice' | 'injection'

export type InputGuardVerdict = {
  verdict: GuardCategory | 'pass'
  matches: Array<{ ruleId: string, category: GuardCategory, subtype?: string | undefined, priority?: string | undefined }>
  redFlags: string[]
  /** A crisis told with safety stated and no danger now (red_flags.md RF90): urgent, not an emergency. */
  immediateDanger?: false
}

export type OutputGuardVerdict = { ok: boolean, problems: string[] }

export type SafetyGuards = {
  checkInput: (text: string) => InputGuardVerdict
  checkOutput: (input: { text: string, locale: string, medical: boolean, disclaimer: string | undefined }) => OutputGuardVerdict
}

/** Everything a turn needs, passed in (built once in the composition root). */
export type TurnServices = {
  database: Database
  clock: Clock
  conversations: ConversationStore
  clinics: ClinicDirectory
  corpus: VettedCorpus
  guards: SafetyGuards
  /** The clinical finding extractor shared by the input guard and triage (lexicons compiled once). */
  findings: FindingExtractor
  idleMinutes: number
  appointments: AppointmentBook
  /** The clinic country's emergency number and crisis lines, formatted for a reply. */
  emergencyContacts: (clinic: ClinicProfile, locale: string) => { emergencyNumber: string, crisisLines: string }
  /** Machine translation for other languages; only when a model is configured. */
  translator?: MachineTranslator | undefined
  logger?: { warn: (details: Record<string, unknown>, message: string) => void } | undefined
  /** A phrase with an empty required variable throws (tests) instead of falling back (service). */
  strictPhrases?: boolean
  /** Medication reminders and check-ins: set up in the medication flow, answered from any state. */
  reminders?: ReminderServices | undefined
}

/** The scheduling backend as the dialogue uses it (local database, or a hospital system adapter). */
export type AppointmentBook = {
  findSlots: (input: { clinicId: string, department: string, doctorId?: string | undefined, date: string | null, spanDays?: number, partOfDay: 'morning' | 'afternoon' | 'evening' | null, now: Date, limit: number }) => Promise<Array<{ id: string, start: string, doctorName: Record<string, string> | null, departmentName: Record<string, string> }>>
  /** The clinic's departments (with their fallback) and doctors, for booking through the directory. */
  directory: (clinicId: string) => Promise<BookingDirectory>
  book: (input: { clinicId: string, slotId: string, patientName: string, phone: string, conversationId: string }) => Promise<AppointmentChange>
  lookup: (input: { clinicId: string, reference: string, phone: string }) => Promise<AppointmentChange>
  reschedule: (input: { clinicId: string, reference: string, phone: string, newSlotId: string }) => Promise<AppointmentChange>
  cancel: (input: { clinicId: string, reference: string, phone: string }) => Promise<AppointmentChange>
}

export type BookingDirectory = {
  departments: Array<{ code: string, available: boolean, fallbackCode: string | null }>
  doctors: Array<{ id: string, name: Record<string, string>, department: string, active: boolean }>
}

export type AppointmentChange =
  | { ok: true, appointment: { reference: string, status: 'booked' | 'rescheduled' | 'cancelled', department: { code: string, name: Record<string, string> }, doctorName: Record<string, string> | null, start: string } }
  | { ok: false, reason: string }
