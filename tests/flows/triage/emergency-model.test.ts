import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createFindingExtractor } from '../../../src/clinical-findings/extract-findings.ts'
import { assessTriage } from '../../../src/flows/triage/assess-findings.ts'
import { loadEmergencyModel } from '../../../src/flows/triage/emergency-model/emergency-model.ts'
import { sigmoid, trainEmergencyModel } from '../../../src/flows/triage/emergency-model/train-emergency-model.ts'

const CLI = fileURLToPath(new URL('../../../src/cli/train-emergency-model.ts', import.meta.url))
const extractor = createFindingExtractor()

describe('the emergency model beside the rules', () => {
  it('learns a cue that separates emergencies from the rest, the same way every time', () => {
    const examples = Array.from({ length: 40 }, (_, index) => ({ features: index % 2 === 0 ? ['w:grey', `w:n${index}`] : ['w:sneezing', `w:n${index}`], emergency: index % 2 === 0 }))
    const first = trainEmergencyModel(examples)
    const second = trainEmergencyModel(examples)
    expect(first.weights).toEqual(second.weights)
    expect(sigmoid(first.bias + first.weights.get('w:grey')!)).toBeGreaterThan(0.8)
    expect(sigmoid(first.bias + first.weights.get('w:sneezing')!)).toBeLessThan(0.2)
  })

  it('only raises: a cold stays self-care, an emergency the rules read stays an emergency', () => {
    const model = loadEmergencyModel()
    const cold = 'sniffly cold for two days, a bit of a sore throat, eating and drinking fine, no fever'
    expect(model.score(cold, extractor.read(cold))).toBeLessThan(model.threshold)
    expect(assessTriage(extractor, { texts: [cold], answers: {}, locale: 'en' }).urgency).toBe('self_care')
    const stroke = 'my dad suddenly cannot lift his left arm and his face has dropped on one side'
    expect(assessTriage(extractor, { texts: [stroke], answers: {}, locale: 'en' }).urgency).toBe('emergency')
  })

  it('the committed weights are what the development vignettes train (retrain after changing them)', async () => {
    const run = await new Promise<{ code: number, stdout: string }>((resolve) => {
      execFile(process.execPath, [CLI, '--check'], { timeout: 150_000 }, (error, stdout) => resolve({ code: error ? 1 : 0, stdout }))
    })
    expect(run.stdout).toMatch(/match the development data/)
    expect(run.code).toBe(0)
  }, 180_000)
})
