import type { CostInputs } from '../understanding/understanding-types.ts'

export type PatientShare = {
  patientPays: number
  insurerPays: number
  deductiblePart: number
  copayPart: number
  coinsurancePart: number
  cappedByOutOfPocketMax: boolean
}

/**
 * What the patient pays for one bill under a plan's cost sharing, computed in code from the
 * numbers the patient gave (never by a model): the remaining deductible first, then the copay,
 * then coinsurance on the rest, capped by what is left of the out-of-pocket maximum.
 */
export function computePatientShare (inputs: CostInputs & { billAmount: number }): PatientShare {
  const bill = Math.max(0, inputs.billAmount)
  const remainingDeductible = Math.max(0, (inputs.deductible ?? 0) - (inputs.deductibleMet ?? 0))
  const deductiblePart = Math.min(bill, remainingDeductible)
  const copayPart = Math.min(inputs.copay ?? 0, bill - deductiblePart)
  const coinsuranceBase = bill - deductiblePart - copayPart
  const coinsurancePart = coinsuranceBase * clampPercent(inputs.coinsurancePercent ?? 0) / 100
  const uncapped = deductiblePart + copayPart + coinsurancePart
  const remainingMax = inputs.outOfPocketMax === undefined ? Infinity : Math.max(0, inputs.outOfPocketMax - (inputs.outOfPocketPaid ?? 0))
  const patientPays = Math.min(uncapped, remainingMax)
  return {
    patientPays: roundMoney(patientPays),
    insurerPays: roundMoney(bill - patientPays),
    deductiblePart: roundMoney(deductiblePart),
    copayPart: roundMoney(copayPart),
    coinsurancePart: roundMoney(coinsurancePart),
    cappedByOutOfPocketMax: uncapped > remainingMax
  }
}

function clampPercent (percent: number): number {
  return Math.min(100, Math.max(0, percent))
}

function roundMoney (amount: number): number {
  return Math.round(amount * 100) / 100
}

export function formatMoney (amount: number): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(2)
}
