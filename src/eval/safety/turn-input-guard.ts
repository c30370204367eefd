import { createFindingExtractor } from '../../clinical-findings/extract-findings.ts'
import { createInputGuard } from '../../flows/guards/input-guard.ts'
import { createSafetyGuards } from '../../flows/safety-guards.ts'
import type { SafetyEvalGuard } from './run-safety-eval.ts'

/** The input guard exactly as a turn runs it: keyword rules, then the emergency rules over clinical findings. */
export function createTurnInputGuard (): SafetyEvalGuard {
  const keyword = createInputGuard()
  const guards = createSafetyGuards({ findings: createFindingExtractor(), inputGuard: keyword })
  return { check: guards.checkInput, versions: keyword.versions }
}
