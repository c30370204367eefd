import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadScenarios } from '../../src/eval/conversations/load-scenarios.ts'
import { runConversationScenarios } from '../../src/eval/conversations/run-conversation-scenarios.ts'
import { buildTestApp, type TestApp } from '../helpers/test-app.ts'

// Every scripted conversation in tests/eval/conversations, one test each, against one app. A
// scenario marked skip documents a product bug reported to the lead; it shows up as skipped.
const scenarios = await loadScenarios(fileURLToPath(new URL('../eval/conversations/', import.meta.url)))

describe('conversation scenarios through the HTTP API', () => {
  let testApp: TestApp
  beforeAll(async () => { testApp = await buildTestApp('scenarios') })
  afterAll(async () => { await testApp.close() })

  it('has scenarios in both locales', () => {
    expect(scenarios.filter((scenario) => scenario.locale === 'en').length).toBeGreaterThan(0)
    expect(scenarios.filter((scenario) => scenario.locale === 'zh-CN').length).toBeGreaterThan(0)
  })

  for (const scenario of scenarios) {
    const test = scenario.skip ? it.skip : it
    test(`${scenario.id} [${scenario.locale}]: ${scenario.description}`, async () => {
      const [result] = await runConversationScenarios({ app: testApp.app, scenarios: [scenario] })
      const failure = result?.status === 'failed' ? `turn ${result.failedTurn}: ${result.reason}` : null
      expect(failure).toBeNull()
    })
  }
})
