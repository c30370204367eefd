import { readFileSync } from 'node:fs'

import { z } from 'zod'

import { DEPARTMENT_CODES, URGENCIES, type DepartmentCode } from '../../flows/triage-vocabulary.ts'

/** One eval case: a vignette, or a clinic's own case (gold_department optional). Follow-up questions are answered neutrally. */
export const triageCaseSchema = z.object({
  id: z.string().min(1),
  locale: z.string().min(2),
  text: z.string().min(1),
  gold_urgency: z.enum(URGENCIES),
  /** null: several departments fit equally (shared/data/triage convention); not scored. */
  gold_department: z.enum(DEPARTMENT_CODES as [DepartmentCode, ...DepartmentCode[]]).nullable().optional()
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
