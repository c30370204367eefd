import { readFileSync, writeFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { createFindingExtractor } from '../clinical-findings/extract-findings.ts'
import { loadSafetyCaseFile } from '../eval/safety/load-safety-cases.ts'
import { loadTriageCases } from '../eval/triage/triage-case.ts'
import { decideUrgency } from '../flows/triage/decide-urgency.ts'
import { URGENCY_MODEL_WEIGHTS_FILE, type StoredModel, type UrgencyModelWeights } from '../flows/triage/urgency-models/urgency-models.ts'
import { messageFeatures } from '../flows/triage/urgency-models/message-features.ts'
import { scoreFeatures, trainLogisticModel, type LabelledExample } from '../flows/triage/urgency-models/train-logistic-model.ts'
import { SELF_CARE_PRESENTATIONS, TRIAGE_RULES } from '../flows/triage/rules/triage-rules.ts'
import type { Urgency } from '../flows/triage-vocabulary.ts'
import { runCli } from './run-cli.ts'

// Usage: npm run train:urgency-models [-- --check]
// Trains the two urgency models (emergency; urgent or above) on the development vignettes only
// (never a hold-out), prints their cross-validated figures (one fold per file) beside the rules, and writes the
// weights file. --check exits 1 when the committed weights are not what the current data trains.

const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
const PATIENT_WRITTEN_SETS = ['', '-2', '-3', '-4', '-5']
const DEVELOPMENT_FILES = [
  resolve(REPO_ROOT, '..', 'shared', 'data', 'triage', 'dev_vignettes.jsonl'),
  resolve(REPO_ROOT, 'tests', 'eval', 'triage', 'vignettes.jsonl'),
  ...PATIENT_WRITTEN_SETS.map((suffix) => resolve(REPO_ROOT, 'tests', 'eval', `triage-patient-written${suffix}`, 'dev.jsonl'))
]
// Short development messages of the safety suite (labelled emergency, crisis or pass) add phrasings
// to the emergency model, and their emergencies and crises to the urgent model; the safety
// hold-outs (tests/eval/holdout/) and the earlier held-out rounds are never used.
const SAFETY_DEVELOPMENT_FILES = ['emergency', 'crisis', 'emergency-probes', 'benign', 'context-and-look-alikes', 'settled-by-the-message']
  .map((name) => resolve(REPO_ROOT, 'tests', 'eval', 'safety', `${name}.jsonl`))
/** Chosen on the cross-validated figures: the rules' missed emergencies it recovers against the non-emergencies it raises. */
const EMERGENCY_THRESHOLD = 0.85
/** Chosen on the cross-validated figures: the urgency accuracy of rules and both models together. */
const URGENT_THRESHOLD = 0.9
const KEEP_ABOVE = 0.02
const RANK: Record<Urgency, number> = { self_care: 0, routine: 1, urgent: 2, emergency: 3 }

type Vignette = { features: string[], gold: Urgency, rules: Urgency, hasFindings: boolean, file: string }
type Labelled = { emergency: LabelledExample[], urgentOrAbove: LabelledExample[] }

runCli(async () => {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } })
  const extractor = createFindingExtractor()
  const cases = DEVELOPMENT_FILES.flatMap((file) => loadTriageCases(file).map((item) => ({ ...item, file })))
  const vignettes: Vignette[] = cases.map((item) => {
    const reading = extractor.read(item.text)
    return { file: item.file, features: messageFeatures(item.text, reading), gold: item.gold_urgency, rules: decideUrgency(reading, TRIAGE_RULES, SELF_CARE_PRESENTATIONS).urgency, hasFindings: reading.current.length > 0 }
  })
  const safetyMessages = (await Promise.all(SAFETY_DEVELOPMENT_FILES.map((file) => loadSafetyCaseFile(file)))).flat()
    .map((item) => ({ features: messageFeatures(item.text, extractor.read(item.text)), alarm: item.expected === 'emergency' || item.expected === 'crisis' }))
  const alwaysTrained: Labelled = {
    emergency: safetyMessages.map((item) => ({ features: item.features, positive: item.alarm })),
    urgentOrAbove: safetyMessages.filter((item) => item.alarm).map((item) => ({ features: item.features, positive: true }))
  }
  if (!values.check) reportCrossValidation(vignettes, alwaysTrained)
  const trained = trainBoth(vignettes, alwaysTrained)
  const weights: UrgencyModelWeights = {
    emergency: stored(trained.emergency, EMERGENCY_THRESHOLD),
    urgentOrAbove: stored(trained.urgentOrAbove, URGENT_THRESHOLD),
    trainedOn: [
      ...DEVELOPMENT_FILES.map((file) => ({ file: relative(REPO_ROOT, file), cases: cases.filter((item) => item.file === file).length })),
      { file: relative(REPO_ROOT, resolve(REPO_ROOT, 'tests', 'eval', 'safety')), cases: safetyMessages.length }
    ]
  }
  const text = `${JSON.stringify(weights, null, 1)}\n`
  const target = fileURLToPath(URGENCY_MODEL_WEIGHTS_FILE)
  if (values.check) {
    const same = readFileSync(target, 'utf8') === text
    process.stdout.write(same ? 'urgency model weights match the development data\n' : 'urgency model weights are stale: run npm run train:urgency-models\n')
    return same ? 0 : 1
  }
  writeFileSync(target, text)
  process.stdout.write(`wrote ${relative(REPO_ROOT, target)}: ${Object.keys(weights.emergency.weights).length} + ${Object.keys(weights.urgentOrAbove.weights).length} features from ${cases.length} development vignettes and ${safetyMessages.length} safety messages\n`)
})

function trainBoth (vignettes: readonly Vignette[], alwaysTrained: Labelled) {
  return {
    emergency: trainLogisticModel([...vignettes.map((item) => ({ features: item.features, positive: item.gold === 'emergency' })), ...alwaysTrained.emergency]),
    urgentOrAbove: trainLogisticModel([...vignettes.map((item) => ({ features: item.features, positive: RANK[item.gold] >= RANK.urgent })), ...alwaysTrained.urgentOrAbove])
  }
}

/** The service's combination: the rules decide, each model may only raise (see assess-findings.ts). */
function combined (item: Vignette, emergencyScore: number, urgentScore: number, emergencyThreshold: number, urgentThreshold: number): Urgency {
  if (item.rules === 'emergency' || !item.hasFindings) return item.rules
  if (emergencyScore >= emergencyThreshold) return 'emergency'
  if (RANK[item.rules] < RANK.urgent && urgentScore >= urgentThreshold) return 'urgent'
  return item.rules
}

/**
 * One fold per development file: each set is scored by models that never saw its writer, as a new
 * patient's words would be. The safety messages are always in the training part, never scored.
 */
function reportCrossValidation (vignettes: readonly Vignette[], alwaysTrained: Labelled): void {
  const scored: Array<Vignette & { emergencyScore: number, urgentScore: number }> = []
  for (const file of new Set(vignettes.map((item) => item.file))) {
    const models = trainBoth(vignettes.filter((item) => item.file !== file), alwaysTrained)
    for (const item of vignettes.filter((vignette) => vignette.file === file)) {
      scored.push({ ...item, emergencyScore: scoreFeatures(models.emergency, item.features), urgentScore: scoreFeatures(models.urgentOrAbove, item.features) })
    }
  }
  const accuracy = (levels: Urgency[]) => `${(100 * levels.filter((level, index) => level === scored[index]!.gold).length / scored.length).toFixed(1)}%`
  const missed = scored.filter((item) => item.gold === 'emergency' && item.rules !== 'emergency')
  const others = scored.filter((item) => item.gold !== 'emergency' && item.rules !== 'emergency')
  process.stdout.write(`Cross-validation by file (${DEVELOPMENT_FILES.length} folds) on ${scored.length} development vignettes; rules alone: urgency accuracy ${accuracy(scored.map((item) => item.rules))}, ${missed.length} emergencies missed\n`)
  process.stdout.write('emergency model (raises to emergency):\n')
  for (const threshold of [0.6, 0.7, 0.8, 0.85, 0.9]) {
    const recovered = missed.filter((item) => item.hasFindings && item.emergencyScore >= threshold).length
    const raised = others.filter((item) => item.hasFindings && item.emergencyScore >= threshold).length
    process.stdout.write(`  threshold ${threshold}${threshold === EMERGENCY_THRESHOLD ? ' (used)' : ''}: recovers ${recovered} of ${missed.length} missed emergencies, raises ${raised} of ${others.length} non-emergencies (${(100 * raised / others.length).toFixed(1)}%)\n`)
  }
  process.stdout.write(`urgent model (raises self-care or routine to urgent), with the emergency model at ${EMERGENCY_THRESHOLD}:\n`)
  for (const threshold of [0.5, 0.6, 0.7, 0.8, 0.9, 1.01]) {
    const levels = scored.map((item) => combined(item, item.emergencyScore, item.urgentScore, EMERGENCY_THRESHOLD, threshold))
    const raised = scored.filter((item, index) => levels[index] === 'urgent' && item.rules !== 'urgent')
    const underTriaged = scored.filter((item, index) => RANK[levels[index]!] < RANK[item.gold]).length
    const label = threshold > 1 ? 'off' : `threshold ${threshold}${threshold === URGENT_THRESHOLD ? ' (used)' : ''}`
    process.stdout.write(`  ${label}: urgency accuracy ${accuracy(levels)}, raised ${raised.filter((item) => item.gold === 'urgent').length} rightly and ${raised.filter((item) => item.gold !== 'urgent').length} wrongly, under-triaged ${underTriaged}\n`)
  }
}

function stored (model: { bias: number, weights: Map<string, number> }, threshold: number): StoredModel {
  const weights = [...model.weights].filter(([, value]) => Math.abs(value) >= KEEP_ABOVE).sort(([first], [second]) => (first < second ? -1 : 1))
  return { bias: round(model.bias), weights: Object.fromEntries(weights.map(([feature, value]) => [feature, round(value)])), threshold }
}

function round (value: number): number {
  return Math.round(value * 10_000) / 10_000
}
