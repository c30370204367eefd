import { compilePhrase, normalizeText } from './phrase-pattern.ts'
import { INTENT_CUES } from './intent-lexicon.ts'
import type { Intent, UnderstandingSlots } from './understanding-types.ts'

const COMPILED_CUES = INTENT_CUES.map((cue) => ({ cue, patterns: [...cue.en, ...cue.zh].map((phrase) => compilePhrase(phrase)) }))

// On a tie the earlier intent wins: safety and explicit requests before small talk.
const TIE_ORDER: Intent[] = [
  'human', 'start_over', 'triage', 'appointment_cancel', 'appointment_reschedule', 'appointment_lookup',
  'medication_reminder', 'insurance', 'billing', 'appointment_book', 'clinic_info', 'greeting', 'thanks', 'other'
]

export type IntentScores = Partial<Record<Intent, number>>

function add (scores: IntentScores, intent: Intent, weight: number): void {
  scores[intent] = (scores[intent] ?? 0) + weight
}

function cueScores (text: string): IntentScores {
  const normalized = normalizeText(text)
  const scores: IntentScores = {}
  for (const { cue, patterns } of COMPILED_CUES) {
    if (patterns.some((pattern) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(normalized))) add(scores, cue.intent, cue.weight)
  }
  return scores
}

function slotScores (scores: IntentScores, slots: UnderstandingSlots): void {
  const symptomCount = slots.symptoms?.length ?? 0
  if (symptomCount > 0) add(scores, 'triage', 2 + Math.min(symptomCount, 3))
  if (symptomCount > 0 && (slots.severity !== undefined || slots.duration !== undefined || slots.onset !== undefined)) add(scores, 'triage', 1)
  if (slots.costInputs !== undefined) add(scores, 'insurance', 2)
  if (slots.insurancePlan !== undefined) add(scores, 'insurance', 1)
  if (slots.billItems !== undefined && slots.billItems.length > 0) add(scores, 'billing', 1)
  if (slots.bookingReference !== undefined) add(scores, 'appointment_lookup', 2)
  const booking = (scores.appointment_book ?? 0) > 0
  if (booking && (slots.dateTime !== undefined || slots.department !== undefined || slots.doctorName !== undefined)) add(scores, 'appointment_book', 1)
}

/** Scores every intent on lexicon cues and extracted slots; the caller picks the best. */
export function scoreIntents (text: string, slots: UnderstandingSlots): IntentScores {
  const scores = cueScores(text)
  slotScores(scores, slots)
  // Cancelling or changing a booking also names the booking; that must not read as a new booking.
  if ((scores.appointment_cancel ?? 0) > 0 || (scores.appointment_reschedule ?? 0) > 0) delete scores.appointment_book
  return scores
}

/** The winning intent and a confidence in [0, 1] from its score and its lead over the runner-up. */
export function pickIntent (scores: IntentScores): { intent: Intent, confidence: number } {
  const ranked = TIE_ORDER
    .map((intent) => ({ intent, score: scores[intent] ?? 0 }))
    .filter(({ score }) => score > 0)
    .sort((first, second) => second.score - first.score)
  const best = ranked[0]
  if (best === undefined) return { intent: 'other', confidence: 0.3 }
  const lead = best.score - (ranked[1]?.score ?? 0)
  const confidence = Math.min(0.95, 0.45 + 0.07 * best.score + 0.05 * lead)
  return { intent: best.intent, confidence: Math.round(confidence * 100) / 100 }
}
