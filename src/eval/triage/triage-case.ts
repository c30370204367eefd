import { readFileSync } from 'node:fs'

import { z } from 'zod'

import { DEPARTMENT_CODES, URGENCIES, type DepartmentCode } from '../../flows/triage-vocabulary.ts'
import { SCREENING_QUESTION_IDS } from '../../flows/triage/triage-types.ts'

const answerSchema = z.enum(['yes', 'no', 'unknown'])

/** One eval case: our vignettes, or a clinic's own cases (gold_department and answers optional). */
export const triageCaseSchema = z.object({
  id: z.string().min(1),
  locale: z.string().min(2),
  text: z.string().min(1),
  gold_urgency: z.enum(URGENCIES),
  gold_department: z.enum(DEPARTMENT_CODES as [DepartmentCode, ...DepartmentCode[]]).optional(),
  answers: z.partialRecord(z.enum(SCREENING_QUESTION_IDS), answerSchema).optional()
})

export type TriageCase = z.infer<typeof triageCaseSchema>

/** Reads and validates a JSONL file of triage cases; the error names the file and line. */
export function loadTriageCases (path: string): TriageCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, number }) => {
      let json: unknown
      try {
        json = JSON.parse(line)
      } catch {
        throw new Error(`${path}:${number}: not a JSON object on one line`)
      }
      const parsed = triageCaseSchema.safeParse(json)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        throw new Error(`${path}:${number}: ${issue?.path.join('.') || 'case'}: ${issue?.message ?? 'is invalid'}`)
      }
      return parsed.data
    })
}
