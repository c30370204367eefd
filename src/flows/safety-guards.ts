import { createInputGuard } from './guards/input-guard.ts'
import { checkOutput } from './guards/output-guard.ts'
import type { SafetyGuards } from './turn-services.ts'

/** The deterministic guards of every turn: rule sets compiled once per process. */
export function createSafetyGuards (): SafetyGuards {
  const inputGuard = createInputGuard()
  return {
    checkInput: (text) => inputGuard.check(text),
    checkOutput: ({ text, locale, medical, disclaimer }) => {
      const verdict = checkOutput({ text, locale })
      // The disclaimer travels beside the text (its own field), so its presence is checked here.
      if (medical && !disclaimer?.trim()) return { ok: false, problems: [...verdict.problems, 'missing_disclaimer'] }
      return verdict
    }
  }
}
