import { DEPARTMENT_CODES, type DepartmentCode } from '../triage-vocabulary.ts'
import { affirmedMatches, compilePhrase, normalizeText } from '../understanding/phrase-pattern.ts'
import type { UnderstandingSlots } from '../understanding/understanding-types.ts'
import { SYMPTOM_DEPARTMENT_PHRASES } from './symptom-departments.ts'

export type RouteDepartmentOptions = {
  text: string
  /** Kept for callers and logs; both lexicons are always consulted, since patients mix languages. */
  locale: string
  slots?: Pick<UnderstandingSlots, 'age' | 'childMentioned' | 'pregnancy' | 'department' | 'sex'>
}

export type DepartmentScore = { code: DepartmentCode, score: number }

export type DepartmentRoute = DepartmentScore & { alternatives: DepartmentScore[] }

const COMPILED = SYMPTOM_DEPARTMENT_PHRASES.map((entry) => ({ ...entry, pattern: compilePhrase(entry.phrase) }))

// Children see the paediatrician for most complaints; teeth, eyes and injuries keep their specialty.
const CHILD_KEEPS = new Set<DepartmentCode>(['stomatology', 'ophthalmology', 'orthopedics', 'emergency'])
const CHILD_AGE_LIMIT_MONTHS = 14 * 12
const EXPLICIT_MENTION_BONUS = 4

/** Score per department, and the length of its longest matched phrase (the tie-breaker: more specific wins). */
type Scores = Map<DepartmentCode, { score: number, longest: number }>

type Hit = { department: DepartmentCode, phrase: string, start: number, end: number, weight: number }

function contains (outer: Hit, inner: Hit): boolean {
  return outer.start <= inner.start && inner.end <= outer.end
}

/**
 * Longest match wins, as in dictionary segmentation: a phrase inside a longer matched phrase adds
 * nothing (尿 inside 糖尿病, 鼻炎 inside 过敏性鼻炎, 皮 inside 皮肤), except that equal spans of
 * different departments (胸闷: cardiology and respiratory) both count.
 */
function keepLongest (hits: Hit[]): Hit[] {
  const kept: Hit[] = []
  const byLength = [...hits].sort((first, second) => (second.end - second.start) - (first.end - first.start))
  for (const hit of byLength) {
    const covered = kept.some((other) => contains(other, hit) &&
      (other.department === hit.department || other.end - other.start > hit.end - hit.start))
    if (!covered) kept.push(hit)
  }
  return kept
}

// A phrase said again adds a point per repeat (at most two): the repeated subject is the topic.
const MAX_REPEAT_BONUS = 2

function sumScores (hits: Hit[]): Scores {
  const scores: Scores = new Map()
  const seen = new Map<string, number>()
  for (const hit of hits) {
    const key = `${hit.department}:${hit.phrase}`
    const repeats = seen.get(key) ?? 0
    seen.set(key, repeats + 1)
    const points = repeats === 0 ? hit.weight : repeats <= MAX_REPEAT_BONUS ? 1 : 0
    const current = scores.get(hit.department) ?? { score: 0, longest: 0 }
    scores.set(hit.department, { score: current.score + points, longest: Math.max(current.longest, hit.end - hit.start) })
  }
  return scores
}

function lexiconScores (text: string): Scores {
  const normalized = normalizeText(text)
  const hits: Hit[] = []
  for (const { department, phrase, pattern, weight } of COMPILED) {
    for (const match of affirmedMatches(normalized, pattern)) {
      hits.push({ department, phrase, start: match.index, end: match.index + match[0].length, weight })
    }
  }
  return sumScores(keepLongest(hits))
}

/** Whether the patient is a child: a stated age decides; otherwise a child word (孩子, my son) does. */
export function isChildPatient (slots: RouteDepartmentOptions['slots']): boolean {
  if (slots?.age !== undefined) return slots.age.months < CHILD_AGE_LIMIT_MONTHS
  return slots?.childMentioned === true
}

function ranked (scores: Scores): DepartmentScore[] {
  return [...scores.entries()]
    .filter(([, { score }]) => score > 0)
    .sort(([firstCode, first], [secondCode, second]) =>
      second.score - first.score || second.longest - first.longest || DEPARTMENT_CODES.indexOf(firstCode) - DEPARTMENT_CODES.indexOf(secondCode))
    .map(([code, { score }]) => ({ code, score }))
}

function addScore (scores: Scores, code: DepartmentCode, points: number): void {
  const current = scores.get(code) ?? { score: 0, longest: 0 }
  scores.set(code, { score: current.score + points, longest: current.longest })
}

/** Puts `code` on top of the current ranking, one point clear. */
function promote (scores: Scores, code: DepartmentCode): void {
  const top = ranked(scores)[0]?.score ?? 0
  const current = scores.get(code) ?? { score: 0, longest: 0 }
  scores.set(code, { score: Math.max(current.score, top + 1), longest: current.longest })
}

function applyPatientModifiers (scores: Scores, slots: RouteDepartmentOptions['slots']): void {
  if (slots?.sex === 'male') scores.delete('obstetrics_gynecology')
  if (slots?.sex === 'female') scores.delete('andrology')
  if (slots?.department !== undefined) addScore(scores, slots.department, EXPLICIT_MENTION_BONUS)
  const status = slots?.pregnancy?.status
  if (status === 'pregnant' || status === 'postpartum') {
    promote(scores, 'obstetrics_gynecology')
    return
  }
  const top = ranked(scores)[0]
  if (isChildPatient(slots) && (top === undefined || !CHILD_KEEPS.has(top.code))) promote(scores, 'pediatrics')
}

/**
 * Scores every department on the weighted symptom lexicon (Chinese substrings with short gaps, so
 * 胃部有点痛 still matches 胃*痛; English on word boundaries; denied phrases skipped), then applies
 * patient modifiers: pregnancy → obstetrics and gynaecology, a child → paediatrics for most
 * complaints, an explicitly named department gets a bonus. Nothing matched → general practice.
 */
export function routeDepartment ({ text, slots }: RouteDepartmentOptions): DepartmentRoute {
  const scores = lexiconScores(text)
  applyPatientModifiers(scores, slots)
  const [best, ...rest] = ranked(scores)
  if (best === undefined) return { code: 'general_medicine', score: 0, alternatives: [] }
  return { ...best, alternatives: rest.slice(0, 3) }
}
