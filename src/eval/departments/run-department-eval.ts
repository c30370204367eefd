import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'

import { z } from 'zod'

import type { DepartmentCode } from '../../flows/triage-vocabulary.ts'
import { routeDepartment } from '../../flows/triage/route-department.ts'
import { extractSlots } from '../../flows/understanding/extract-slots.ts'
import { DATASET_LABELS } from './dataset-labels.ts'
import { playCase } from '../product-path/play-case.ts'

const rowSchema = z.object({ id: z.string(), department: z.string(), question: z.string() })

export type DepartmentEvalRow = z.infer<typeof rowSchema>

export type DepartmentEvalError = { id: string, label: string, predicted: DepartmentCode | 'none', question: string }

export type DepartmentEvalFigures = {
  total: number
  /** Predicted code is one of the label's accepted codes. */
  correct: number
  accuracy: number
  /** Predicted code is the label's primary code. */
  strictAccuracy: number
  /** Questions answered with billing, insurance or clinic-information text. Must be 0 through the turn. */
  policyAnswered: number
  byLabel: Record<string, { total: number, correct: number, accuracy: number }>
  /** label → predicted code → count. */
  confusion: Record<string, Partial<Record<DepartmentCode | 'none', number>>>
  unmappedLabels: string[]
  errors: DepartmentEvalError[]
}

/** Reads a JSONL dev set ({id, department, question, …} per line), validating each row. */
export function loadDepartmentRows (path: string): DepartmentEvalRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = rowSchema.safeParse(JSON.parse(line))
      if (!parsed.success) throw new Error(`${path}:${index + 1}: ${parsed.error.message}`)
      return parsed.data
    })
}

// Routing does not depend on the date; a fixed instant keeps the run deterministic.
const FIXED_NOW = new Date('2026-01-01T00:00:00Z')

/** What one question was routed to, and whether it was answered from billing, insurance or clinic-information text. */
export type DepartmentPrediction = { code: DepartmentCode | 'none', answeredFromPolicy: boolean }

export type DepartmentPredictor = (question: string) => Promise<DepartmentPrediction>

/** The department router alone (a component figure, shown beside the whole turn's). */
export const routerPredictor: DepartmentPredictor = async (question) => {
  const slots = extractSlots({ text: question, now: FIXED_NOW, timezone: 'Asia/Shanghai' })
  return { code: routeDepartment({ text: question, locale: 'zh-CN', slots }).code, answeredFromPolicy: false }
}

const POLICY_PHRASE = /^(?:billing|insurance|info)\./u

/** The whole turn through the HTTP API: the department the conversation reports, follow-ups answered neutrally. */
export function turnPredictor (app: FastifyInstance): DepartmentPredictor {
  return async (question) => {
    const played = await playCase(app, { locale: 'zh-CN', text: question })
    const code = played.triage?.department?.code as DepartmentCode | undefined
    return { code: code ?? 'none', answeredFromPolicy: played.phraseKeys.some((key) => POLICY_PHRASE.test(key)) }
  }
}

function ratio (part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000
}

/** Routes every row with `predict` and scores it against the label mapping in dataset-labels.ts. */
export async function runDepartmentEval ({ rows, predict }: { rows: DepartmentEvalRow[], predict: DepartmentPredictor }): Promise<DepartmentEvalFigures> {
  const byLabel: DepartmentEvalFigures['byLabel'] = {}
  const confusion: DepartmentEvalFigures['confusion'] = {}
  const errors: DepartmentEvalError[] = []
  const unmapped = new Set<string>()
  let correct = 0
  let strict = 0
  let policyAnswered = 0
  for (const row of rows) {
    const mapping = DATASET_LABELS[row.department]
    if (mapping === undefined) {
      unmapped.add(row.department)
      continue
    }
    const { code: predicted, answeredFromPolicy } = await predict(row.question)
    policyAnswered += answeredFromPolicy ? 1 : 0
    const hit = predicted !== 'none' && mapping.accepted.includes(predicted)
    const labelFigures = byLabel[row.department] ?? { total: 0, correct: 0, accuracy: 0 }
    labelFigures.total += 1
    labelFigures.correct += hit ? 1 : 0
    byLabel[row.department] = labelFigures
    const predictions = confusion[row.department] ?? {}
    predictions[predicted] = (predictions[predicted] ?? 0) + 1
    confusion[row.department] = predictions
    correct += hit ? 1 : 0
    strict += predicted === mapping.primary ? 1 : 0
    if (!hit) errors.push({ id: row.id, label: row.department, predicted, question: row.question })
  }
  for (const figures of Object.values(byLabel)) figures.accuracy = ratio(figures.correct, figures.total)
  const total = rows.length - [...unmapped].reduce((sum, label) => sum + rows.filter((row) => row.department === label).length, 0)
  return { total, correct, accuracy: ratio(correct, total), strictAccuracy: ratio(strict, total), policyAnswered, byLabel, confusion, unmappedLabels: [...unmapped], errors }
}
