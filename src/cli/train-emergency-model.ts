import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { fileURLToPath } from 'node:url'
import { createFindingExtractor } from '../clinical-findings/extract-findings.ts'
import { loadDepartmentRows } from '../eval/departments/run-department-eval.ts'
import { loadSafetyCaseFile } from '../eval/safety/load-safety-cases.ts'
import { loadTriageCases } from '../eval/triage/triage-case.ts'
import { splitTriageSetFolders } from '../eval/triage/triage-case-sets.ts'
import { decideUrgency } from '../flows/triage/decide-urgency.ts'
import { EMERGENCY_WEIGHTS_FILE, type EmergencyModelWeights } from '../flows/triage/emergency-model/emergency-model.ts'
import { messageFeatures } from '../flows/triage/emergency-model/message-features.ts'
import { scoreFeatures, trainLogisticModel, type LabelledExample } from '../flows/triage/emergency-model/train-logistic-model.ts'
import { SELF_CARE_PRESENTATIONS, TRIAGE_RULES } from '../flows/triage/rules/triage-rules.ts'
import { runCli } from './run-cli.ts'

// Usage: npm run train:emergency-model [-- --check]
// Trains the emergency model on the development vignettes only (never a hold-out), prints its
// cross-validated figures (one fold per development file) beside the rules, and writes the weights
// file. --check exits 1 when the committed weights are not what the current data trains.

const REPO_ROOT = resolve(import.meta.dirname, '..', '..')
const DEVELOPMENT_FILES = [
  resolve(REPO_ROOT, '..', 'shared', 'data', 'triage', 'dev_vignettes.jsonl'),
  resolve(REPO_ROOT, 'tests', 'eval', 'triage', 'vignettes.jsonl'),
  ...splitTriageSetFolders(REPO_ROOT).map((folder) => resolve(folder, 'dev.jsonl'))
].filter((file) => existsSync(file))
// Short development messages of the safety suite (labelled emergency, crisis or pass) add phrasings;
// the safety hold-outs (tests/eval/holdout/) and the earlier held-out rounds are never used.
const SAFETY_DEVELOPMENT_FILES = ['emergency', 'crisis', 'emergency-probes', 'benign', 'context-and-look-alikes', 'settled-by-the-message']
  .map((name) => resolve(REPO_ROOT, 'tests', 'eval', 'safety', `${name}.jsonl`))
// Real patients' questions to online consultations (shared/data, Chinese): short consult questions
// that are not emergencies teach the model what an ordinary question looks like; without them a
// bare "孩子发烧了怎么办" scored as an emergency. Rows the rules read as an emergency are left out.
const CONSULTATION_FILES = ['department_dev_cmtmedqa.jsonl', 'department_dev_toyhom_neike.jsonl']
  .map((name) => resolve(REPO_ROOT, '..', 'shared', 'data', name))
/** Chosen on the cross-validated figures (session 6: 74 of 106 rule-missed emergencies recovered, 1.2% of non-emergencies raised; 0.85 gave 67 at 0.8%): a missed emergency costs more than an early look. */
const THRESHOLD = 0.8
const KEEP_ABOVE = 0.02
/** Stronger than the trainer's default: with less, short ordinary questions ("娃吐了一次") scored as emergencies. */
const TRAINING = { l2: 3e-3, averaged: true }

type Vignette = LabelledExample & { rules: string, file: string }

runCli(async () => {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } })
  const extractor = createFindingExtractor()
  const cases = DEVELOPMENT_FILES.flatMap((file) => loadTriageCases(file).map((item) => ({ ...item, file })))
  const vignettes: Vignette[] = cases.map((item) => {
    const reading = extractor.read(item.text)
    return { file: item.file, features: messageFeatures(item.text, reading), positive: item.gold_urgency === 'emergency', rules: decideUrgency(reading, TRIAGE_RULES, SELF_CARE_PRESENTATIONS).urgency }
  })
  const safetyExamples = (await Promise.all(SAFETY_DEVELOPMENT_FILES.map((file) => loadSafetyCaseFile(file)))).flat()
    .map((item) => ({ features: messageFeatures(item.text, extractor.read(item.text)), positive: item.expected === 'emergency' || item.expected === 'crisis' }))
  const consultationFiles = CONSULTATION_FILES.map((file) => ({ file, rows: loadDepartmentRows(file) }))
  const consultations = consultationFiles.flatMap(({ rows }) => rows)
    .map((row) => ({ text: row.question, reading: extractor.read(row.question) }))
    .filter(({ reading }) => decideUrgency(reading, TRIAGE_RULES, SELF_CARE_PRESENTATIONS).urgency !== 'emergency')
    .map(({ text, reading }) => ({ features: messageFeatures(text, reading), positive: false }))
  const alwaysTrained = [...safetyExamples, ...consultations]
  if (!values.check) reportCrossValidation(vignettes, alwaysTrained)
  const trained = trainLogisticModel([...vignettes, ...alwaysTrained], TRAINING)
  const weights: EmergencyModelWeights = {
    bias: round(trained.bias),
    weights: Object.fromEntries([...trained.weights].filter(([, value]) => Math.abs(value) >= KEEP_ABOVE).sort(([first], [second]) => (first < second ? -1 : 1)).map(([feature, value]) => [feature, round(value)])),
    threshold: THRESHOLD,
    trainedOn: [
      ...DEVELOPMENT_FILES.map((file) => ({ file: relative(REPO_ROOT, file), cases: cases.filter((item) => item.file === file).length })),
      { file: relative(REPO_ROOT, resolve(REPO_ROOT, 'tests', 'eval', 'safety')), cases: safetyExamples.length },
      ...consultationFiles.map(({ file, rows }) => ({ file: relative(REPO_ROOT, file), cases: rows.length }))
    ]
  }
  const text = `${JSON.stringify(weights, null, 1)}\n`
  const target = fileURLToPath(EMERGENCY_WEIGHTS_FILE)
  if (values.check) {
    const same = readFileSync(target, 'utf8') === text
    process.stdout.write(same ? 'emergency model weights match the development data\n' : 'emergency model weights are stale: run npm run train:emergency-model\n')
    return same ? 0 : 1
  }
  writeFileSync(target, text)
  process.stdout.write(`wrote ${relative(REPO_ROOT, target)}: ${Object.keys(weights.weights).length} features from ${cases.length} development vignettes, ${safetyExamples.length} safety messages and ${consultations.length} consultation questions\n`)
})

/**
 * One fold per development file: each set is scored by a model that never saw its writer, as a new
 * patient's words would be. The safety messages and consultation questions are always in the
 * training part, never scored.
 */
function reportCrossValidation (vignettes: readonly Vignette[], alwaysTrained: readonly LabelledExample[]): void {
  const scored: Array<Vignette & { probability: number }> = []
  for (const file of new Set(vignettes.map((item) => item.file))) {
    const model = trainLogisticModel([...vignettes.filter((item) => item.file !== file), ...alwaysTrained], TRAINING)
    for (const item of vignettes.filter((vignette) => vignette.file === file)) scored.push({ ...item, probability: scoreFeatures(model, item.features) })
  }
  const missed = scored.filter((item) => item.positive && item.rules !== 'emergency')
  const others = scored.filter((item) => !item.positive && item.rules !== 'emergency')
  process.stdout.write(`Cross-validation by file (${DEVELOPMENT_FILES.length} folds) on ${scored.length} development vignettes (rules alone miss ${missed.length} emergencies):\n`)
  for (const threshold of [0.6, 0.7, 0.8, 0.85, 0.9]) {
    const recovered = missed.filter((item) => item.probability >= threshold).length
    const raised = others.filter((item) => item.probability >= threshold).length
    process.stdout.write(`  threshold ${threshold}${threshold === THRESHOLD ? ' (used)' : ''}: recovers ${recovered} of ${missed.length} missed emergencies, raises ${raised} of ${others.length} non-emergencies (${(100 * raised / others.length).toFixed(1)}%)\n`)
  }
}

function round (value: number): number {
  return Math.round(value * 10_000) / 10_000
}
