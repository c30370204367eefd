import { readFileSync } from 'node:fs'
import type { ClinicalReading } from '../../../clinical-findings/finding-types.ts'
import { messageFeatures } from './message-features.ts'
import { scoreFeatures } from './train-logistic-model.ts'

export const EMERGENCY_WEIGHTS_FILE = new URL('./emergency-weights.json', import.meta.url)

export type EmergencyModelWeights = {
  bias: number
  weights: Record<string, number>
  /** The probability from which the model raises an answer to emergency. */
  threshold: number
  /** Where the weights came from: the development files and their sizes, never a hold-out. */
  trainedOn: Array<{ file: string, cases: number }>
}

export type EmergencyModel = {
  /** The probability the model gives that the message describes an emergency. */
  score: (text: string, reading: ClinicalReading) => number
  threshold: number
}

export function loadEmergencyModel (file: URL = EMERGENCY_WEIGHTS_FILE): EmergencyModel {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as EmergencyModelWeights
  const model = { bias: stored.bias, weights: new Map(Object.entries(stored.weights)) }
  return {
    threshold: stored.threshold,
    score: (text, reading) => scoreFeatures(model, messageFeatures(text, reading))
  }
}
