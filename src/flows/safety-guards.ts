import type { FindingExtractor } from '../clinical-findings/extract-findings.ts'
import type { ClinicalReading, Finding } from '../clinical-findings/finding-types.ts'
import { createInputGuard, GUARD_PRECEDENCE, type InputGuard } from './guards/input-guard.ts'
import { KEYWORD_RULE_CONCEPTS, KEYWORD_SET_ASIDE } from './guards/keyword-rule-concepts.ts'
import { normalizeText } from './guards/normalize-text.ts'
import { checkOutput } from './guards/output-guard.ts'
import { isWithoutImmediateDanger } from './guards/crisis-immediacy.ts'
import { decideUrgency } from './triage/decide-urgency.ts'
import { TRIAGE_RULES } from './triage/rules/triage-rules.ts'
import type { InputGuardVerdict, SafetyGuards } from './turn-services.ts'

const EMERGENCY_RULES = TRIAGE_RULES.filter((rule) => rule.level === 'emergency')

/**
 * The deterministic guards of every turn: the keyword rule sets (compiled once per process) and
 * the emergency rules over clinical findings, which catch an emergency told as a combination of
 * ordinary words ("chest infection, now muddled and shivering, no wee since yesterday").
 */
export function createSafetyGuards ({ findings, inputGuard = createInputGuard() }: { findings: FindingExtractor, inputGuard?: InputGuard }): SafetyGuards {
  return {
    checkInput: (text) => checkInputText(inputGuard, findings, text),
    checkOutput: ({ text, locale, medical, disclaimer }) => {
      const verdict = checkOutput({ text, locale })
      // The disclaimer travels beside the text (its own field), so its presence is checked here.
      if (medical && !disclaimer?.trim()) return { ok: false, problems: [...verdict.problems, 'missing_disclaimer'] }
      return verdict
    }
  }
}

function checkInputText (inputGuard: InputGuard, findings: FindingExtractor, text: string): InputGuardVerdict {
  const reading = findings.read(text)
  const keyword = withoutPastOrDenied(inputGuard, inputGuard.check(text), reading, text)
  if (keyword.verdict === 'crisis') return withCrisisImmediacy(keyword, text)
  if (keyword.verdict === 'emergency') return keyword
  const decision = decideUrgency(reading, EMERGENCY_RULES, [])
  if (decision.urgency !== 'emergency') return keyword
  const redFlags = decision.reasons.map((reason) => `triage.${reason}`)
  return {
    verdict: 'emergency',
    matches: [...redFlags.map((ruleId) => ({ ruleId, category: 'emergency' as const, priority: 'emergency' })), ...keyword.matches],
    redFlags
  }
}

/**
 * Thoughts of suicide, and nothing else of the crisis rules, told with safety stated and no sign of
 * danger now are RF90 (urgent), not RF89: the crisis reply stays, the urgency and queue priority follow.
 */
function withCrisisImmediacy (verdict: InputGuardVerdict, text: string): InputGuardVerdict {
  const crises = verdict.matches.filter((match) => match.category === 'crisis')
  if (!crises.every((match) => match.ruleId === 'crisis.suicidal_thoughts')) return verdict
  if (verdict.matches.some((match) => match.category === 'emergency')) return verdict
  return isWithoutImmediateDanger(normalizeText(text).text) ? { ...verdict, immediateDanger: false } : verdict
}

/**
 * Sets aside a keyword emergency when the message settles it (KEYWORD_SET_ASIDE), or when what it
 * is about is only mentioned as negated, past, hypothetical or (where that settles it) over: the
 * words of those mentions are blanked and the keyword rules run again; if the rule still fires on
 * what is left, the emergency stands.
 */
function withoutPastOrDenied (inputGuard: InputGuard, verdict: InputGuardVerdict, reading: ClinicalReading, text: string): InputGuardVerdict {
  if (!verdict.matches.some((match) => match.category === 'emergency')) return verdict
  const emergencies = verdict.matches.filter((match) => match.category === 'emergency' && !setAside(match.ruleId, reading))
  const blanked = emergencies.length === 0 ? null : blankNotCurrent(normalizeText(text).text, emergencies.map((match) => match.ruleId), reading)
  const recheck = blanked === null ? null : new Set(inputGuard.check(blanked).matches.map((match) => match.ruleId))
  const kept = verdict.matches.filter((match) => match.category !== 'emergency' || (emergencies.includes(match) &&
    (recheck === null || !KEYWORD_RULE_CONCEPTS[match.ruleId] || recheck.has(match.ruleId))))
  if (kept.length === verdict.matches.length) return verdict
  const ranked = [...kept].sort((left, right) => GUARD_PRECEDENCE.indexOf(left.category) - GUARD_PRECEDENCE.indexOf(right.category))
  return { verdict: ranked[0]?.category ?? 'pass', matches: ranked, redFlags: verdict.redFlags.filter((flag) => kept.some((match) => match.ruleId === flag)) }
}

/** Whether the message itself settles that a keyword emergency does not apply (see KEYWORD_SET_ASIDE). */
function setAside (ruleId: string, reading: ClinicalReading): boolean {
  const { patient, current } = reading
  const present = (concept: string) => current.some((finding) => finding.concept === concept)
  return (KEYWORD_SET_ASIDE[ruleId] ?? []).some((condition) =>
    (condition.ageMonthsAtLeast === undefined || (patient.ageMonths !== undefined && patient.ageMonths >= condition.ageMonthsAtLeast)) &&
    (condition.temperatureBelow === undefined || (patient.temperatureC !== undefined && patient.temperatureC < condition.temperatureBelow)) &&
    (condition.hoursWithoutUrineBelow === undefined || (patient.hoursWithoutUrine !== undefined && patient.hoursWithoutUrine < condition.hoursWithoutUrineBelow)) &&
    (condition.concepts?.every(present) ?? true) &&
    !(condition.unlessConcepts?.some(present) ?? false))
}

/** The text with every not-current mention of the rules' concepts blanked; null when there is none to blank. */
function blankNotCurrent (normalized: string, ruleIds: string[], reading: ClinicalReading): string | null {
  const concepts = new Set(ruleIds.flatMap((ruleId) => KEYWORD_RULE_CONCEPTS[ruleId]?.concepts ?? []))
  const passes = new Set(ruleIds.filter((ruleId) => KEYWORD_RULE_CONCEPTS[ruleId]?.passes).flatMap((ruleId) => KEYWORD_RULE_CONCEPTS[ruleId]!.concepts))
  // Someone else's emergency is still one: only negation, the past and the hypothetical set a mention aside.
  const notCurrent = reading.findings.filter((finding) => concepts.has(finding.concept) && finding.text !== '' &&
    (finding.negated || finding.historical || finding.hypothetical || (passes.has(finding.concept) && (finding.resolved || finding.recurrent))))
  if (notCurrent.length === 0) return null
  // One text for both languages: Chinese findings are read without spaces between Han characters.
  const text = normalized.replace(/(?<=\p{Script=Han}) +(?=\p{Script=Han})/gu, '')
  const spans: Array<[number, number]> = []
  for (const wording of new Set(notCurrent.map((finding) => finding.text))) {
    // The n-th mention with these words is the n-th place they occur; when the count differs, nothing is set aside.
    const mentions = uniqueMentions(reading.findings.filter((finding) => finding.text === wording))
    const places = occurrences(text, wording)
    if (places.length !== mentions.length) continue
    mentions.forEach((mention, index) => { if (notCurrent.includes(mention)) spans.push([places[index]!, places[index]! + wording.length]) })
  }
  if (spans.length === 0) return null
  // Overlapping mentions ("喘" inside "喘不上气") become one span.
  const merged: Array<[number, number]> = []
  for (const [from, to] of spans.sort((left, right) => left[0] - right[0])) {
    const last = merged.at(-1)
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else merged.push([from, to])
  }
  let blanked = text
  for (const [from, to] of merged.reverse()) blanked = `${blanked.slice(0, from)} , ${blanked.slice(to)}`
  return blanked
}

/** One finding per place in the message (several concepts may share the same words). */
function uniqueMentions (findings: readonly Finding[]): Finding[] {
  const byPlace = new Map<string, Finding>()
  for (const finding of findings) {
    const place = `${finding.clause}:${finding.start}`
    const known = byPlace.get(place)
    // A place counts as not current only when every concept read there is.
    if (!known || isCurrentMention(finding)) byPlace.set(place, finding)
  }
  return [...byPlace.values()].sort((left, right) => left.clause - right.clause || left.start - right.start)
}

function isCurrentMention (finding: Finding): boolean {
  return !finding.negated && !finding.historical && !finding.hypothetical
}

function occurrences (text: string, wording: string): number[] {
  const places: number[] = []
  for (let at = text.indexOf(wording); at !== -1; at = text.indexOf(wording, at + wording.length)) places.push(at)
  return places
}
