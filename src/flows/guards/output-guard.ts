import { normalizeText } from './normalize-text.ts'
import { DIAGNOSIS_WORDING, DOSAGE_WORDING } from './output-wording.ts'

export type OutputProblem = 'diagnosis_wording' | 'dosage_wording' | 'missing_disclaimer'

export interface OutputCheckInput {
  text: string
  locale: string
  /** The reply is medical (triage, symptoms, medication), so it must carry the disclaimer. */
  touchesMedical?: boolean
  /** The clinic's disclaimer text for this locale; checked only when given. */
  disclaimer?: string
}

export interface OutputCheck {
  ok: boolean
  problems: OutputProblem[]
}

/**
 * Detects what a reply must never say: diagnosis wording ("you have X", "诊断为") and dosage
 * wording ("2 tablets", "每日三次"), plus a missing disclaimer on a medical reply. Detection only:
 * the engine replaces a failing reply with the vetted fallback. Both locales' wording is checked
 * whatever `locale` says, because replies can mix languages.
 */
export function checkOutput ({ text, touchesMedical = false, disclaimer }: OutputCheckInput): OutputCheck {
  const normalized = withoutIdentifiers(normalizeText(text).text)
  const normalizedDisclaimer = disclaimer ? normalizeText(disclaimer).text : ''
  // The disclaimer itself ("this is not a diagnosis") must not count against the reply.
  const body = normalizedDisclaimer ? normalized.replaceAll(normalizedDisclaimer, ' ') : normalized
  const problems: OutputProblem[] = []
  if (DIAGNOSIS_WORDING.some((pattern) => pattern.test(body))) problems.push('diagnosis_wording')
  if (DOSAGE_WORDING.some((pattern) => pattern.test(body))) problems.push('dosage_wording')
  if (touchesMedical && normalizedDisclaimer && !normalized.includes(normalizedDisclaimer)) problems.push('missing_disclaimer')
  return { ok: problems.length === 0, problems }
}

// Appointment references (`APT-3MG7QX`) are random codes, not wording: "3mg" inside one is no dose.
const APPOINTMENT_REFERENCE = /(?<![a-z0-9])apt-[0-9a-z]{6}(?![a-z0-9])/gu

function withoutIdentifiers (normalized: string): string {
  return normalized.replace(APPOINTMENT_REFERENCE, ' ')
}
