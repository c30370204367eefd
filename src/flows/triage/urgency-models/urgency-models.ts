import { readFileSync } from 'node:fs'
import type { ClinicalReading } from '../../../clinical-findings/finding-types.ts'
import { messageFeatures } from './message-features.ts'
import { scoreFeatures } from './train-logistic-model.ts'

export const URGENCY_MODEL_WEIGHTS_FILE = new URL('./urgency-model-weights.json', import.meta.url)

/** One binary model as stored: its weights and the probability from which it raises an answer. */
export type StoredModel = { bias: number, weights: Record<string, number>, threshold: number }

export type UrgencyModelWeights = {
  /** The message describes an emergency. */
  emergency: StoredModel
  /** The message needs to be seen today or sooner (urgent or emergency). */
  urgentOrAbove: StoredModel
  /** Where the weights came from: the development files and their sizes, never a hold-out. */
  trainedOn: Array<{ file: string, cases: number }>
}

export type BinaryModel = {
  score: (features: readonly string[]) => number
  threshold: number
}

export type UrgencyModels = {
  /** What the models see of a message; compute once and score it with each model. */
  features: (text: string, reading: ClinicalReading) => string[]
  emergency: BinaryModel
  urgentOrAbove: BinaryModel
}

export function loadUrgencyModels (file: URL = URGENCY_MODEL_WEIGHTS_FILE): UrgencyModels {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as UrgencyModelWeights
  return { features: messageFeatures, emergency: binaryModel(stored.emergency), urgentOrAbove: binaryModel(stored.urgentOrAbove) }
}

function binaryModel (stored: StoredModel): BinaryModel {
  const model = { bias: stored.bias, weights: new Map(Object.entries(stored.weights)) }
  return { threshold: stored.threshold, score: (features) => scoreFeatures(model, features) }
}
