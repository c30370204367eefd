import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createFindingExtractor } from '../../../src/clinical-findings/extract-findings.ts'
import { assessTriage } from '../../../src/flows/triage/assess-findings.ts'
import { loadEmergencyModel } from '../../../src/flows/triage/emergency-model/emergency-model.ts'
import { messageFeatures } from '../../../src/flows/triage/emergency-model/message-features.ts'
import { sigmoid, trainLogisticModel } from '../../../src/flows/triage/emergency-model/train-logistic-model.ts'

const CLI = fileURLToPath(new URL('../../../src/cli/train-emergency-model.ts', import.meta.url))
const extractor = createFindingExtractor()

describe('the emergency model beside the rules', () => {
  it('learns a cue that separates emergencies from the rest, the same way every time', () => {
    const examples = Array.from({ length: 40 }, (_, index) => ({ features: index % 2 === 0 ? ['w:grey', `w:n${index}`] : ['w:sneezing', `w:n${index}`], positive: index % 2 === 0 }))
    const first = trainLogisticModel(examples)
    const second = trainLogisticModel(examples)
    expect(first.weights).toEqual(second.weights)
    expect(sigmoid(first.bias + first.weights.get('w:grey')!)).toBeGreaterThan(0.8)
    expect(sigmoid(first.bias + first.weights.get('w:sneezing')!)).toBeLessThan(0.2)
  })

  it('sees who the message is about and the ConText attributes of each finding, not only its words', () => {
    const baby = 'my 6 week old has a temperature of 38.4 and no fever yesterday, her brother had a rash'
    const features = messageFeatures(baby, extractor.read(baby))
    expect(features).toEqual(expect.arrayContaining(['age:under_3_months', 'temperature_at_least:38', 'f:fever']))
    const denied = '没有发烧，也不咳嗽，就是嗓子有点干'
    expect(messageFeatures(denied, extractor.read(denied))).toEqual(expect.arrayContaining(['negated:fever']))
  })

  it('only raises: a cold stays self-care, an emergency the rules read stays an emergency', () => {
    const model = loadEmergencyModel()
    const cold = 'sniffly cold for two days, a bit of a sore throat, eating and drinking fine, no fever'
    expect(model.score(cold, extractor.read(cold))).toBeLessThan(model.threshold)
    expect(assessTriage(extractor, { texts: [cold], answers: {}, locale: 'en' }).urgency).toBe('self_care')
    const stroke = 'my dad suddenly cannot lift his left arm and his face has dropped on one side'
    expect(assessTriage(extractor, { texts: [stroke], answers: {}, locale: 'en' }).urgency).toBe('emergency')
  })

  it('a short ordinary question about a child or a parent is not raised: the model reads stories, not a prior', () => {
    const model = loadEmergencyModel()
    const questions = [
      'my son has a fever what should i do', 'my child has been sick once today', 'can i give calpol to my 4 year old for a temperature',
      'toddler has diarrhoea since yesterday, still drinking', 'my mum is 80 and feels tired lately', 'pregnant 20 weeks with heartburn',
      '孩子发烧了怎么办', '娃吐了一次', '孩子发烧38度5能吃美林吗', '我儿子三岁，今天早上开始发烧38度4', '宝宝拉肚子怎么办', '孕妇头疼怎么办'
    ]
    const raised = questions.filter((text) => model.score(text, extractor.read(text)) >= model.threshold)
    expect(raised).toEqual([])
    for (const text of questions) expect(assessTriage(extractor, { texts: [text], answers: {}, locale: /[\u4e00-\u9fff]/u.test(text) ? 'zh-CN' : 'en' }).reasons).not.toContain('emergency_model')
  })

  it('the committed weights are what the development vignettes train (retrain after changing them)', async () => {
    const run = await new Promise<{ code: number, stdout: string }>((resolve) => {
      execFile(process.execPath, [CLI, '--check'], { timeout: 150_000 }, (error, stdout) => resolve({ code: error ? 1 : 0, stdout }))
    })
    expect(run.stdout).toMatch(/match the development data/)
    expect(run.code).toBe(0)
  }, 180_000)
})
